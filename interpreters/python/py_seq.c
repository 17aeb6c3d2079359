/* py_seq.c — what the sequence types share: index and slice arithmetic as
 * CPython does it (PySlice_Unpack/AdjustIndices), unpacking for the
 * evaluator, the items of any iterable as an array, and the guards against
 * unbounded C recursion and against repr() of a container inside itself.
 */
#include "config.h"

#include "py_types.h"

/* ---- indices ------------------------------------------------------------------------ */

int py_seq_index(py_val key, int64_t *out)
{
    if (py_is_small(key)) {
        *out = py_small_value(key);
        return 1;
    }
    if (!py_is_int(key))
        return 0;
    if (py_int_as_i64(key, out))
        return 1;
    py_err_format(&py_exc_IndexError, "cannot fit 'int' into an index-sized integer");
    return -1;
}

int py_seq_item_index(py_val key, int64_t length, const char *message, int64_t *out)
{
    int is_index = py_seq_index(key, out);
    if (is_index <= 0)
        return is_index;
    if (*out < 0)
        *out += length;
    if (*out < 0 || *out >= length) {
        py_err_format(&py_exc_IndexError, "%s", message);
        return -1;
    }
    return 1;
}

/* ---- slices ------------------------------------------------------------------------- */

/* A slice bound: an int (clamped to int64), None (absent), or an error. */
static bool slice_bound(py_val v, int64_t absent, int64_t *out)
{
    if (v == py_none) {
        *out = absent;
        return true;
    }
    if (!py_is_int(v)) {
        py_err_format(&py_exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return false;
    }
    if (!py_int_as_i64(v, out))
        *out = py_int_sign(py_int_value(v)) < 0 ? INT64_MIN : INT64_MAX;
    return true;
}

bool py_slice_unpack(const py_slice *slice, int64_t *start, int64_t *stop, int64_t *step)
{
    if (!slice_bound(slice->step, 1, step))
        return false;
    if (*step == 0) {
        py_err_format(&py_exc_ValueError, "slice step cannot be zero");
        return false;
    }
    if (*step < -INT64_MAX) /* so that -step is defined */
        *step = -INT64_MAX;
    return slice_bound(slice->start, *step < 0 ? INT64_MAX : 0, start) &&
           slice_bound(slice->stop, *step < 0 ? INT64_MIN : INT64_MAX, stop);
}

static void adjust_bound(int64_t length, int64_t *bound, int64_t step)
{
    if (*bound < 0) {
        *bound += length;
        if (*bound < 0)
            *bound = step < 0 ? -1 : 0;
    } else if (*bound >= length) {
        *bound = step < 0 ? length - 1 : length;
    }
}

int64_t py_slice_adjust(int64_t length, int64_t *start, int64_t *stop, int64_t step)
{
    adjust_bound(length, start, step);
    adjust_bound(length, stop, step);
    if (step < 0)
        return *stop < *start ? (int64_t)(((uint64_t)*start - (uint64_t)*stop - 1) / (uint64_t)-step) + 1 : 0;
    return *start < *stop ? (int64_t)(((uint64_t)*stop - (uint64_t)*start - 1) / (uint64_t)step) + 1 : 0;
}

bool py_slice_positions(const py_slice *slice, int64_t length, int64_t *start, int64_t *step, int64_t *count)
{
    int64_t stop;
    if (!py_slice_unpack(slice, start, &stop, step))
        return false;
    *count = py_slice_adjust(length, start, &stop, *step);
    return true;
}

/* ---- items of an iterable ------------------------------------------------------------ */

py_val py_no_items[1];

static py_val *items_or_none(py_val *items) { return items ? items : py_no_items; }

py_val *py_seq_items(py_val iterable, int64_t *count)
{
    const py_type *t = py_type_of(iterable);
    if (t == &py_tuple_type) {
        *count = ((py_tuple *)iterable)->length;
        return ((py_tuple *)iterable)->items;
    }
    if (t == &py_list_type) {
        *count = ((py_list *)iterable)->length;
        return items_or_none(((py_list *)iterable)->items);
    }
    py_list *list = py_list_new(0);
    if (py_list_extend(list, iterable) < 0)
        return NULL;
    *count = list->length;
    return items_or_none(list->items);
}

/* ---- unpacking --------------------------------------------------------------------------- */

static py_val unpack_iter(py_val iterable)
{
    const py_type *t = py_type_of(iterable);
    if (!t->iter)
        return py_err_format(&py_exc_TypeError, "cannot unpack non-iterable %s object", t->name);
    return py_iter(iterable);
}

static int not_enough(size_t expected, size_t got, bool at_least)
{
    py_err_format(&py_exc_ValueError, "not enough values to unpack (expected %s%zu, got %zu)",
                  at_least ? "at least " : "", expected, got);
    return -1;
}

static int too_many(size_t expected)
{
    py_err_format(&py_exc_ValueError, "too many values to unpack (expected %zu)", expected);
    return -1;
}

/* The first n items of the iterator into out; -1 with the error (not
 * enough: the message says expected `expected`). */
static int next_items(py_val it, py_val *out, size_t n, size_t expected, bool at_least)
{
    for (size_t i = 0; i < n; i++)
        if (!(out[i] = py_next(it)))
            return py_err_current() ? -1 : not_enough(expected, i, at_least);
    return 0;
}

int py_unpack(py_val iterable, py_val *out, size_t n)
{
    const py_type *t = py_type_of(iterable);
    if (t == &py_tuple_type || t == &py_list_type) {
        int64_t count;
        py_val *items = py_seq_items(iterable, &count);
        if ((size_t)count != n)
            return (size_t)count < n ? not_enough(n, (size_t)count, false) : too_many(n);
        for (size_t i = 0; i < n; i++)
            out[i] = items[i];
        return 0;
    }
    py_val it = unpack_iter(iterable);
    if (!it || next_items(it, out, n, n, false) < 0)
        return -1;
    py_val extra = py_next(it);
    if (extra)
        return too_many(n);
    return py_err_current() ? -1 : 0;
}

int py_unpack_starred(py_val iterable, py_val *out, size_t before, size_t after)
{
    py_val it = unpack_iter(iterable);
    if (!it || next_items(it, out, before, before + after, true) < 0)
        return -1;
    py_list *rest = py_list_new(0);
    if (py_list_extend(rest, it) < 0)
        return -1;
    if ((size_t)rest->length < after)
        return not_enough(before + after, before + (size_t)rest->length, true);
    rest->length -= (int64_t)after;
    for (size_t i = 0; i < after; i++)
        out[before + 1 + i] = rest->items[rest->length + (int64_t)i];
    out[before] = (py_val)rest;
    return 0;
}

/* ---- recursion ---------------------------------------------------------------------------- */

int64_t py_recursion_limit = 1000;
static int64_t recursion_depth;

int py_recursion_enter(const char *where)
{
    if (recursion_depth >= py_recursion_limit) {
        py_err_format(&py_exc_RecursionError, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    recursion_depth++;
    return 0;
}

void py_recursion_leave(void) { recursion_depth--; }

/* The containers whose repr() is being built, innermost last. */
static py_val *repr_stack;
static size_t repr_depth, repr_capacity;

int py_repr_enter(py_val container)
{
    for (size_t i = 0; i < repr_depth; i++)
        if (repr_stack[i] == container)
            return 1;
    if (py_recursion_enter(" while getting the repr of an object") < 0)
        return -1;
    if (repr_depth == repr_capacity) {
        repr_capacity = repr_capacity ? repr_capacity * 2 : 16;
        repr_stack = mt_realloc(repr_stack, repr_capacity * sizeof *repr_stack);
    }
    repr_stack[repr_depth++] = container;
    return 0;
}

void py_repr_leave(py_val container)
{
    (void)container;
    repr_depth--;
    py_recursion_leave();
}

py_val py_seq_repr(py_val container, const int64_t *length, py_val *const *items, const char *open,
                   const char *close, const char *close_one)
{
    if (*length == 0)
        return (py_val)py_str_format("%s%s", open, close);
    int entered = py_repr_enter(container);
    if (entered)
        return entered < 0 ? NULL : (py_val)py_str_format("%s...%s", open, close);
    py_str_builder sb;
    py_sb_init(&sb, (size_t)*length * 4 + 2);
    py_sb_cstr(&sb, open);
    bool ok = true;
    for (int64_t i = 0; i < *length && ok; i++) {
        if (i)
            py_sb_bytes(&sb, ", ", 2);
        ok = py_sb_repr(&sb, (*items)[i]);
    }
    py_repr_leave(container);
    if (!ok)
        return NULL;
    py_sb_cstr(&sb, *length == 1 ? close_one : close);
    return (py_val)py_sb_finish(&sb);
}
