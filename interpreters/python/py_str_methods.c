/* py_str_methods.c — the methods of str with CPython's argument handling
 * and messages: searching (find/index/count/startswith ...), splitting and
 * joining, stripping, replacing, case and predicates, padding, partition,
 * prefixes, translate/maketrans and encode.  The text algorithms are
 * py_unicode's; this file turns arguments into calls and results into strs.
 */
#include "config.h"

#include <string.h>

#include "py_types.h"
#include "py_unicode.h"

static py_str *self_str(py_val self) { return (py_str *)self; }
static bool is_str(py_val v) { return py_isinstance(v, &py_str_type); }

static py_val text_result(py_text t, bool ascii)
{
    if (!t.data)
        return py_err_no_memory();
    return (py_val)py_str_new_known(t.data, t.size, ascii);
}

/* s[from:to] by byte offsets (to the same text: s itself). */
static py_val byte_range(const py_str *s, size_t from, size_t to)
{
    if (from == 0 && to == (size_t)s->size)
        return (py_val)s;
    return (py_val)py_str_new_known(s->data + from, to - from, s->ascii);
}

/* ---- searching ------------------------------------------------------------------------- */

/* The byte offset of the last occurrence of needle in hay, or NULL. */
static const char *last_occurrence(const char *hay, size_t hay_size, const char *needle, size_t needle_size)
{
    if (needle_size > hay_size)
        return NULL;
    for (size_t at = hay_size - needle_size + 1; at-- > 0;)
        if (memcmp(hay + at, needle, needle_size) == 0)
            return hay + at;
    return NULL;
}

/* The code point index of the first (or last) sub in s[start:end], or -1;
 * start and end already clipped to 0..length. */
static int64_t find_in(const py_str *s, const py_str *sub, int64_t start, int64_t end, bool last)
{
    if (end - start < sub->length)
        return -1;
    size_t from = py_str_offset(s, start), to = py_str_offset(s, end);
    const char *found = !sub->size ? (last ? s->data + to : s->data + from)
                        : last     ? last_occurrence(s->data + from, to - from, sub->data, (size_t)sub->size)
                                   : memmem(s->data + from, to - from, sub->data, (size_t)sub->size);
    if (!found)
        return -1;
    size_t offset = (size_t)(found - s->data);
    return s->ascii ? (int64_t)offset : start + (int64_t)py_utf8_length(s->data + from, offset - from);
}

int64_t py_str_find_in(const py_str *s, const py_str *sub, int64_t start, int64_t end)
{
    return find_in(s, sub, start, end, false);
}

/* The start/end arguments of find() and its family: ints or None,
 * negative from the end, clipped as CPython's ADJUST_INDICES does (start
 * may stay past the end). */
static bool search_range(py_val *args, size_t nargs, int64_t length, int64_t *start, int64_t *end)
{
    int64_t bounds[2] = {0, INT64_MAX};
    for (size_t i = 1; i < nargs; i++) {
        py_val v = args[i];
        if (v == py_none)
            continue;
        if (!py_is_int(v)) {
            py_err_format(&py_exc_TypeError, "slice indices must be integers or None or have an __index__ method");
            return false;
        }
        if (!py_int_as_i64(v, &bounds[i - 1]))
            bounds[i - 1] = py_int_sign(py_int_value(v)) < 0 ? INT64_MIN : INT64_MAX;
    }
    *start = bounds[0];
    *end = bounds[1];
    if (*end > length)
        *end = length;
    else if (*end < 0 && (*end += length) < 0)
        *end = 0;
    if (*start < 0 && (*start += length) < 0)
        *start = 0;
    return true;
}

/* The (sub[, start[, end]]) arguments of find, index, count. */
static bool search_arguments(const char *name, py_val self, py_val *args, size_t nargs, py_tuple *kwnames,
                             py_str **sub, int64_t *start, int64_t *end)
{
    if (!py_args_tuple(name, nargs, kwnames, 1, 3))
        return false;
    if (!is_str(args[0])) {
        py_err_format(&py_exc_TypeError, "must be str, not %s", py_type_name(args[0]));
        return false;
    }
    *sub = (py_str *)args[0];
    return search_range(args, nargs, self_str(self)->length, start, end);
}

static py_val find_method(const char *name, py_val self, py_val *args, size_t nargs, py_tuple *kwnames, bool last,
                          bool raise)
{
    py_str *sub;
    int64_t start, end;
    if (!search_arguments(name, self, args, nargs, kwnames, &sub, &start, &end))
        return NULL;
    int64_t found = start > self_str(self)->length ? -1 : find_in(self_str(self), sub, start, end, last);
    if (found < 0 && raise)
        return py_err_format(&py_exc_ValueError, "substring not found");
    return py_int_from_i64(found);
}

static py_val str_find(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    return find_method("find", self, args, nargs, kwnames, false, false);
}

static py_val str_rfind(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    return find_method("rfind", self, args, nargs, kwnames, true, false);
}

static py_val str_index(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    return find_method("index", self, args, nargs, kwnames, false, true);
}

static py_val str_rindex(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    return find_method("rindex", self, args, nargs, kwnames, true, true);
}

static py_val str_count(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    py_str *s = self_str(self), *sub;
    int64_t start, end;
    if (!search_arguments("count", self, args, nargs, kwnames, &sub, &start, &end))
        return NULL;
    if (start > s->length || end < start)
        return py_small(0);
    if (sub->length == 0)
        return py_int_from_i64(end - start + 1);
    size_t from = py_str_offset(s, start), to = py_str_offset(s, end);
    int64_t n = 0;
    for (const char *at = s->data + from, *stop = s->data + to;
         (at = memmem(at, (size_t)(stop - at), sub->data, (size_t)sub->size)); at += sub->size)
        n++;
    return py_int_from_i64(n);
}

/* s[start:end] (clipped) starts or ends with prefix. */
static bool tail_match(const py_str *s, const py_str *prefix, int64_t start, int64_t end, bool at_end)
{
    end -= prefix->length;
    if (end < start)
        return false;
    if (prefix->length == 0)
        return true;
    size_t offset = py_str_offset(s, at_end ? end : start);
    return offset + (size_t)prefix->size <= (size_t)s->size &&
           memcmp(s->data + offset, prefix->data, (size_t)prefix->size) == 0;
}

static py_val affix_method(const char *name, py_val self, py_val *args, size_t nargs, py_tuple *kwnames,
                           bool at_end)
{
    int64_t start, end;
    if (!py_args_tuple(name, nargs, kwnames, 1, 3) || !search_range(args, nargs, self_str(self)->length, &start, &end))
        return NULL;
    if (py_type_of(args[0]) == &py_tuple_type) {
        py_tuple *choices = (py_tuple *)args[0];
        for (int64_t i = 0; i < choices->length; i++) {
            if (!is_str(choices->items[i]))
                return py_err_format(&py_exc_TypeError, "tuple for %s must only contain str, not %s", name,
                                     py_type_name(choices->items[i]));
            if (tail_match(self_str(self), (py_str *)choices->items[i], start, end, at_end))
                return py_true;
        }
        return py_false;
    }
    if (!is_str(args[0]))
        return py_err_format(&py_exc_TypeError, "%s first arg must be str or a tuple of str, not %s", name,
                             py_type_name(args[0]));
    return py_bool(tail_match(self_str(self), (py_str *)args[0], start, end, at_end));
}

static py_val str_startswith(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    return affix_method("startswith", self, args, nargs, kwnames, false);
}

static py_val str_endswith(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    return affix_method("endswith", self, args, nargs, kwnames, true);
}

/* ---- splitting and joining ------------------------------------------------------------------ */

static py_val spans_to_list(const py_str *s, const py_span *spans, size_t count)
{
    py_list *list = py_list_new(count);
    for (size_t i = 0; list && i < count; i++)
        list->items[i] = byte_range(s, spans[i].start, spans[i].start + spans[i].size);
    return (py_val)list;
}

static py_val split_method(const char *name, py_val self, py_val *args, size_t nargs, py_tuple *kwnames,
                           bool right)
{
    static const char *const names[] = {"sep", "maxsplit"};
    const py_params params = {name, names, 2, 0, 2, 0};
    py_val arg[2];
    int64_t maxsplit = -1;
    if (!py_args_parse(&params, args, nargs, kwnames, arg) || (arg[1] && py_index(arg[1], &maxsplit) < 0))
        return NULL;
    py_val sep = arg[0] && arg[0] != py_none ? arg[0] : NULL;
    if (sep && !is_str(sep))
        return py_err_format(&py_exc_TypeError, "must be str or None, not %s", py_type_name(sep));
    py_str *s = self_str(self);
    const char *sep_data = sep ? ((py_str *)sep)->data : NULL;
    size_t sep_size = sep ? (size_t)((py_str *)sep)->size : 0, count;
    py_span *spans = right ? py_str_rsplit(s->data, (size_t)s->size, sep_data, sep_size, maxsplit, &count)
                           : py_str_split(s->data, (size_t)s->size, sep_data, sep_size, maxsplit, &count);
    if (!spans)
        return py_err_format(&py_exc_ValueError, "empty separator");
    return spans_to_list(s, spans, count);
}

static py_val str_split(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    return split_method("split", self, args, nargs, kwnames, false);
}

static py_val str_rsplit(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    return split_method("rsplit", self, args, nargs, kwnames, true);
}

static py_val str_splitlines(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    static const char *const names[] = {"keepends"};
    static const py_params params = {"splitlines", names, 1, 0, 1, 0};
    py_val arg[1];
    int64_t keepends = 0;
    if (!py_args_parse(&params, args, nargs, kwnames, arg) || (arg[0] && py_index(arg[0], &keepends) < 0))
        return NULL;
    py_str *s = self_str(self);
    size_t count;
    py_span *spans = py_str_splitlines(s->data, (size_t)s->size, keepends != 0, &count);
    return spans_to_list(s, spans, count);
}

static py_val str_join(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_one("str.join", nargs, kwnames))
        return NULL;
    if (!py_type_of(args[0])->iter)
        return py_err_format(&py_exc_TypeError, "can only join an iterable");
    int64_t count;
    py_val *items = py_seq_items(args[0], &count);
    if (!items)
        return NULL;
    py_str *sep = self_str(self);
    size_t size = (size_t)sep->size * (size_t)(count > 0 ? count - 1 : 0);
    for (int64_t i = 0; i < count; i++) {
        if (!is_str(items[i]))
            return py_err_format(&py_exc_TypeError, "sequence item %ld: expected str instance, %s found", (long)i,
                                 py_type_name(items[i]));
        size += (size_t)((py_str *)items[i])->size;
    }
    if (count == 1)
        return items[0];
    py_str_builder sb;
    py_sb_init(&sb, size);
    for (int64_t i = 0; i < count; i++) {
        if (i)
            py_sb_str(&sb, sep);
        py_sb_str(&sb, (py_str *)items[i]);
    }
    return (py_val)py_sb_finish(&sb);
}

static py_val partition_method(const char *name, py_val self, py_val *args, size_t nargs, py_tuple *kwnames,
                               bool right)
{
    if (!py_args_one(name, nargs, kwnames))
        return NULL;
    if (!is_str(args[0]))
        return py_err_format(&py_exc_TypeError, "must be str, not %s", py_type_name(args[0]));
    py_str *s = self_str(self), *sep = (py_str *)args[0];
    py_val empty = (py_val)py_str_intern("");
    if (sep->size == 0)
        return py_err_format(&py_exc_ValueError, "empty separator");
    const char *found = right ? last_occurrence(s->data, (size_t)s->size, sep->data, (size_t)sep->size)
                              : memmem(s->data, (size_t)s->size, sep->data, (size_t)sep->size);
    if (!found)
        return (py_val)py_tuple_from(right ? (py_val[]){empty, empty, self} : (py_val[]){self, empty, empty}, 3);
    size_t at = (size_t)(found - s->data);
    py_val parts[3] = {byte_range(s, 0, at), (py_val)sep, byte_range(s, at + (size_t)sep->size, (size_t)s->size)};
    return (py_val)py_tuple_from(parts, 3);
}

static py_val str_partition(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    return partition_method("str.partition", self, args, nargs, kwnames, false);
}

static py_val str_rpartition(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    return partition_method("str.rpartition", self, args, nargs, kwnames, true);
}

/* ---- stripping, replacing, affixes ------------------------------------------------------------- */

static py_val strip_method(const char *name, py_val self, py_val *args, size_t nargs, py_tuple *kwnames,
                           py_strip_side side)
{
    if (!py_args_count(name, nargs, kwnames, 0, 1))
        return NULL;
    py_val chars = nargs && args[0] != py_none ? args[0] : NULL;
    if (chars && !is_str(chars))
        return py_err_format(&py_exc_TypeError, "%s arg must be None or str", strchr(name, '.') + 1);
    py_str *s = self_str(self);
    py_span kept = py_str_strip(s->data, (size_t)s->size, chars ? ((py_str *)chars)->data : NULL,
                                chars ? (size_t)((py_str *)chars)->size : 0, side);
    return byte_range(s, kept.start, kept.start + kept.size);
}

static py_val str_strip(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    return strip_method("str.strip", self, args, nargs, kwnames, PY_STRIP_BOTH);
}

static py_val str_lstrip(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    return strip_method("str.lstrip", self, args, nargs, kwnames, PY_STRIP_LEFT);
}

static py_val str_rstrip(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    return strip_method("str.rstrip", self, args, nargs, kwnames, PY_STRIP_RIGHT);
}

/* old -> new at most count times (count < 0: all), left to right; an
 * empty old matches before each code point and at the end. */
static py_val replace(const py_str *s, const py_str *old, const py_str *new, int64_t count)
{
    if (count < 0)
        count = INT64_MAX;
    py_str_builder sb;
    py_sb_init(&sb, (size_t)s->size);
    size_t at = 0, size = (size_t)s->size;
    int64_t done = 0;
    if (old->size == 0) {
        for (; done < count && at <= size; done++) {
            py_sb_str(&sb, new);
            if (at == size) {
                at++;
                break;
            }
            size_t next = at;
            py_utf8_decode(s->data, size, &next);
            py_sb_bytes(&sb, s->data + at, next - at);
            at = next;
        }
        if (at < size)
            py_sb_bytes(&sb, s->data + at, size - at);
        return (py_val)py_sb_finish(&sb);
    }
    for (const char *found; done < count && (found = memmem(s->data + at, size - at, old->data, (size_t)old->size));
         done++) {
        py_sb_bytes(&sb, s->data + at, (size_t)(found - s->data) - at);
        py_sb_str(&sb, new);
        at = (size_t)(found - s->data) + (size_t)old->size;
    }
    if (done == 0)
        return (py_val)s;
    py_sb_bytes(&sb, s->data + at, size - at);
    return (py_val)py_sb_finish(&sb);
}

static py_val str_replace(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    int64_t count = -1;
    if (!py_args_count("str.replace", nargs, kwnames, 2, 3))
        return NULL;
    for (int i = 0; i < 2; i++)
        if (!is_str(args[i]))
            return py_err_format(&py_exc_TypeError, "replace() argument %d must be str, not %s", i + 1,
                                 py_type_name(args[i]));
    if (nargs > 2 && py_index(args[2], &count) < 0)
        return NULL;
    return replace(self_str(self), (py_str *)args[0], (py_str *)args[1], count);
}

static py_val affix_remove(const char *name, py_val self, py_val *args, size_t nargs, py_tuple *kwnames,
                           bool suffix)
{
    if (!py_args_one(name, nargs, kwnames))
        return NULL;
    if (!is_str(args[0]))
        return py_err_format(&py_exc_TypeError, "%s() argument must be str, not %s", strchr(name, '.') + 1,
                             py_type_name(args[0]));
    py_str *s = self_str(self), *affix = (py_str *)args[0];
    if (affix->size == 0 || affix->size > s->size)
        return self;
    size_t at = suffix ? (size_t)(s->size - affix->size) : 0;
    if (memcmp(s->data + at, affix->data, (size_t)affix->size) != 0)
        return self;
    return suffix ? byte_range(s, 0, at) : byte_range(s, (size_t)affix->size, (size_t)s->size);
}

static py_val str_removeprefix(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    return affix_remove("str.removeprefix", self, args, nargs, kwnames, false);
}

static py_val str_removesuffix(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    return affix_remove("str.removesuffix", self, args, nargs, kwnames, true);
}

/* ---- case and predicates ---------------------------------------------------------------------- */

#define CASE_METHOD(name, function, keeps_ascii)                                                      \
    static py_val str_##name(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)              \
    {                                                                                                 \
        (void)args;                                                                                   \
        if (!py_args_none("str." #name, nargs, kwnames))                                              \
            return NULL;                                                                              \
        py_str *s = self_str(self);                                                                   \
        return text_result(function(s->data, (size_t)s->size), (keeps_ascii) && s->ascii);            \
    }
CASE_METHOD(upper, py_str_upper, true)
CASE_METHOD(lower, py_str_lower, true)
CASE_METHOD(title, py_str_title, true)
CASE_METHOD(capitalize, py_str_capitalize, true)
CASE_METHOD(swapcase, py_str_swapcase, true)
CASE_METHOD(casefold, py_str_casefold, true)

#define PREDICATE_METHOD(name)                                                                         \
    static py_val str_##name(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)              \
    {                                                                                                 \
        (void)args;                                                                                   \
        if (!py_args_none("str." #name, nargs, kwnames))                                              \
            return NULL;                                                                              \
        py_str *s = self_str(self);                                                                   \
        return py_bool(py_str_##name(s->data, (size_t)s->size));                                      \
    }
PREDICATE_METHOD(isalpha)
PREDICATE_METHOD(isdecimal)
PREDICATE_METHOD(isdigit)
PREDICATE_METHOD(isnumeric)
PREDICATE_METHOD(isalnum)
PREDICATE_METHOD(isspace)
PREDICATE_METHOD(isprintable)
PREDICATE_METHOD(isascii)
PREDICATE_METHOD(isidentifier)
PREDICATE_METHOD(islower)
PREDICATE_METHOD(isupper)
PREDICATE_METHOD(istitle)

/* ---- padding ------------------------------------------------------------------------------------- */

typedef py_text (*pad_function)(const char *s, size_t size, int64_t width, uint32_t fill);

static py_val pad_method(const char *name, py_val self, py_val *args, size_t nargs, py_tuple *kwnames,
                         pad_function pad)
{
    int64_t width;
    uint32_t fill = ' ';
    if (!py_args_count(name, nargs, kwnames, 1, 2) || py_index(args[0], &width) < 0)
        return NULL;
    if (nargs > 1) {
        if (!is_str(args[1]))
            return py_err_format(&py_exc_TypeError, "The fill character must be a unicode character, not %s",
                                 py_type_name(args[1]));
        py_str *f = (py_str *)args[1];
        if (f->length != 1)
            return py_err_format(&py_exc_TypeError, "The fill character must be exactly one character long");
        size_t offset = 0;
        fill = py_utf8_decode(f->data, (size_t)f->size, &offset);
    }
    py_str *s = self_str(self);
    if (width <= s->length)
        return self;
    return text_result(pad(s->data, (size_t)s->size, width, fill), s->ascii && fill < 0x80);
}

static py_val str_center(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    return pad_method("str.center", self, args, nargs, kwnames, py_str_center);
}

static py_val str_ljust(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    return pad_method("str.ljust", self, args, nargs, kwnames, py_str_ljust);
}

static py_val str_rjust(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    return pad_method("str.rjust", self, args, nargs, kwnames, py_str_rjust);
}

static py_val str_zfill(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    int64_t width;
    if (!py_args_one("str.zfill", nargs, kwnames) || py_index(args[0], &width) < 0)
        return NULL;
    py_str *s = self_str(self);
    if (width <= s->length)
        return self;
    return text_result(py_str_zfill(s->data, (size_t)s->size, width), s->ascii);
}

static py_val str_expandtabs(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    static const char *const names[] = {"tabsize"};
    static const py_params params = {"expandtabs", names, 1, 0, 1, 0};
    py_val arg[1];
    int tabsize = 8;
    if (!py_args_parse(&params, args, nargs, kwnames, arg) || (arg[0] && py_index_c_int(arg[0], &tabsize) < 0))
        return NULL;
    py_str *s = self_str(self);
    py_text t = py_str_expandtabs(s->data, (size_t)s->size, tabsize);
    if (!t.data)
        return py_err_format(&py_exc_OverflowError, "new string is too long");
    return (py_val)py_str_new_known(t.data, t.size, s->ascii);
}

/* ---- translate and maketrans ------------------------------------------------------------------- */

/* What table[cp] says: 1 with *out set (NULL: delete), 0 to keep cp, -1 on error. */
static int translation_of(py_val table, uint32_t cp, py_val *out)
{
    py_val r = py_getitem(table, py_small(cp));
    if (!r) {
        if (!py_err_matches(&py_exc_LookupError))
            return -1;
        py_err_take();
        return 0;
    }
    if (r == py_none) {
        *out = NULL;
        return 1;
    }
    if (py_is_int(r)) {
        int64_t n;
        if (!py_int_as_i64(r, &n) || n < 0 || n > PY_UNICODE_MAX) {
            py_err_format(&py_exc_ValueError, "character mapping must be in range(0x110000)");
            return -1;
        }
        *out = (py_val)py_str_from_code_point((uint32_t)n);
        return 1;
    }
    if (is_str(r)) {
        *out = r;
        return 1;
    }
    py_err_format(&py_exc_TypeError, "character mapping must return integer, None or str");
    return -1;
}

static py_val str_translate(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_one("str.translate", nargs, kwnames))
        return NULL;
    py_str *s = self_str(self);
    py_str_builder sb;
    py_sb_init(&sb, (size_t)s->size);
    for (size_t offset = 0; offset < (size_t)s->size;) {
        uint32_t cp = py_utf8_decode(s->data, (size_t)s->size, &offset);
        py_val to;
        int mapped = translation_of(args[0], cp, &to);
        if (mapped < 0)
            return NULL;
        if (!mapped)
            py_sb_code_point(&sb, cp);
        else if (to)
            py_sb_str(&sb, (py_str *)to);
    }
    return (py_val)py_sb_finish(&sb);
}

static uint32_t first_code_point(const py_str *s)
{
    size_t offset = 0;
    return py_utf8_decode(s->data, (size_t)s->size, &offset);
}

/* maketrans(dict): its keys as code points. */
static py_val maketrans_from_dict(py_val mapping)
{
    py_dict *table = py_dict_new(), *d = (py_dict *)mapping;
    int64_t pos = 0;
    py_val key, value;
    while (py_dict_next(d, &pos, &key, &value)) {
        if (is_str(key)) {
            if (((py_str *)key)->length != 1)
                return py_err_format(&py_exc_ValueError, "string keys in translate table must be of length 1");
            key = py_small(first_code_point((py_str *)key));
        } else if (!py_is_int(key)) {
            return py_err_format(&py_exc_TypeError, "keys in translate table must be strings or integers");
        }
        if (py_dict_set(table, key, value) < 0)
            return NULL;
    }
    return (py_val)table;
}

static py_val str_maketrans(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    if (!py_args_count("str.maketrans", nargs, kwnames, 1, 3))
        return NULL;
    if (nargs == 1) {
        if (py_type_of(args[0]) != &py_dict_type)
            return py_err_format(&py_exc_TypeError, "if you give only one argument to maketrans it must be a dict");
        return maketrans_from_dict(args[0]);
    }
    for (size_t i = 1; i < nargs; i++)
        if (!is_str(args[i]))
            return py_err_format(&py_exc_TypeError, "maketrans() argument %zu must be str, not %s", i + 1,
                                 py_type_name(args[i]));
    if (!is_str(args[0]))
        return py_err_format(&py_exc_TypeError, "first maketrans argument must be a string if there is a second argument");
    py_str *from = (py_str *)args[0], *to = (py_str *)args[1];
    if (from->length != to->length)
        return py_err_format(&py_exc_ValueError, "the first two maketrans arguments must have equal length");
    py_dict *table = py_dict_new();
    for (size_t a = 0, b = 0; a < (size_t)from->size;) {
        uint32_t x = py_utf8_decode(from->data, (size_t)from->size, &a);
        uint32_t y = py_utf8_decode(to->data, (size_t)to->size, &b);
        if (py_dict_set(table, py_small(x), py_small(y)) < 0)
            return NULL;
    }
    if (nargs == 3) {
        py_str *deleted = (py_str *)args[2];
        for (size_t at = 0; at < (size_t)deleted->size;)
            if (py_dict_set(table, py_small(py_utf8_decode(deleted->data, (size_t)deleted->size, &at)), py_none) < 0)
                return NULL;
    }
    return (py_val)table;
}

/* ---- encode ---------------------------------------------------------------------------------------- */

static py_val str_encode(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    static const char *const names[] = {"encoding", "errors"};
    static const py_params params = {"encode", names, 2, 0, 2, 0};
    py_val arg[2];
    if (!py_args_parse(&params, args, nargs, kwnames, arg))
        return NULL;
    return py_str_encode(self_str(self), arg[0], arg[1]);
}

const py_method_def py_str_maketrans_def = {"maketrans", str_maketrans};

const py_method_def py_str_methods[] = {
    {"capitalize", str_capitalize},
    {"casefold", str_casefold},
    {"center", str_center},
    {"count", str_count},
    {"encode", str_encode},
    {"endswith", str_endswith},
    {"expandtabs", str_expandtabs},
    {"find", str_find},
    {"format", py_str_format_method},
    {"format_map", py_str_format_map_method},
    {"index", str_index},
    {"isalnum", str_isalnum},
    {"isalpha", str_isalpha},
    {"isascii", str_isascii},
    {"isdecimal", str_isdecimal},
    {"isdigit", str_isdigit},
    {"isidentifier", str_isidentifier},
    {"islower", str_islower},
    {"isnumeric", str_isnumeric},
    {"isprintable", str_isprintable},
    {"isspace", str_isspace},
    {"istitle", str_istitle},
    {"isupper", str_isupper},
    {"join", str_join},
    {"ljust", str_ljust},
    {"lower", str_lower},
    {"lstrip", str_lstrip},
    {"partition", str_partition},
    {"removeprefix", str_removeprefix},
    {"removesuffix", str_removesuffix},
    {"replace", str_replace},
    {"rfind", str_rfind},
    {"rindex", str_rindex},
    {"rjust", str_rjust},
    {"rpartition", str_rpartition},
    {"rsplit", str_rsplit},
    {"rstrip", str_rstrip},
    {"split", str_split},
    {"splitlines", str_splitlines},
    {"startswith", str_startswith},
    {"strip", str_strip},
    {"swapcase", str_swapcase},
    {"title", str_title},
    {"translate", str_translate},
    {"upper", str_upper},
    {"zfill", str_zfill},
    {NULL, NULL},
};
