/* py_bytes.c — the bytes type, as far as str needs it: bytes(...), repr
 * b'...', len, indexing and slicing, ==/<, hash, +, *, `in`, iteration,
 * decode() and str.encode() for UTF-8, ASCII and Latin-1 with CPython's
 * errors ('strict', 'replace', 'ignore'), and hex().
 */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "py_types.h"
#include "py_unicode.h"

py_bytes *py_bytes_new(const char *data, size_t size)
{
    if (size > (size_t)INT64_MAX - sizeof(py_bytes) - 1)
        return py_err_no_memory();
    py_bytes *b = py_alloc_atomic_storage(sizeof *b + size + 1);
    if (!b)
        return NULL;
    b->head.type = &py_bytes_type;
    b->size = (int64_t)size;
    b->hash = -1;
    if (data && size)
        memcpy(b->data, data, size);
    else if (size)
        memset(b->data, 0, size);
    b->data[size] = '\0';
    return b;
}

/* ---- encodings ---------------------------------------------------------------------- */

typedef enum { ENCODING_UTF8, ENCODING_ASCII, ENCODING_LATIN1, ENCODING_UNKNOWN } encoding_kind;
typedef enum { ERRORS_STRICT, ERRORS_REPLACE, ERRORS_IGNORE, ERRORS_UNKNOWN } errors_kind;

/* CPython's lookup ignores case and treats '_' and ' ' as '-'. */
static encoding_kind encoding_of(const py_str *name)
{
    static const struct {
        const char *name;
        encoding_kind kind;
    } names[] = {
        {"utf-8", ENCODING_UTF8},     {"utf8", ENCODING_UTF8},       {"u8", ENCODING_UTF8},
        {"ascii", ENCODING_ASCII},    {"us-ascii", ENCODING_ASCII},  {"latin-1", ENCODING_LATIN1},
        {"latin1", ENCODING_LATIN1},  {"iso-8859-1", ENCODING_LATIN1}, {"iso8859-1", ENCODING_LATIN1},
        {"l1", ENCODING_LATIN1},
    };
    char normal[16];
    if (name->size >= (int64_t)sizeof normal)
        return ENCODING_UNKNOWN;
    for (int64_t i = 0; i <= name->size; i++) {
        char c = (char)tolower((unsigned char)name->data[i]);
        normal[i] = c == '_' || c == ' ' ? '-' : c;
    }
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(normal, names[i].name))
            return names[i].kind;
    return ENCODING_UNKNOWN;
}

static const char *const encoding_names[] = {"utf-8", "ascii", "latin-1"};

static errors_kind errors_of(const py_str *errors)
{
    if (!errors || !strcmp(errors->data, "strict"))
        return ERRORS_STRICT;
    if (!strcmp(errors->data, "replace"))
        return ERRORS_REPLACE;
    if (!strcmp(errors->data, "ignore"))
        return ERRORS_IGNORE;
    return ERRORS_UNKNOWN;
}

/* The encoding and errors arguments (NULL: the defaults), checked. */
static bool codec_arguments(const char *function, py_val encoding, py_val errors, encoding_kind *kind,
                            errors_kind *handling)
{
    for (int i = 0; i < 2; i++) {
        py_val arg = i ? errors : encoding;
        if (arg && !py_isinstance(arg, &py_str_type)) {
            py_err_format(&py_exc_TypeError, "%s() argument '%s' must be str, not %s", function,
                          i ? "errors" : "encoding", py_type_name(arg));
            return false;
        }
    }
    *kind = encoding ? encoding_of((py_str *)encoding) : ENCODING_UTF8;
    if (*kind == ENCODING_UNKNOWN) {
        py_err_format(&py_exc_LookupError, "unknown encoding: %s", ((py_str *)encoding)->data);
        return false;
    }
    *handling = errors_of((py_str *)errors);
    return true;
}

static bool unknown_handler(errors_kind handling, py_val errors)
{
    if (handling != ERRORS_UNKNOWN)
        return false;
    py_err_format(&py_exc_LookupError, "unknown error handler name '%s'", ((py_str *)errors)->data);
    return true;
}

static py_val decode_utf8(const py_bytes *b, errors_kind handling, py_val errors)
{
    py_utf8_error error;
    if (py_utf8_check(b->data, (size_t)b->size, &error))
        return (py_val)py_str_new(b->data, (size_t)b->size);
    if (handling == ERRORS_STRICT)
        return py_err_format(&py_exc_UnicodeDecodeError, "%s", py_utf8_decode_error_message(b->data, &error));
    if (unknown_handler(handling, errors))
        return NULL;
    py_str_builder sb;
    py_sb_init(&sb, (size_t)b->size);
    size_t at = 0;
    for (;;) {
        py_sb_bytes(&sb, b->data + at, error.start);
        if (handling == ERRORS_REPLACE)
            py_sb_code_point(&sb, 0xFFFD);
        at += error.end;
        if (py_utf8_check(b->data + at, (size_t)b->size - at, &error))
            break;
    }
    py_sb_bytes(&sb, b->data + at, (size_t)b->size - at);
    return (py_val)py_sb_finish(&sb);
}

/* ASCII or Latin-1: each byte one code point (ASCII: below 128). */
static py_val decode_bytewise(const py_bytes *b, encoding_kind kind, errors_kind handling, py_val errors)
{
    py_str_builder sb;
    py_sb_init(&sb, (size_t)b->size);
    for (int64_t i = 0; i < b->size; i++) {
        unsigned char c = (unsigned char)b->data[i];
        if (c < 0x80 || kind == ENCODING_LATIN1) {
            py_sb_code_point(&sb, c);
            continue;
        }
        if (handling == ERRORS_STRICT)
            return py_err_format(&py_exc_UnicodeDecodeError,
                                 "'ascii' codec can't decode byte 0x%02x in position %ld: ordinal not in range(128)",
                                 c, (long)i);
        if (unknown_handler(handling, errors))
            return NULL;
        if (handling == ERRORS_REPLACE)
            py_sb_code_point(&sb, 0xFFFD);
    }
    return (py_val)py_sb_finish(&sb);
}

py_val py_bytes_decode(py_val bytes, py_val encoding, py_val errors)
{
    encoding_kind kind;
    errors_kind handling;
    if (!codec_arguments("decode", encoding, errors, &kind, &handling))
        return NULL;
    const py_bytes *b = (const py_bytes *)bytes;
    return kind == ENCODING_UTF8 ? decode_utf8(b, handling, errors) : decode_bytewise(b, kind, handling, errors);
}

static py_val encode_bytewise(const py_str *s, encoding_kind kind, errors_kind handling, py_val errors)
{
    uint32_t limit = kind == ENCODING_ASCII ? 0x80 : 0x100;
    py_bytes *b = py_bytes_new(NULL, (size_t)s->length);
    int64_t n = 0, index = 0;
    for (size_t offset = 0; offset < (size_t)s->size; index++) {
        uint32_t cp = py_utf8_decode(s->data, (size_t)s->size, &offset);
        if (cp < limit) {
            b->data[n++] = (char)cp;
            continue;
        }
        if (handling == ERRORS_STRICT) {
            char escape[16];
            snprintf(escape, sizeof escape, cp <= 0xFF ? "\\x%02x" : cp <= 0xFFFF ? "\\u%04x" : "\\U%08x", cp);
            return py_err_format(&py_exc_UnicodeEncodeError,
                                 "'%s' codec can't encode character '%s' in position %ld: ordinal not in range(%u)",
                                 encoding_names[kind], escape, (long)index, limit);
        }
        if (unknown_handler(handling, errors))
            return NULL;
        if (handling == ERRORS_REPLACE)
            b->data[n++] = '?';
    }
    b->size = n;
    b->data[n] = '\0';
    return (py_val)b;
}

py_val py_str_encode(const py_str *s, py_val encoding, py_val errors)
{
    encoding_kind kind;
    errors_kind handling;
    if (!codec_arguments("encode", encoding, errors, &kind, &handling))
        return NULL;
    if (kind != ENCODING_UTF8)
        return encode_bytewise(s, kind, handling, errors);
    py_utf8_error error;
    if (py_utf8_check_encodable(s->data, (size_t)s->size, &error))
        return (py_val)py_bytes_new(s->data, (size_t)s->size);
    if (handling == ERRORS_STRICT)
        return py_err_format(&py_exc_UnicodeEncodeError, "%s",
                             py_utf8_encode_error_message(s->data, (size_t)s->size, &error));
    if (unknown_handler(handling, errors))
        return NULL;
    py_bytes *b = py_bytes_new(NULL, (size_t)s->size);
    int64_t n = 0;
    for (size_t offset = 0; offset < (size_t)s->size;) {
        size_t start = offset;
        uint32_t cp = py_utf8_decode(s->data, (size_t)s->size, &offset);
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            if (handling == ERRORS_REPLACE)
                b->data[n++] = '?';
            continue;
        }
        memcpy(b->data + n, s->data + start, offset - start);
        n += (int64_t)(offset - start);
    }
    b->size = n;
    b->data[n] = '\0';
    return (py_val)b;
}

/* ---- slots ------------------------------------------------------------------------------ */

static py_val bytes_repr(py_val v)
{
    const py_bytes *b = (const py_bytes *)v;
    py_text t = py_bytes_repr(b->data, (size_t)b->size);
    return (py_val)py_str_new_known(t.data, t.size, true);
}

static int64_t bytes_hash(py_val v)
{
    py_bytes *b = (py_bytes *)v;
    if (b->hash == -1)
        b->hash = py_hash_bytes(b->data, (size_t)b->size);
    return b->hash;
}

static py_val bytes_compare(py_val a, py_val b, py_compare_op op)
{
    if (py_type_of(b) != &py_bytes_type)
        return py_not_implemented;
    const py_bytes *x = (const py_bytes *)a, *y = (const py_bytes *)b;
    size_t n = x->size < y->size ? (size_t)x->size : (size_t)y->size;
    int c = n ? memcmp(x->data, y->data, n) : 0;
    if (!c)
        c = (x->size > y->size) - (x->size < y->size);
    static const bool lt[] = {1, 1, 0, 1, 0, 0}, eq[] = {0, 1, 1, 0, 0, 1}, gt[] = {0, 0, 0, 1, 1, 1};
    return py_bool(c < 0 ? lt[op] : c == 0 ? eq[op] : gt[op]);
}

static int64_t bytes_len(py_val v) { return ((py_bytes *)v)->size; }

static py_val bytes_getitem(py_val v, py_val key)
{
    const py_bytes *b = (const py_bytes *)v;
    int64_t i;
    int is_index = py_seq_item_index(key, b->size, "index out of range", &i);
    if (is_index < 0)
        return NULL;
    if (is_index) {
        return py_small((unsigned char)b->data[i]);
    }
    if (py_type_of(key) != &py_slice_type)
        return py_err_format(&py_exc_TypeError, "byte indices must be integers or slices, not %s", py_type_name(key));
    int64_t start, step, count;
    if (!py_slice_positions((const py_slice *)key, b->size, &start, &step, &count))
        return NULL;
    py_bytes *r = py_bytes_new(NULL, (size_t)count);
    for (int64_t k = 0; k < count; k++)
        r->data[k] = b->data[start + k * step];
    return (py_val)r;
}

static int bytes_contains(py_val v, py_val item)
{
    const py_bytes *b = (const py_bytes *)v;
    if (py_is_int(item)) {
        int64_t byte;
        if (!py_int_as_i64(item, &byte) || byte < 0 || byte > 255) {
            py_err_format(&py_exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        return b->size && memchr(b->data, (int)byte, (size_t)b->size) != NULL;
    }
    if (py_type_of(item) != &py_bytes_type) {
        py_err_format(&py_exc_TypeError, "a bytes-like object is required, not '%s'", py_type_name(item));
        return -1;
    }
    const py_bytes *sub = (const py_bytes *)item;
    return sub->size == 0 || (b->size && memmem(b->data, (size_t)b->size, sub->data, (size_t)sub->size) != NULL);
}

static py_val bytes_add(py_val a, py_val b)
{
    if (py_type_of(a) != &py_bytes_type)
        return py_not_implemented;
    if (py_type_of(b) != &py_bytes_type)
        return py_err_format(&py_exc_TypeError, "can't concat %s to bytes", py_type_name(b));
    const py_bytes *x = (const py_bytes *)a, *y = (const py_bytes *)b;
    py_bytes *r = py_bytes_new(NULL, (size_t)(x->size + y->size));
    memcpy(r->data, x->data, (size_t)x->size);
    memcpy(r->data + x->size, y->data, (size_t)y->size);
    return (py_val)r;
}

static py_val bytes_mul(py_val a, py_val b)
{
    bool bytes_left = py_type_of(a) == &py_bytes_type;
    const py_bytes *s = (const py_bytes *)(bytes_left ? a : b);
    int64_t n;
    if (!py_repeat_count(bytes_left ? b : a, &n))
        return NULL;
    if (s->size && n > INT64_MAX / s->size)
        return py_err_no_memory();
    py_bytes *r = py_bytes_new(NULL, (size_t)(s->size * n));
    if (!r)
        return NULL;
    for (int64_t k = 0; k < n; k++)
        memcpy(r->data + k * s->size, s->data, (size_t)s->size);
    return (py_val)r;
}

typedef struct bytes_iterator {
    py_obj head;
    py_bytes *bytes;
    int64_t index;
} bytes_iterator;

static py_val bytes_iterator_next(py_val v)
{
    bytes_iterator *it = (bytes_iterator *)v;
    if (!it->bytes || it->index >= it->bytes->size) {
        it->bytes = NULL;
        return NULL;
    }
    return py_small((unsigned char)it->bytes->data[it->index++]);
}

static py_val iterator_self(py_val v) { return v; }

static py_type bytes_iterator_type = {
    .head = {&py_type_type}, .name = "bytes_iterator", .iter = iterator_self, .next = bytes_iterator_next,
};

static py_val bytes_iter(py_val v)
{
    bytes_iterator *it = mt_alloc(sizeof *it);
    it->head.type = &bytes_iterator_type;
    it->bytes = (py_bytes *)v;
    return (py_val)it;
}

/* ---- bytes(source=b'', encoding, errors) ---------------------------------------------------- */

static py_val bytes_from_ints(py_val iterable)
{
    int64_t count;
    py_val *items = py_seq_items(iterable, &count);
    if (!items)
        return NULL;
    py_bytes *b = py_bytes_new(NULL, (size_t)count);
    for (int64_t i = 0; i < count; i++) {
        int64_t byte;
        if (!py_is_int(items[i]))
            return py_err_format(&py_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                                 py_type_name(items[i]));
        if (!py_int_as_i64(items[i], &byte) || byte < 0 || byte > 255)
            return py_err_format(&py_exc_ValueError, "bytes must be in range(0, 256)");
        b->data[i] = (char)byte;
    }
    return (py_val)b;
}

static py_val bytes_new(const py_type *type, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)type;
    static const char *const names[] = {"source", "encoding", "errors"};
    static const py_params params = {"bytes", names, 3, 0, 3, 0};
    py_val arg[3];
    if (!py_args_parse(&params, args, nargs, kwnames, arg))
        return NULL;
    py_val source = arg[0];
    if (!source)
        return (py_val)py_bytes_new(NULL, 0);
    if (py_isinstance(source, &py_str_type)) {
        if (!arg[1])
            return py_err_format(&py_exc_TypeError, "string argument without an encoding");
        return py_str_encode((py_str *)source, arg[1], arg[2]);
    }
    if (arg[1] || arg[2])
        return py_err_format(&py_exc_TypeError, arg[1] ? "encoding without a string argument"
                                                        : "errors without a string argument");
    if (py_type_of(source) == &py_bytes_type)
        return source;
    if (py_is_int(source)) {
        int64_t n;
        if (!py_int_as_i64(source, &n))
            return py_err_format(&py_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
        if (n < 0)
            return py_err_format(&py_exc_ValueError, "negative count");
        return (py_val)py_bytes_new(NULL, (size_t)n);
    }
    if (!py_type_of(source)->iter)
        return py_err_format(&py_exc_TypeError, "cannot convert '%s' object to bytes", py_type_name(source));
    return bytes_from_ints(source);
}

/* ---- methods ------------------------------------------------------------------------------------ */

static py_val bytes_decode_method(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    static const char *const names[] = {"encoding", "errors"};
    static const py_params params = {"decode", names, 2, 0, 2, 0};
    py_val arg[2];
    if (!py_args_parse(&params, args, nargs, kwnames, arg))
        return NULL;
    return py_bytes_decode(self, arg[0], arg[1]);
}

static py_val bytes_hex(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    if (!py_args_none("bytes.hex", nargs, kwnames))
        return NULL;
    static const char digits[] = "0123456789abcdef";
    const py_bytes *b = (const py_bytes *)self;
    py_str_builder sb;
    py_sb_init(&sb, (size_t)b->size * 2);
    for (int64_t i = 0; i < b->size; i++) {
        unsigned char c = (unsigned char)b->data[i];
        char pair[2] = {digits[c >> 4], digits[c & 15]};
        py_sb_bytes(&sb, pair, 2);
    }
    return (py_val)py_sb_finish(&sb);
}

static const py_method_def bytes_methods[] = {
    {"decode", bytes_decode_method},
    {"hex", bytes_hex},
    {NULL, NULL},
};

py_type py_bytes_type = {
    .head = {&py_type_type}, .name = "bytes", .flags = PY_TYPE_BASETYPE, .repr = bytes_repr,
    .hash = bytes_hash, .compare = bytes_compare, .len = bytes_len, .iter = bytes_iter,
    .getitem = bytes_getitem, .contains = bytes_contains,
    .binary = {[PY_OP_ADD] = bytes_add, [PY_OP_MUL] = bytes_mul}, .new = bytes_new, .methods = bytes_methods,
};
