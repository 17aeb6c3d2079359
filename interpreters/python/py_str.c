/* py_str.c — the str type: immutable UTF-8 text indexed by code point
 * (py.h's py_str), its construction, interning and building, hashing,
 * comparison, concatenation and repetition, indexing and slicing (direct
 * for ASCII text), iteration, `in`, and str() itself.  The methods are in
 * py_str_methods.c, formatting (str.format, %, format()) in py_str_format.c.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py_types.h"
#include "py_unicode.h"

/* ---- making strs ---------------------------------------------------------------- */

/* A str of `size` bytes to fill in (allocated without pointers: its only
 * pointer is to the static type). */
static py_str *str_alloc(size_t size)
{
    if (size > (size_t)INT64_MAX - sizeof(py_str) - 1)
        return py_err_no_memory();
    py_str *s = py_alloc_atomic_storage(sizeof *s + size + 1);
    if (!s)
        return NULL;
    s->head.type = &py_str_type;
    s->size = (int64_t)size;
    s->hash = -1;
    s->data[size] = '\0';
    return s;
}

py_str *py_str_new_known(const char *data, size_t size, bool ascii)
{
    py_str *s = str_alloc(size);
    if (!s)
        return NULL;
    if (size)
        memcpy(s->data, data, size);
    s->ascii = ascii;
    s->length = ascii ? (int64_t)size : (int64_t)py_utf8_length(data, size);
    return s;
}

py_str *py_str_new(const char *data, size_t size)
{
    return py_str_new_known(data, size, py_utf8_is_ascii(data, size));
}

py_str *py_str_from_cstr(const char *s) { return py_str_new(s, strlen(s)); }

py_str *py_str_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = NULL;
    int n = vasprintf(&text, fmt, ap);
    va_end(ap);
    if (n < 0)
        return py_err_no_memory();
    py_str *s = py_str_new(text, (size_t)n);
    free(text);
    return s;
}

py_str *py_str_from_code_point(uint32_t cp)
{
    static py_str *latin1[256];
    if (cp < 256 && latin1[cp])
        return latin1[cp];
    char bytes[PY_UTF8_MAX];
    size_t size = py_utf8_encode(cp, bytes);
    py_str *s = py_str_new_known(bytes, size, cp < 0x80);
    if (cp < 256)
        latin1[cp] = s;
    return s;
}

/* ---- interning: one str per text -------------------------------------------------- */

static py_str **interned;
static size_t interned_count, interned_mask;

/* 64-bit multiply-xorshift over 8-byte words (any good hash will do:
 * CPython's str hash is randomized, so programs cannot depend on it);
 * never -1, which marks a hash not computed yet. */
int64_t py_hash_bytes(const char *data, size_t size)
{
    const uint64_t k = 0x9E3779B97F4A7C15u;
    uint64_t h = (uint64_t)size * k;
    size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        uint64_t word;
        memcpy(&word, data + i, 8);
        h = (h ^ word) * k;
        h ^= h >> 29;
    }
    uint64_t tail = 0;
    memcpy(&tail, data + i, size - i);
    h = (h ^ tail) * k;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93u;
    h ^= h >> 32;
    return (int64_t)h == -1 ? -2 : (int64_t)h;
}

static void intern_grow(void)
{
    size_t capacity = interned ? (interned_mask + 1) * 2 : 256;
    py_str **table = mt_alloc(capacity * sizeof *table);
    for (size_t i = 0; interned && i <= interned_mask; i++) {
        py_str *s = interned[i];
        if (!s)
            continue;
        size_t j = (size_t)s->hash & (capacity - 1);
        while (table[j])
            j = (j + 1) & (capacity - 1);
        table[j] = s;
    }
    interned = table;
    interned_mask = capacity - 1;
}

py_str *py_str_intern(const char *text)
{
    if (!interned || (interned_count + 1) * 2 > interned_mask + 1)
        intern_grow();
    size_t size = strlen(text);
    int64_t hash = py_hash_bytes(text, size);
    size_t i = (size_t)hash & interned_mask;
    for (; interned[i]; i = (i + 1) & interned_mask)
        if (interned[i]->hash == hash && interned[i]->size == (int64_t)size && !memcmp(interned[i]->data, text, size))
            return interned[i];
    py_str *s = py_str_new(text, size);
    s->hash = hash;
    interned_count++;
    return interned[i] = s;
}

/* ---- building --------------------------------------------------------------------- */

void py_sb_init(py_str_builder *sb, size_t capacity)
{
    sb->str = str_alloc(capacity);
    sb->size = 0;
    sb->capacity = capacity;
    sb->ascii = true;
}

/* Room for `bytes` more; NULL once the str could not be had (MemoryError
 * is set, and the builder stays failed: finishing it gives NULL). */
static char *sb_extend(py_str_builder *sb, size_t bytes)
{
    if (!sb->str)
        return NULL;
    if (bytes > sb->capacity - sb->size) {
        size_t capacity = sb->capacity * 2 > sb->size + bytes ? sb->capacity * 2 : sb->size + bytes;
        sb->str = py_realloc_storage(sb->str, sizeof(py_str) + capacity + 1);
        if (!sb->str)
            return NULL;
        sb->capacity = capacity;
    }
    char *at = sb->str->data + sb->size;
    sb->size += bytes;
    return at;
}

static void sb_copy(py_str_builder *sb, const char *bytes, size_t size)
{
    char *at = sb_extend(sb, size);
    if (at)
        memcpy(at, bytes, size);
}

void py_sb_bytes(py_str_builder *sb, const char *bytes, size_t size)
{
    if (!size)
        return;
    if (sb->ascii && !py_utf8_is_ascii(bytes, size))
        sb->ascii = false;
    sb_copy(sb, bytes, size);
}

void py_sb_cstr(py_str_builder *sb, const char *s) { py_sb_bytes(sb, s, strlen(s)); }

void py_sb_str(py_str_builder *sb, const py_str *s)
{
    if (!s->size)
        return;
    sb->ascii &= s->ascii;
    sb_copy(sb, s->data, (size_t)s->size);
}

void py_sb_code_point(py_str_builder *sb, uint32_t cp)
{
    char bytes[PY_UTF8_MAX];
    size_t size = py_utf8_encode(cp, bytes);
    sb->ascii &= cp < 0x80;
    sb_copy(sb, bytes, size);
}

bool py_sb_repr(py_str_builder *sb, py_val v)
{
    py_str *r = (py_str *)py_repr(v);
    if (!r)
        return false;
    py_sb_str(sb, r);
    return true;
}

py_str *py_sb_finish(py_str_builder *sb)
{
    py_str *s = sb->str;
    if (!s)
        return NULL;
    s->size = (int64_t)sb->size;
    s->data[sb->size] = '\0';
    s->ascii = sb->ascii;
    s->length = sb->ascii ? s->size : (int64_t)py_utf8_length(s->data, sb->size);
    s->hash = -1;
    sb->str = NULL;
    return s;
}

py_str *py_str_concat(py_str *const *parts, size_t count)
{
    size_t size = 0;
    for (size_t i = 0; i < count; i++)
        size += (size_t)parts[i]->size;
    py_str_builder sb;
    py_sb_init(&sb, size);
    for (size_t i = 0; i < count; i++)
        py_sb_str(&sb, parts[i]);
    return py_sb_finish(&sb);
}

/* ---- code point offsets ------------------------------------------------------------ */

/* Indexing non-ASCII text walks it; the last position found is kept so
 * that a loop over s[i] walks each string once. */
static struct {
    const py_str *str;
    int64_t index;
    size_t offset;
} last_position;

size_t py_str_offset(const py_str *s, int64_t index)
{
    if (s->ascii)
        return (size_t)index;
    if (index == s->length)
        return (size_t)s->size;
    size_t offset = 0;
    int64_t at = 0;
    if (last_position.str == s && last_position.index <= index) {
        offset = last_position.offset;
        at = last_position.index;
    }
    for (; at < index; at++)
        py_utf8_decode(s->data, (size_t)s->size, &offset);
    last_position.str = s;
    last_position.index = index;
    last_position.offset = offset;
    return offset;
}

/* ---- slots -------------------------------------------------------------------------- */

static py_val str_repr(py_val v)
{
    py_str *s = (py_str *)v;
    py_text t = py_str_repr(s->data, (size_t)s->size);
    return (py_val)py_str_new_known(t.data, t.size, s->ascii);
}

static py_val str_str(py_val v) { return v; }

static int64_t str_hash(py_val v)
{
    py_str *s = (py_str *)v;
    if (s->hash == -1)
        s->hash = py_hash_bytes(s->data, (size_t)s->size);
    return s->hash;
}

static int str_order(const py_str *a, const py_str *b)
{
    size_t n = a->size < b->size ? (size_t)a->size : (size_t)b->size;
    int c = n ? memcmp(a->data, b->data, n) : 0;
    return c ? c : (a->size > b->size) - (a->size < b->size);
}

static bool order_holds(int c, py_compare_op op)
{
    switch (op) {
    case PY_LT: return c < 0;
    case PY_LE: return c <= 0;
    case PY_EQ: return c == 0;
    case PY_NE: return c != 0;
    case PY_GT: return c > 0;
    case PY_GE: return c >= 0;
    }
    return false;
}

static py_val str_compare(py_val a, py_val b, py_compare_op op)
{
    if (!py_isinstance(b, &py_str_type))
        return py_not_implemented;
    const py_str *x = (const py_str *)a, *y = (const py_str *)b;
    if (op == PY_EQ || op == PY_NE)
        return py_bool(py_str_equal_text(x, y) == (op == PY_EQ));
    return py_bool(order_holds(str_order(x, y), op));
}

static int64_t str_len(py_val v) { return ((py_str *)v)->length; }

/* The code point at index i (0 <= i < length) as a str. */
static py_str *str_char_at(const py_str *s, int64_t i)
{
    if (s->ascii)
        return py_str_from_code_point((unsigned char)s->data[i]);
    size_t offset = py_str_offset(s, i);
    return py_str_from_code_point(py_utf8_decode(s->data, (size_t)s->size, &offset));
}

py_str *py_str_substring(const py_str *s, int64_t start, int64_t stop)
{
    if (start == 0 && stop == s->length)
        return (py_str *)s;
    size_t from = py_str_offset(s, start), to = py_str_offset(s, stop);
    return py_str_new_known(s->data + from, to - from, s->ascii || stop - start == (int64_t)(to - from));
}

static py_val str_slice(const py_str *s, const py_slice *slice)
{
    int64_t start, step, count;
    if (!py_slice_positions(slice, s->length, &start, &step, &count))
        return NULL;
    if (step == 1 || count <= 1)
        return (py_val)py_str_substring(s, start, start + (count > 0 ? count : 0));
    py_str_builder sb;
    py_sb_init(&sb, (size_t)count);
    for (int64_t i = 0, at = start; i < count; i++, at += step) {
        if (s->ascii)
            py_sb_bytes(&sb, s->data + at, 1);
        else
            py_sb_str(&sb, str_char_at(s, at));
    }
    return (py_val)py_sb_finish(&sb);
}

static py_val str_getitem(py_val v, py_val key)
{
    const py_str *s = (const py_str *)v;
    int64_t i;
    int is_index = py_seq_item_index(key, s->length, "string index out of range", &i);
    if (is_index < 0)
        return NULL;
    if (is_index) {
        return (py_val)str_char_at(s, i);
    }
    if (py_type_of(key) == &py_slice_type)
        return str_slice(s, (const py_slice *)key);
    return py_err_format(&py_exc_TypeError, "string indices must be integers, not '%s'", py_type_name(key));
}

static int str_contains(py_val v, py_val item)
{
    if (!py_isinstance(item, &py_str_type)) {
        py_err_format(&py_exc_TypeError, "'in <string>' requires string as left operand, not %s",
                      py_type_name(item));
        return -1;
    }
    const py_str *s = (const py_str *)v, *sub = (const py_str *)item;
    return py_str_find_in(s, sub, 0, s->length) >= 0;
}

static py_val str_add(py_val a, py_val b)
{
    if (!py_isinstance(a, &py_str_type))
        return py_not_implemented;
    if (!py_isinstance(b, &py_str_type))
        return py_err_format(&py_exc_TypeError, "can only concatenate str (not \"%s\") to str", py_type_name(b));
    py_str *parts[2] = {(py_str *)a, (py_str *)b};
    if (!parts[0]->size)
        return b;
    if (!parts[1]->size)
        return a;
    return (py_val)py_str_concat(parts, 2);
}

/* The repeat count of `seq * count`: an int (clamped below at 0); false
 * with CPython's error otherwise. */
bool py_repeat_count(py_val count, int64_t *n)
{
    if (!py_is_int(count)) {
        py_err_format(&py_exc_TypeError, "can't multiply sequence by non-int of type '%s'", py_type_name(count));
        return false;
    }
    if (!py_int_as_i64(count, n)) {
        if (py_int_sign(py_int_value(count)) < 0) {
            *n = 0;
            return true;
        }
        py_err_format(&py_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
        return false;
    }
    if (*n < 0)
        *n = 0;
    return true;
}

static py_val str_mul(py_val a, py_val b)
{
    bool str_left = py_isinstance(a, &py_str_type);
    const py_str *s = (const py_str *)(str_left ? a : b);
    int64_t n;
    if (!py_repeat_count(str_left ? b : a, &n))
        return NULL;
    if (n == 1)
        return (py_val)s;
    if (s->size && n > INT64_MAX / s->size)
        return py_err_format(&py_exc_OverflowError, "repeated string is too long");
    size_t size = (size_t)(s->size * n);
    py_str *r = str_alloc(size);
    if (!r)
        return NULL;
    for (size_t at = 0; at < size; at += (size_t)s->size)
        memcpy(r->data + at, s->data, (size_t)s->size);
    r->ascii = s->ascii;
    r->length = s->length * n;
    return (py_val)r;
}

/* ---- iteration ------------------------------------------------------------------------- */

typedef struct str_iterator {
    py_obj head;
    py_str *str;
    size_t offset;
} str_iterator;

static py_val str_iterator_next(py_val v)
{
    str_iterator *it = (str_iterator *)v;
    if (!it->str || it->offset >= (size_t)it->str->size) {
        it->str = NULL;
        return NULL;
    }
    uint32_t cp = py_utf8_decode(it->str->data, (size_t)it->str->size, &it->offset);
    return (py_val)py_str_from_code_point(cp);
}

static py_val iterator_self(py_val v) { return v; }

static py_type str_ascii_iterator_type = {
    .head = {&py_type_type}, .name = "str_ascii_iterator", .iter = iterator_self, .next = str_iterator_next,
};
static py_type str_iterator_type = {
    .head = {&py_type_type}, .name = "str_iterator", .iter = iterator_self, .next = str_iterator_next,
};

static py_val str_iter(py_val v)
{
    str_iterator *it = mt_alloc(sizeof *it);
    it->str = (py_str *)v;
    it->head.type = it->str->ascii ? &str_ascii_iterator_type : &str_iterator_type;
    return (py_val)it;
}

/* ---- str(object='', encoding='utf-8', errors='strict') ---------------------------------- */

py_val py_bytes_decode(py_val bytes, py_val encoding, py_val errors);

static py_val str_new(const py_type *type, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)type;
    static const char *const names[] = {"object", "encoding", "errors"};
    static const py_params params = {"str", names, 3, 0, 3, 0};
    py_val arg[3];
    if (!py_args_parse(&params, args, nargs, kwnames, arg))
        return NULL;
    if (!arg[0])
        return (py_val)py_str_intern("");
    if (!arg[1] && !arg[2])
        return py_to_str(arg[0]);
    for (int i = 1; i < 3; i++)
        if (arg[i] && !py_isinstance(arg[i], &py_str_type))
            return py_err_format(&py_exc_TypeError, "str() argument '%s' must be str, not %s", names[i],
                                 py_type_name(arg[i]));
    if (py_type_of(arg[0]) != &py_bytes_type)
        return py_err_format(&py_exc_TypeError, "decoding to str: need a bytes-like object, %s found",
                             py_type_name(arg[0]));
    return py_bytes_decode(arg[0], arg[1], arg[2]);
}

static py_val str_mod(py_val a, py_val b)
{
    if (!py_isinstance(a, &py_str_type))
        return py_not_implemented;
    return py_str_percent(a, b);
}

py_type py_str_type = {
    .head = {&py_type_type}, .name = "str", .flags = PY_TYPE_BASETYPE, .repr = str_repr, .str = str_str,
    .hash = str_hash, .compare = str_compare, .len = str_len, .iter = str_iter, .getitem = str_getitem,
    .contains = str_contains, .binary = {[PY_OP_ADD] = str_add, [PY_OP_MUL] = str_mul, [PY_OP_MOD] = str_mod},
    .new = str_new, .methods = py_str_methods,
};

py_val py_ascii(py_val v)
{
    py_str *r = (py_str *)py_repr(v);
    if (!r || r->ascii)
        return (py_val)r;
    static const char hex[] = "0123456789abcdef";
    py_str_builder sb;
    py_sb_init(&sb, (size_t)r->size + 8);
    for (size_t offset = 0; offset < (size_t)r->size;) {
        uint32_t cp = py_utf8_decode(r->data, (size_t)r->size, &offset);
        if (cp < 0x80) {
            py_sb_code_point(&sb, cp);
            continue;
        }
        int digits = cp <= 0xFF ? 2 : cp <= 0xFFFF ? 4 : 8;
        char escape[10] = {'\\', digits == 2 ? 'x' : digits == 4 ? 'u' : 'U'};
        for (int i = 0; i < digits; i++)
            escape[2 + i] = hex[cp >> 4 * (digits - 1 - i) & 0xF];
        py_sb_bytes(&sb, escape, 2 + (size_t)digits);
    }
    return (py_val)py_sb_finish(&sb);
}
