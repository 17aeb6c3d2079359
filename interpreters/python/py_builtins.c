/* py_builtins.c — the builtins module: print, len, sorted, min, max, ...
 * with CPython 3.11's behaviour and messages, the iterator types behind
 * enumerate, zip, map, filter and reversed, and the names of the builtin
 * types and exceptions. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "py_eval.h"
#include "py_sys.h"

/* ---- print, input ------------------------------------------------------------------- */

static py_val builtin_print(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    static const char *const names[] = {"sep", "end", "file", "flush"};
    py_val opts[4] = {NULL, NULL, NULL, NULL};
    size_t nkw = kwnames ? (size_t)kwnames->length : 0;
    for (size_t k = 0; k < nkw; k++) {
        const py_str *name = (const py_str *)kwnames->items[k];
        size_t i = 0;
        while (i < 4 && strcmp(names[i], name->data))
            i++;
        if (i == 4)
            return py_err_format(&py_exc_TypeError, "'%s' is an invalid keyword argument for print()", name->data);
        opts[i] = args[nargs + k];
    }
    py_val sep = opts[0] && opts[0] != py_none ? opts[0] : NULL, end = opts[1] && opts[1] != py_none ? opts[1] : NULL;
    if (sep && py_type_of(sep) != &py_str_type)
        return py_err_format(&py_exc_TypeError, "sep must be None or a string, not %s", py_type_name(sep));
    if (end && py_type_of(end) != &py_str_type)
        return py_err_format(&py_exc_TypeError, "end must be None or a string, not %s", py_type_name(end));
    py_val file = opts[2] && opts[2] != py_none ? opts[2] : py_sys_stdout();
    for (size_t i = 0; i < nargs; i++) {
        if (i && py_file_write(file, sep ? (py_str *)sep : py_str_intern(" ")) < 0)
            return NULL;
        py_str *s = (py_str *)py_to_str(args[i]);
        if (!s || py_file_write(file, s) < 0)
            return NULL;
    }
    if (py_file_write(file, end ? (py_str *)end : py_str_intern("\n")) < 0)
        return NULL;
    if (opts[3] && py_truth(opts[3]) > 0 && py_file_flush(file) < 0)
        return NULL;
    return py_none;
}

static py_val builtin_input(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    if (!py_args_count("input", nargs, kwnames, 0, 1))
        return NULL;
    if (nargs) {
        py_str *prompt = (py_str *)py_to_str(args[0]);
        if (!prompt || py_file_write(py_sys_stdout(), prompt) < 0 || py_file_flush(py_sys_stdout()) < 0)
            return NULL;
    }
    py_val line = py_file_readline(py_sys_stdin());
    if (!line)
        return NULL;
    const py_str *s = (const py_str *)line;
    if (s->size == 0)
        return py_err_format(&py_exc_EOFError, "EOF when reading a line");
    size_t size = (size_t)s->size - (s->data[s->size - 1] == '\n');
    return (py_val)py_str_new(s->data, size);
}

/* ---- one-argument functions ---------------------------------------------------------- */

py_val py_builtin_len(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    if (!py_args_one("len", nargs, kwnames))
        return NULL;
    int64_t n = py_len(args[0]);
    return n < 0 ? NULL : py_int_from_i64(n);
}

static py_val builtin_repr(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    return py_args_one("repr", nargs, kwnames) ? py_repr(args[0]) : NULL;
}

static py_val builtin_ascii(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    return py_args_one("ascii", nargs, kwnames) ? py_ascii(args[0]) : NULL;
}

static py_val builtin_hash(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    if (!py_args_one("hash", nargs, kwnames))
        return NULL;
    int64_t h = py_hash(args[0]);
    return h == -1 ? NULL : py_int_from_i64(h);
}

static py_val builtin_id(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    if (!py_args_one("id", nargs, kwnames))
        return NULL;
    return py_int_from_i64((int64_t)(uintptr_t)args[0]);
}

static py_val builtin_abs(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    if (!py_args_one("abs", nargs, kwnames))
        return NULL;
    const py_type *t = py_type_of(args[0]);
    if (!t->abs)
        return py_err_format(&py_exc_TypeError, "bad operand type for abs(): '%s'", t->name);
    return t->abs(args[0]);
}

static py_val builtin_callable(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    return py_args_one("callable", nargs, kwnames) ? py_bool(py_type_of(args[0])->call != NULL) : NULL;
}

static py_val builtin_iter(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    return py_args_count("iter", nargs, kwnames, 1, 1) ? py_iter(args[0]) : NULL;
}

static py_val builtin_next(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    if (!py_args_count("next", nargs, kwnames, 1, 2))
        return NULL;
    if (!py_type_of(args[0])->next)
        return py_err_format(&py_exc_TypeError, "'%s' object is not an iterator", py_type_name(args[0]));
    py_val item = py_next(args[0]);
    if (item || py_err_current())
        return item;
    if (nargs == 2)
        return args[1];
    py_err_set(py_exception_new(&py_exc_StopIteration, NULL, 0));
    return NULL;
}

static py_val builtin_ord(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    if (!py_args_one("ord", nargs, kwnames))
        return NULL;
    if (py_type_of(args[0]) != &py_str_type)
        return py_err_format(&py_exc_TypeError, "ord() expected string of length 1, but %s found",
                             py_type_name(args[0]));
    const py_str *s = (const py_str *)args[0];
    if (s->length != 1)
        return py_err_format(&py_exc_TypeError, "ord() expected a character, but string of length %lld found",
                             (long long)s->length);
    size_t offset = 0;
    return py_int_from_i64(py_utf8_decode(s->data, (size_t)s->size, &offset));
}

static py_val builtin_chr(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    if (!py_args_one("chr", nargs, kwnames))
        return NULL;
    int cp;
    if (py_index_c_int(args[0], &cp) < 0)
        return NULL;
    if (cp < 0 || cp > 0x10FFFF)
        return py_err_format(&py_exc_ValueError, "chr() arg not in range(0x110000)");
    char buf[PY_UTF8_MAX];
    size_t n = py_utf8_encode((uint32_t)cp, buf);
    return (py_val)py_str_new(buf, n);
}

static py_val base_function(const char *name, int base, py_val *args, size_t nargs, py_tuple *kwnames)
{
    return py_args_one(name, nargs, kwnames) ? py_int_in_base(args[0], base) : NULL;
}

static py_val builtin_bin(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    return base_function("bin", 2, args, nargs, kwnames);
}

static py_val builtin_oct(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    return base_function("oct", 8, args, nargs, kwnames);
}

static py_val builtin_hex(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    return base_function("hex", 16, args, nargs, kwnames);
}

/* ---- numbers ---------------------------------------------------------------------- */

static py_val builtin_divmod(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    return py_args_count("divmod", nargs, kwnames, 2, 2) ? py_divmod(args[0], args[1]) : NULL;
}

static py_val builtin_pow(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    static const char *const names[] = {"base", "exp", "mod"};
    static const py_params params = {"pow", names, 3, 0, 3, 2};
    py_val a[3];
    if (!py_args_parse(&params, args, nargs, kwnames, a))
        return NULL;
    return py_pow3(a[0], a[1], a[2] ? a[2] : py_none);
}

static py_val builtin_round(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    static const char *const names[] = {"number", "ndigits"};
    static const py_params params = {"round", names, 2, 0, 2, 1};
    py_val a[2];
    if (!py_args_parse(&params, args, nargs, kwnames, a))
        return NULL;
    return py_round(a[0], a[1]);
}

/* ---- over iterables ------------------------------------------------------------------- */

/* any(), all(): the first item whose truth is `stop`. */
static py_val any_all(const char *name, bool stop, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_one(name, nargs, kwnames))
        return NULL;
    py_val it = py_iter(args[0]), x;
    if (!it)
        return NULL;
    while ((x = py_next(it))) {
        int t = py_truth(x);
        if (t < 0)
            return NULL;
        if (t == stop)
            return py_bool(stop);
    }
    return py_err_current() ? NULL : py_bool(!stop);
}

static py_val builtin_any(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    return any_all("any", true, args, nargs, kwnames);
}

static py_val builtin_all(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    return any_all("all", false, args, nargs, kwnames);
}

static py_val builtin_sum(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    static const char *const names[] = {"iterable", "start"};
    static const py_params params = {"sum", names, 2, 1, 2, 1};
    py_val a[2];
    if (!py_args_parse(&params, args, nargs, kwnames, a))
        return NULL;
    py_val total = a[1] ? a[1] : py_small(0);
    if (py_type_of(total) == &py_str_type)
        return py_err_format(&py_exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    py_val it = py_iter(a[0]), x;
    if (!it)
        return NULL;
    while ((x = py_next(it)))
        if (!(total = py_binary(total, x, PY_OP_ADD)))
            return NULL;
    return py_err_current() ? NULL : total;
}

/* min() and max(): over one iterable or the arguments, with key= and
 * default=. */
static py_val min_max(const char *name, py_compare_op better, py_val *args, size_t nargs, py_tuple *kwnames)
{
    py_val key = NULL, dflt = NULL;
    size_t nkw = kwnames ? (size_t)kwnames->length : 0;
    for (size_t k = 0; k < nkw; k++) {
        const py_str *kname = (const py_str *)kwnames->items[k];
        if (!strcmp(kname->data, "key"))
            key = args[nargs + k] == py_none ? NULL : args[nargs + k];
        else if (!strcmp(kname->data, "default"))
            dflt = args[nargs + k];
        else
            return py_err_format(&py_exc_TypeError, "%s() got an unexpected keyword argument '%s'", name,
                                 kname->data);
    }
    if (nargs == 0)
        return py_err_format(&py_exc_TypeError, "%s expected at least 1 argument, got 0", name);
    if (nargs > 1 && dflt)
        return py_err_format(&py_exc_TypeError,
                             "Cannot specify a default for %s() with multiple positional arguments", name);
    py_val it = nargs == 1 ? py_iter(args[0]) : py_iter((py_val)py_tuple_from(args, nargs));
    if (!it)
        return NULL;
    py_val best = NULL, best_key = NULL, x;
    while ((x = py_next(it))) {
        py_val k = key ? py_call(key, &x, 1, NULL) : x;
        if (!k)
            return NULL;
        if (best) {
            py_val r = py_compare(k, best_key, better);
            int t = r ? py_truth(r) : -1;
            if (t < 0)
                return NULL;
            if (!t)
                continue;
        }
        best = x;
        best_key = k;
    }
    if (py_err_current())
        return NULL;
    if (!best) {
        if (dflt)
            return dflt;
        return py_err_format(&py_exc_ValueError, "%s() arg is an empty sequence", name);
    }
    return best;
}

static py_val builtin_min(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    return min_max("min", PY_LT, args, nargs, kwnames);
}

static py_val builtin_max(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    return min_max("max", PY_GT, args, nargs, kwnames);
}

static py_val builtin_sorted(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    if (nargs != 1)
        return py_err_format(&py_exc_TypeError, "sorted expected 1 argument, got %zu", nargs);
    py_val key = NULL;
    bool reverse = false;
    size_t nkw = kwnames ? (size_t)kwnames->length : 0;
    for (size_t k = 0; k < nkw; k++) {
        const py_str *kname = (const py_str *)kwnames->items[k];
        py_val v = args[nargs + k];
        if (!strcmp(kname->data, "key")) {
            key = v == py_none ? NULL : v;
        } else if (!strcmp(kname->data, "reverse")) {
            int t = py_truth(v);
            if (t < 0)
                return NULL;
            reverse = t;
        } else {
            return py_err_format(&py_exc_TypeError, "sort() got an unexpected keyword argument '%s'", kname->data);
        }
    }
    py_list *list = py_list_new(0);
    if (py_list_extend(list, args[0]) < 0 || py_list_sort(list, key, reverse) < 0)
        return NULL;
    return (py_val)list;
}

/* ---- types and instances ---------------------------------------------------------------- */

/* isinstance(x, cls) and issubclass(c, cls): cls a type or a tuple of
 * them (nested tuples too). */
static int check_class(const py_type *t, py_val cls, const char *name)
{
    if (py_type_of(cls) == &py_tuple_type) {
        const py_tuple *tuple = (const py_tuple *)cls;
        for (int64_t i = 0; i < tuple->length; i++) {
            int r = check_class(t, tuple->items[i], name);
            if (r)
                return r;
        }
        return 0;
    }
    if (!py_isinstance(cls, &py_type_type)) {
        py_err_format(&py_exc_TypeError, "%s() arg 2 must be a type, a tuple of types, or a union", name);
        return -1;
    }
    return py_type_is_subtype(t, (const py_type *)cls);
}

static py_val builtin_isinstance(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    if (!py_args_count("isinstance", nargs, kwnames, 2, 2))
        return NULL;
    int r = check_class(py_type_of(args[0]), args[1], "isinstance");
    return r < 0 ? NULL : py_bool(r);
}

static py_val builtin_issubclass(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    if (!py_args_count("issubclass", nargs, kwnames, 2, 2))
        return NULL;
    if (!py_isinstance(args[0], &py_type_type))
        return py_err_format(&py_exc_TypeError, "issubclass() arg 1 must be a class");
    int r = check_class((const py_type *)args[0], args[1], "issubclass");
    return r < 0 ? NULL : py_bool(r);
}

static py_val builtin_format(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    if (!py_args_count("format", nargs, kwnames, 1, 2))
        return NULL;
    if (nargs == 2 && py_type_of(args[1]) != &py_str_type)
        return py_err_format(&py_exc_TypeError, "format() argument 2 must be str, not %s", py_type_name(args[1]));
    return py_format_value(args[0], nargs == 2 ? (py_str *)args[1] : py_str_intern(""));
}

static py_val builtin_open(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    static const char *const names[] = {"file", "mode", "buffering", "encoding"};
    static const py_params params = {"open", names, 4, 0, 4, 1};
    py_val a[4];
    if (!py_args_parse(&params, args, nargs, kwnames, a))
        return NULL;
    return py_file_open(a[0], a[1] ? a[1] : (py_val)py_str_intern("r"));
}

/* ---- the module --------------------------------------------------------------------------- */

static const py_method_def functions[] = {
    {"abs", builtin_abs},         {"all", builtin_all},           {"any", builtin_any},
    {"ascii", builtin_ascii},     {"bin", builtin_bin},           {"callable", builtin_callable},
    {"chr", builtin_chr},         {"divmod", builtin_divmod},     {"format", builtin_format},
    {"hash", builtin_hash},       {"hex", builtin_hex},           {"id", builtin_id},
    {"input", builtin_input},     {"isinstance", builtin_isinstance}, {"issubclass", builtin_issubclass},
    {"iter", builtin_iter},       {"len", py_builtin_len},           {"max", builtin_max},
    {"min", builtin_min},         {"next", builtin_next},         {"oct", builtin_oct},
    {"open", builtin_open},       {"ord", builtin_ord},           {"pow", builtin_pow},
    {"print", builtin_print},     {"repr", builtin_repr},         {"round", builtin_round},
    {"sorted", builtin_sorted},   {"sum", builtin_sum},           {NULL, NULL},
};

static void define(py_module *m, const char *name, py_val value)
{
    mt_quasi_write_ptr(&py_module_global(m, py_str_intern(name))->cell, value);
}

py_module *py_builtins_new(void)
{
    py_module *m = py_module_new("builtins", NULL);
    for (const py_method_def *f = functions; f->name; f++)
        define(m, f->name, py_builtin_new(f, NULL));
    static py_type *const types[] = {
        &py_type_type,  &py_object_type, &py_bool_type,  &py_int_type,   &py_float_type,
        &py_str_type,   &py_bytes_type,  &py_tuple_type, &py_list_type,  &py_dict_type,
        &py_set_type,   &py_frozenset_type, &py_range_type, &py_slice_type,
        &py_enumerate_type, &py_zip_type, &py_map_type, &py_filter_type, &py_reversed_type,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        define(m, types[i]->name, (py_val)types[i]);
#define PY_EXC_BUILTIN(n, b) define(m, #n, (py_val)&py_exc_##n);
    PY_EXCEPTIONS(PY_EXC_BUILTIN)
#undef PY_EXC_BUILTIN
    define(m, "IOError", (py_val)&py_exc_OSError); /* aliases since 3.3 */
    define(m, "EnvironmentError", (py_val)&py_exc_OSError);
    return m;
}
