/* py_range.c — range objects with bounds of any size: length, indexing,
 * slicing (another range), `in` in constant time for ints, equality as
 * sequences, CPython's hash, count/index, and the iterators
 * (range_iterator on int64 bounds, longrange_iterator beyond).
 */
#include "config.h"

#include <string.h>

#include "py_types.h"

/* ---- arithmetic on the bounds ------------------------------------------------------- */

static py_int value(py_val v) { return py_int_value(v); }
static int sign(py_val v) { return py_int_sign(py_int_value(v)); }

static py_val add(py_val a, py_val b) { return py_int_new(py_int_add(value(a), value(b))); }
static py_val sub(py_val a, py_val b) { return py_int_new(py_int_sub(value(a), value(b))); }
static py_val mul(py_val a, py_val b) { return py_int_new(py_int_mul(value(a), value(b))); }
static int cmp(py_val a, py_val b) { return py_int_compare(value(a), value(b)); }

static py_val floordiv(py_val a, py_val b)
{
    py_int q;
    py_num_error err;
    py_int_floordiv(value(a), value(b), &q, &err); /* b is a nonzero step */
    return py_int_new(q);
}

/* The number of items: (hi - lo - 1) // |step| + 1, or 0. */
static py_val range_length_of(py_val start, py_val stop, py_val step)
{
    bool up = sign(step) > 0;
    py_val lo = up ? start : stop, hi = up ? stop : start;
    if (cmp(lo, hi) >= 0)
        return py_small(0);
    py_val magnitude = up ? step : py_int_new(py_int_neg(value(step)));
    return add(floordiv(sub(sub(hi, lo), py_small(1)), magnitude), py_small(1));
}

static py_val range_make(py_val start, py_val stop, py_val step)
{
    py_range *r = mt_alloc(sizeof *r);
    r->head.type = &py_range_type;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = range_length_of(start, stop, step);
    return (py_val)r;
}

/* item i (0 <= i < length) */
static py_val range_item(const py_range *r, py_val i) { return add(r->start, mul(i, r->step)); }

/* ---- range(stop), range(start, stop[, step]) --------------------------------------------- */

static py_val as_int(py_val v)
{
    if (!py_is_int(v))
        return py_err_format(&py_exc_TypeError, "'%s' object cannot be interpreted as an integer", py_type_name(v));
    return py_int_new(py_int_value(v));
}

static py_val range_new(const py_type *type, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)type;
    if (!py_args_count("range", nargs, kwnames, 1, 3))
        return NULL;
    py_val bounds[3] = {py_small(0), NULL, py_small(1)};
    for (size_t i = 0; i < nargs; i++)
        if (!(bounds[nargs == 1 ? 1 : i] = as_int(args[i])))
            return NULL;
    if (sign(bounds[2]) == 0)
        return py_err_format(&py_exc_ValueError, "range() arg 3 must not be zero");
    return range_make(bounds[0], bounds[1], bounds[2]);
}

/* ---- slots ------------------------------------------------------------------------------------ */

static py_val range_repr(py_val v)
{
    py_range *r = (py_range *)v;
    py_str *start = (py_str *)py_repr(r->start), *stop = (py_str *)py_repr(r->stop);
    if (!start || !stop)
        return NULL;
    if (r->step == py_small(1))
        return (py_val)py_str_format("range(%s, %s)", start->data, stop->data);
    py_str *step = (py_str *)py_repr(r->step);
    return step ? (py_val)py_str_format("range(%s, %s, %s)", start->data, stop->data, step->data) : NULL;
}

static int64_t range_len(py_val v)
{
    int64_t n;
    if (py_int_as_i64(((py_range *)v)->length, &n))
        return n;
    py_err_format(&py_exc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
}

static int range_truth(py_val v) { return sign(((py_range *)v)->length) != 0; }

/* Equal as sequences: the same length, and for two or more items the
 * same start and step. */
static bool same_sequence(const py_range *a, const py_range *b)
{
    if (cmp(a->length, b->length) != 0)
        return false;
    if (sign(a->length) == 0)
        return true;
    if (cmp(a->start, b->start) != 0)
        return false;
    return cmp(a->length, py_small(1)) == 0 || cmp(a->step, b->step) == 0;
}

static py_val range_compare(py_val a, py_val b, py_compare_op op)
{
    if ((op != PY_EQ && op != PY_NE) || py_type_of(b) != &py_range_type)
        return py_not_implemented;
    return py_bool(same_sequence((py_range *)a, (py_range *)b) == (op == PY_EQ));
}

/* hash((len, start, step)), with None for what does not matter. */
static int64_t range_hash(py_val v)
{
    py_range *r = (py_range *)v;
    bool empty = sign(r->length) == 0, single = cmp(r->length, py_small(1)) == 0;
    py_val parts[3] = {r->length, empty ? py_none : r->start, empty || single ? py_none : r->step};
    return py_hash((py_val)py_tuple_from(parts, 3));
}

/* Whether the int x is one of the range's items. */
static bool contains_int(const py_range *r, py_val x)
{
    bool up = sign(r->step) > 0;
    bool inside = up ? cmp(r->start, x) <= 0 && cmp(x, r->stop) < 0 : cmp(r->stop, x) < 0 && cmp(x, r->start) <= 0;
    if (!inside)
        return false;
    py_int remainder;
    py_num_error err;
    py_int_mod(value(sub(x, r->start)), value(r->step), &remainder, &err);
    return py_int_sign(remainder) == 0;
}

static int range_contains(py_val v, py_val item)
{
    py_range *r = (py_range *)v;
    if (py_is_int(item))
        return contains_int(r, item);
    py_val it = py_iter(v), x;
    if (!it)
        return -1;
    while ((x = py_next(it))) {
        int eq = py_equal(x, item);
        if (eq)
            return eq;
    }
    return py_err_current() ? -1 : 0;
}

/* A slice bound as _PySlice_GetLongIndices computes it: negative from
 * the end, clamped to [lower, upper]. */
static py_val slice_bound(py_val bound, py_val length, py_val lower, py_val upper, py_val absent)
{
    if (bound == py_none)
        return absent;
    if (!py_is_int(bound))
        return py_err_format(&py_exc_TypeError, "slice indices must be integers or None or have an __index__ method");
    bound = py_int_new(py_int_value(bound));
    if (sign(bound) < 0) {
        bound = add(bound, length);
        return cmp(bound, lower) < 0 ? lower : bound;
    }
    return cmp(bound, upper) > 0 ? upper : bound;
}

static py_val range_slice(const py_range *r, const py_slice *s)
{
    if (s->step != py_none && !py_is_int(s->step))
        return py_err_format(&py_exc_TypeError, "slice indices must be integers or None or have an __index__ method");
    py_val step = s->step == py_none ? py_small(1) : py_int_new(py_int_value(s->step));
    if (sign(step) == 0)
        return py_err_format(&py_exc_ValueError, "slice step cannot be zero");
    bool down = sign(step) < 0;
    py_val lower = down ? py_small(-1) : py_small(0), upper = down ? sub(r->length, py_small(1)) : r->length;
    py_val start = slice_bound(s->start, r->length, lower, upper, down ? upper : lower);
    py_val stop = start ? slice_bound(s->stop, r->length, lower, upper, down ? lower : upper) : NULL;
    if (!stop)
        return NULL;
    return range_make(range_item(r, start), range_item(r, stop), mul(r->step, step));
}

static py_val range_getitem(py_val v, py_val key)
{
    py_range *r = (py_range *)v;
    if (py_type_of(key) == &py_slice_type)
        return range_slice(r, (const py_slice *)key);
    if (!py_is_int(key))
        return py_err_format(&py_exc_TypeError, "range indices must be integers or slices, not %s", py_type_name(key));
    py_val i = py_int_new(py_int_value(key));
    if (sign(i) < 0)
        i = add(i, r->length);
    if (sign(i) < 0 || cmp(i, r->length) >= 0)
        return py_err_format(&py_exc_IndexError, "range object index out of range");
    return range_item(r, i);
}

/* ---- iterators ---------------------------------------------------------------------------------- */

typedef struct longrange_iterator {
    py_obj head;
    py_val next, step, remaining;
} longrange_iterator;

static py_val range_iterator_next(py_val v)
{
    py_range_iterator *it = (py_range_iterator *)v;
    if (it->remaining <= 0)
        return NULL;
    it->remaining--;
    int64_t x = it->next;
    it->next = (int64_t)((uint64_t)x + (uint64_t)it->step); /* may leave int64 after the last item */
    return py_int_from_i64(x);
}

static py_val longrange_iterator_next(py_val v)
{
    longrange_iterator *it = (longrange_iterator *)v;
    if (sign(it->remaining) <= 0)
        return NULL;
    it->remaining = sub(it->remaining, py_small(1));
    py_val x = it->next;
    it->next = add(x, it->step);
    return x;
}

static py_val iterator_self(py_val v) { return v; }

py_type py_range_iterator_type = {
    .head = {&py_type_type}, .name = "range_iterator", .iter = iterator_self, .next = range_iterator_next,
};
static py_type longrange_iterator_type = {
    .head = {&py_type_type}, .name = "longrange_iterator", .iter = iterator_self, .next = longrange_iterator_next,
};

/* An iterator over length items from first by step. */
static py_val iterate(py_val first, py_val step, py_val length)
{
    int64_t a, s, n, z;
    py_val last = sign(length) > 0 ? add(first, mul(sub(length, py_small(1)), step)) : first;
    if (py_int_as_i64(first, &a) && py_int_as_i64(step, &s) && py_int_as_i64(length, &n) &&
        py_int_as_i64(last, &z)) {
        py_range_iterator *it = mt_alloc(sizeof *it);
        *it = (py_range_iterator){{&py_range_iterator_type}, a, s, n};
        return (py_val)it;
    }
    longrange_iterator *it = mt_alloc(sizeof *it);
    *it = (longrange_iterator){{&longrange_iterator_type}, first, step, length};
    return (py_val)it;
}

static py_val range_iter(py_val v)
{
    py_range *r = (py_range *)v;
    return iterate(r->start, r->step, r->length);
}

py_val py_range_reversed(py_val v)
{
    py_range *r = (py_range *)v;
    py_val last = sign(r->length) > 0 ? range_item(r, sub(r->length, py_small(1))) : r->start;
    return iterate(last, py_int_new(py_int_neg(value(r->step))), r->length);
}

/* ---- attributes and methods -------------------------------------------------------------------------- */

static py_val range_getattr(py_val v, py_str *name)
{
    py_range *r = (py_range *)v;
    if (!strcmp(name->data, "start"))
        return r->start;
    if (!strcmp(name->data, "stop"))
        return r->stop;
    if (!strcmp(name->data, "step"))
        return r->step;
    return NULL;
}

static py_val range_count(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_one("range.count", nargs, kwnames))
        return NULL;
    if (py_is_int(args[0]))
        return py_small(contains_int((py_range *)self, args[0]));
    int64_t n = 0;
    py_val it = py_iter(self), x;
    while ((x = py_next(it))) {
        int eq = py_equal(x, args[0]);
        if (eq < 0)
            return NULL;
        n += eq;
    }
    return py_err_current() ? NULL : py_small(n);
}

static py_val range_index(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    py_range *r = (py_range *)self;
    if (!py_args_one("range.index", nargs, kwnames))
        return NULL;
    if (py_is_int(args[0])) {
        if (contains_int(r, args[0]))
            return floordiv(sub(py_int_new(py_int_value(args[0])), r->start), r->step);
        py_str *text = (py_str *)py_repr(args[0]);
        return text ? py_err_format(&py_exc_ValueError, "%s is not in range", text->data) : NULL;
    }
    py_val it = py_iter(self), x;
    for (int64_t i = 0; (x = py_next(it)); i++) {
        int eq = py_equal(x, args[0]);
        if (eq < 0)
            return NULL;
        if (eq)
            return py_int_from_i64(i);
    }
    return py_err_current() ? NULL : py_err_format(&py_exc_ValueError, "sequence.index(x): x not in sequence");
}

static const py_method_def range_methods[] = {
    {"count", range_count},
    {"index", range_index},
    {NULL, NULL},
};

py_type py_range_type = {
    .head = {&py_type_type}, .name = "range", .repr = range_repr, .hash = range_hash, .compare = range_compare,
    .truth = range_truth, .len = range_len, .iter = range_iter, .getitem = range_getitem,
    .contains = range_contains, .getattr = range_getattr, .new = range_new, .methods = range_methods,
};
