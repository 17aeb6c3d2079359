/* py_file.c — text files: what open() returns and what sys.stdin, stdout
 * and stderr are (CPython's io.TextIOWrapper, UTF-8 only): read, readline,
 * readlines, write, writelines, flush, close, iteration over lines. */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "py_eval.h"
#include "py_sys.h"

typedef struct py_file {
    py_obj head;
    FILE *fp;
    py_val name;
    py_str *mode;
    bool readable, writable, closed;
} py_file;

void *py_err_from_errno(int err, py_val filename)
{
    const py_type *type = err == ENOENT ? &py_exc_FileNotFoundError : err == EEXIST ? &py_exc_FileExistsError
                          : err == EISDIR ? &py_exc_IsADirectoryError : err == ENOTDIR ? &py_exc_NotADirectoryError
                          : err == EACCES || err == EPERM ? &py_exc_PermissionError : &py_exc_OSError;
    py_val args[] = {py_int_from_i64(err), (py_val)py_str_from_cstr(strerror(err))};
    py_exception *e = (py_exception *)py_exception_new(type, args, 2);
    e->value = filename ? filename : py_none;
    py_err_set((py_val)e);
    return NULL;
}

static py_val new_file(FILE *fp, py_val name, const char *mode, bool readable, bool writable)
{
    py_file *f = mt_alloc(sizeof *f);
    f->head.type = &py_file_type;
    f->fp = fp;
    f->name = name;
    f->mode = py_str_intern(mode);
    f->readable = readable;
    f->writable = writable;
    return (py_val)f;
}

py_val py_file_open(py_val path, py_val mode)
{
    if (py_type_of(path) != &py_str_type)
        return py_err_format(&py_exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                             py_type_name(path));
    if (py_type_of(mode) != &py_str_type)
        return py_err_format(&py_exc_TypeError, "open() argument 'mode' must be str, not %s", py_type_name(mode));
    const char *m = ((const py_str *)mode)->data;
    bool read = strchr(m, 'r'), write = strchr(m, 'w'), append = strchr(m, 'a'), create = strchr(m, 'x');
    bool plus = strchr(m, '+');
    if (strspn(m, "rwaxt+b") != strlen(m) || read + write + append + create != 1)
        return py_err_format(&py_exc_ValueError, "invalid mode: '%s'", m);
    if (strchr(m, 'b'))
        return py_err_format(&py_exc_ValueError, "binary files are not supported by mtpy yet");
    const char *cmode = read ? (plus ? "r+" : "r") : write ? (plus ? "w+" : "w")
                        : append ? (plus ? "a+" : "a") : (plus ? "w+x" : "wx");
    FILE *fp = fopen(((const py_str *)path)->data, cmode);
    if (!fp)
        return py_err_from_errno(errno, path);
    return new_file(fp, path, m, read || plus, !read || plus);
}

static py_file *checked(py_val self, bool reading)
{
    py_file *f = (py_file *)self;
    if (f->closed)
        return py_err_format(&py_exc_ValueError, "I/O operation on closed file.");
    if (reading ? !f->readable : !f->writable) {
        py_val args[] = {(py_val)py_str_from_cstr(reading ? "not readable" : "not writable")};
        py_err_set(py_exception_new(&py_exc_OSError, args, 1)); /* io.UnsupportedOperation */
        return NULL;
    }
    return f;
}

int py_file_write(py_val file, py_str *text)
{
    if (py_type_of(file) != &py_file_type) { /* anything with a write method */
        py_val write = py_getattr(file, py_str_intern("write"));
        py_val arg = (py_val)text;
        return write && py_call(write, &arg, 1, NULL) ? 0 : -1;
    }
    py_file *f = checked(file, false);
    if (!f)
        return -1;
    if (text->size && fwrite(text->data, 1, (size_t)text->size, f->fp) != (size_t)text->size) {
        py_err_from_errno(errno, NULL);
        return -1;
    }
    return 0;
}

int py_file_flush(py_val file)
{
    if (py_type_of(file) != &py_file_type)
        return 0;
    py_file *f = (py_file *)file;
    if (!f->closed && fflush(f->fp) != 0) {
        py_err_from_errno(errno, NULL);
        return -1;
    }
    return 0;
}

/* Text read from the file is UTF-8, checked as CPython's decoder checks it. */
static py_val text_of(char *data, size_t size)
{
    py_utf8_error error;
    if (!py_utf8_check(data, size, &error)) {
        py_val msg = (py_val)py_str_from_cstr(py_utf8_decode_error_message(data, &error));
        py_err_set(py_exception_new(&py_exc_UnicodeDecodeError, &msg, 1));
        return NULL;
    }
    return (py_val)py_str_new(data, size);
}

py_val py_file_readline(py_val file)
{
    py_file *f = checked(file, true);
    if (!f)
        return NULL;
    size_t size = 0, max = 128;
    char *line = mt_alloc_atomic(max);
    int c;
    for (;;) {
        while ((c = getc(f->fp)) != EOF) {
            if (size + 1 >= max)
                line = mt_realloc(line, max *= 2);
            line[size++] = (char)c;
            if (c == '\n')
                break;
        }
        if (!ferror(f->fp) || errno != EINTR)
            break;
        clearerr(f->fp); /* a signal came while it waited: Ctrl-C, or go on */
        if (py_take_interrupt())
            return NULL;
    }
    if (ferror(f->fp))
        return py_err_from_errno(errno, NULL);
    return text_of(line, size);
}

static py_val file_read(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_count("read", nargs, kwnames, 0, 1))
        return NULL;
    py_file *f = checked(self, true);
    if (!f)
        return NULL;
    int64_t limit = -1;
    if (nargs && args[0] != py_none && py_index(args[0], &limit) < 0)
        return NULL;
    size_t size = 0, max = 4096;
    char *data = mt_alloc_atomic(max);
    int c;
    /* a limit counts characters: read whole UTF-8 sequences */
    for (int64_t chars = 0; (limit < 0 || chars < limit) && (c = getc(f->fp)) != EOF;) {
        if (size + 1 >= max)
            data = mt_realloc(data, max *= 2);
        data[size++] = (char)c;
        chars += ((unsigned char)c & 0xC0) != 0x80;
        if (limit >= 0 && chars == limit) { /* the rest of this character */
            while ((c = getc(f->fp)) != EOF && ((unsigned char)c & 0xC0) == 0x80) {
                if (size + 1 >= max)
                    data = mt_realloc(data, max *= 2);
                data[size++] = (char)c;
            }
            if (c != EOF)
                ungetc(c, f->fp);
        }
    }
    if (ferror(f->fp))
        return py_err_from_errno(errno, NULL);
    return text_of(data, size);
}

static py_val file_readline(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    return py_args_count("readline", nargs, kwnames, 0, 1) ? py_file_readline(self) : NULL;
}

static py_val file_readlines(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    if (!py_args_count("readlines", nargs, kwnames, 0, 1))
        return NULL;
    py_list *lines = py_list_new(0);
    for (;;) {
        py_val line = py_file_readline(self);
        if (!line)
            return NULL;
        if (((py_str *)line)->size == 0)
            return (py_val)lines;
        if (py_list_append(lines, line) < 0)
            return NULL;
    }
}

static py_val file_write(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_count("write", nargs, kwnames, 1, 1))
        return NULL;
    if (py_type_of(args[0]) != &py_str_type)
        return py_err_format(&py_exc_TypeError, "write() argument must be str, not %s", py_type_name(args[0]));
    py_str *s = (py_str *)args[0];
    return py_file_write(self, s) < 0 ? NULL : py_int_from_i64(s->length);
}

static py_val file_writelines(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_count("writelines", nargs, kwnames, 1, 1))
        return NULL;
    py_val it = py_iter(args[0]), x;
    if (!it)
        return NULL;
    while ((x = py_next(it))) {
        if (py_type_of(x) != &py_str_type)
            return py_err_format(&py_exc_TypeError, "write() argument must be str, not %s", py_type_name(x));
        if (py_file_write(self, (py_str *)x) < 0)
            return NULL;
    }
    return py_err_current() ? NULL : py_none;
}

static py_val file_flush(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    if (!py_args_none("flush", nargs, kwnames))
        return NULL;
    return py_file_flush(self) < 0 ? NULL : py_none;
}

static py_val file_close(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    if (!py_args_none("close", nargs, kwnames))
        return NULL;
    py_file *f = (py_file *)self;
    if (!f->closed) {
        f->closed = true;
        if (f->fp != stdout && f->fp != stderr && f->fp != stdin && fclose(f->fp) != 0)
            return py_err_from_errno(errno, NULL);
    }
    return py_none;
}

static py_val file_next(py_val self)
{
    py_val line = py_file_readline(self);
    return line && ((py_str *)line)->size == 0 ? NULL : line;
}

static py_val file_iter(py_val self) { return checked(self, true) ? self : NULL; }

static py_val file_getattr(py_val self, py_str *name)
{
    py_file *f = (py_file *)self;
    if (!strcmp(name->data, "name"))
        return f->name;
    if (!strcmp(name->data, "mode"))
        return (py_val)f->mode;
    if (!strcmp(name->data, "closed"))
        return py_bool(f->closed);
    return NULL;
}

static py_val file_repr(py_val self)
{
    py_file *f = (py_file *)self;
    py_str *name = (py_str *)py_repr(f->name);
    return name ? (py_val)py_str_format("<_io.TextIOWrapper name=%s mode='%s' encoding='utf-8'>", name->data,
                                        f->mode->data)
                : NULL;
}

static const py_method_def file_methods[] = {
    {"read", file_read},   {"readline", file_readline}, {"readlines", file_readlines},
    {"write", file_write}, {"writelines", file_writelines}, {"flush", file_flush},
    {"close", file_close}, {NULL, NULL},
};

py_type py_file_type = {
    .head = {&py_type_type}, .name = "_io.TextIOWrapper", .repr = file_repr, .iter = file_iter,
    .next = file_next, .getattr = file_getattr, .methods = file_methods,
};

py_val py_file_from_stream(FILE *fp, const char *name, bool readable)
{
    return new_file(fp, (py_val)py_str_from_cstr(name), readable ? "r" : "w", readable, !readable);
}
