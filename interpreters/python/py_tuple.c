/* py_tuple.c — the tuple type: immutable arrays with CPython's tuple hash
 * (so dicts and sets of tuples of ints lay out as in CPython),
 * lexicographic comparison, concatenation, repetition, indexing, slicing,
 * iteration and the index/count methods.
 */
#include "config.h"

#include <string.h>

#include "py_types.h"

py_tuple py_empty_tuple = {.head = {&py_tuple_type}, .length = 0, .hash = -1};

py_tuple *py_tuple_new(size_t length)
{
    if (length == 0)
        return &py_empty_tuple;
    if (length > ((size_t)INT64_MAX - sizeof(py_tuple)) / sizeof(py_val))
        return py_err_no_memory();
    py_tuple *t = py_alloc_storage(sizeof *t + length * sizeof(py_val));
    if (!t)
        return NULL;
    t->head.type = &py_tuple_type;
    t->length = (int64_t)length;
    t->hash = -1;
    return t;
}

py_tuple *py_tuple_from(const py_val *items, size_t length)
{
    py_tuple *t = py_tuple_new(length);
    if (t && length)
        memcpy(t->items, items, length * sizeof *items);
    return t;
}

/* ---- repr: (1, 2), (1,), () ------------------------------------------------------- */

static py_val tuple_repr(py_val v)
{
    py_tuple *t = (py_tuple *)v;
    py_val *items = t->items;
    return py_seq_repr(v, &t->length, &items, "(", ")", ",)");
}

/* ---- hash: CPython's xxHash-based combination of the items' hashes ------------------ */

#define XXPRIME_1 UINT64_C(11400714785074694791)
#define XXPRIME_2 UINT64_C(14029467366897019727)
#define XXPRIME_5 UINT64_C(2870177450012600261)

static int64_t tuple_hash(py_val v)
{
    py_tuple *t = (py_tuple *)v;
    if (t->hash != -1)
        return t->hash;
    uint64_t acc = XXPRIME_5;
    for (int64_t i = 0; i < t->length; i++) {
        int64_t lane = py_hash(t->items[i]);
        if (lane == -1)
            return -1;
        acc += (uint64_t)lane * XXPRIME_2;
        acc = acc << 31 | acc >> 33;
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)t->length ^ (XXPRIME_5 ^ UINT64_C(3527539));
    int64_t hash = acc == UINT64_MAX ? 1546275796 : (int64_t)acc;
    t->hash = hash;
    return hash;
}

/* ---- comparison ------------------------------------------------------------------------- */

/* Sequences compare at their first items that are not equal, else by
 * length.  The lengths and items are re-read after each item comparison,
 * since it may run code that changes a list. */
static py_val seq_compare(const int64_t *a_length, py_val *const *a_items, const int64_t *b_length,
                          py_val *const *b_items, py_compare_op op)
{
    if (*a_length != *b_length && (op == PY_EQ || op == PY_NE))
        return py_bool(op == PY_NE);
    int64_t i = 0;
    for (; i < *a_length && i < *b_length; i++) {
        int eq = py_equal((*a_items)[i], (*b_items)[i]);
        if (eq < 0)
            return NULL;
        if (!eq)
            break;
    }
    if (i >= *a_length || i >= *b_length) {
        int64_t x = *a_length, y = *b_length;
        static const bool lt[] = {1, 1, 0, 1, 0, 0}, eq[] = {0, 1, 1, 0, 0, 1}, gt[] = {0, 0, 0, 1, 1, 1};
        return py_bool(x < y ? lt[op] : x == y ? eq[op] : gt[op]);
    }
    if (op == PY_EQ || op == PY_NE)
        return py_bool(op == PY_NE);
    return py_compare((*a_items)[i], (*b_items)[i], op);
}

/* Nested sequences compare recursively: deep ones end in RecursionError. */
py_val py_seq_compare(const int64_t *a_length, py_val *const *a_items, const int64_t *b_length,
                      py_val *const *b_items, py_compare_op op)
{
    if (py_recursion_enter(" in comparison") < 0)
        return NULL;
    py_val r = seq_compare(a_length, a_items, b_length, b_items, op);
    py_recursion_leave();
    return r;
}

static py_val tuple_compare(py_val a, py_val b, py_compare_op op)
{
    if (!py_isinstance(b, &py_tuple_type))
        return py_not_implemented;
    py_tuple *x = (py_tuple *)a, *y = (py_tuple *)b;
    py_val *xi = x->items, *yi = y->items;
    return py_seq_compare(&x->length, &xi, &y->length, &yi, op);
}

/* ---- the sequence slots ---------------------------------------------------------------- */

static int64_t tuple_len(py_val v) { return ((py_tuple *)v)->length; }

static py_val tuple_getitem(py_val v, py_val key)
{
    py_tuple *t = (py_tuple *)v;
    int64_t i;
    int is_index = py_seq_item_index(key, t->length, "tuple index out of range", &i);
    if (is_index < 0)
        return NULL;
    if (is_index) {
        return t->items[i];
    }
    if (py_type_of(key) != &py_slice_type)
        return py_err_format(&py_exc_TypeError, "tuple indices must be integers or slices, not %s",
                             py_type_name(key));
    int64_t start, step, count;
    if (!py_slice_positions((const py_slice *)key, t->length, &start, &step, &count))
        return NULL;
    if (step == 1 && count == t->length)
        return v;
    py_tuple *r = py_tuple_new((size_t)count);
    for (int64_t k = 0; k < count; k++)
        r->items[k] = t->items[start + k * step];
    return (py_val)r;
}

int py_seq_contains(py_val *const *items, const int64_t *length, py_val item)
{
    for (int64_t i = 0; i < *length; i++) {
        py_val x = (*items)[i];
        int eq = x == item ? 1 : py_equal(x, item);
        if (eq)
            return eq;
    }
    return 0;
}

static int tuple_contains(py_val v, py_val item)
{
    py_tuple *t = (py_tuple *)v;
    py_val *items = t->items;
    return py_seq_contains(&items, &t->length, item);
}

static py_val tuple_add(py_val a, py_val b)
{
    if (!py_isinstance(a, &py_tuple_type))
        return py_not_implemented;
    if (!py_isinstance(b, &py_tuple_type))
        return py_err_format(&py_exc_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                             py_type_name(b));
    py_tuple *x = (py_tuple *)a, *y = (py_tuple *)b;
    if (y->length == 0)
        return a;
    if (x->length == 0)
        return b;
    py_tuple *r = py_tuple_new((size_t)(x->length + y->length));
    if (!r)
        return NULL;
    memcpy(r->items, x->items, (size_t)x->length * sizeof(py_val));
    memcpy(r->items + x->length, y->items, (size_t)y->length * sizeof(py_val));
    return (py_val)r;
}

static py_val tuple_mul(py_val a, py_val b)
{
    bool tuple_left = py_isinstance(a, &py_tuple_type);
    py_tuple *t = (py_tuple *)(tuple_left ? a : b);
    int64_t n;
    if (!py_repeat_count(tuple_left ? b : a, &n))
        return NULL;
    if (n == 1 || t->length == 0)
        return n == 0 ? (py_val)&py_empty_tuple : (py_val)t;
    if (n > INT64_MAX / (int64_t)sizeof(py_val) / t->length)
        return py_err_no_memory();
    py_tuple *r = py_tuple_new((size_t)(t->length * n));
    if (!r)
        return NULL;
    for (int64_t k = 0; k < n; k++)
        memcpy(r->items + k * t->length, t->items, (size_t)t->length * sizeof(py_val));
    return (py_val)r;
}

/* ---- iteration --------------------------------------------------------------------------- */

typedef struct tuple_iterator {
    py_obj head;
    py_tuple *tuple; /* NULL once exhausted */
    int64_t index;
} tuple_iterator;

static py_val tuple_iterator_next(py_val v)
{
    tuple_iterator *it = (tuple_iterator *)v;
    if (!it->tuple)
        return NULL;
    if (it->index < it->tuple->length)
        return it->tuple->items[it->index++];
    it->tuple = NULL;
    return NULL;
}

static py_val iterator_self(py_val v) { return v; }

static py_type tuple_iterator_type = {
    .head = {&py_type_type}, .name = "tuple_iterator", .iter = iterator_self, .next = tuple_iterator_next,
};

static py_val tuple_iter(py_val v)
{
    tuple_iterator *it = mt_alloc(sizeof *it);
    it->head.type = &tuple_iterator_type;
    it->tuple = (py_tuple *)v;
    return (py_val)it;
}

/* ---- tuple(iterable) and the methods ------------------------------------------------------ */

static py_val tuple_new(const py_type *type, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)type;
    if (!py_args_count("tuple", nargs, kwnames, 0, 1))
        return NULL;
    if (nargs == 0 || py_type_of(args[0]) == &py_tuple_type)
        return nargs ? args[0] : (py_val)&py_empty_tuple;
    int64_t count;
    py_val *items = py_seq_items(args[0], &count);
    return items ? (py_val)py_tuple_from(items, (size_t)count) : NULL;
}

/* The start and stop arguments of index(): clamped, negative from the end. */
bool py_seq_index_range(py_val *args, size_t nargs, int64_t length, int64_t *start, int64_t *stop)
{
    int64_t bounds[2] = {0, INT64_MAX};
    for (size_t i = 1; i < nargs && i < 3; i++) {
        if (!py_is_int(args[i])) {
            py_err_format(&py_exc_TypeError, "slice indices must be integers or have an __index__ method");
            return false;
        }
        if (!py_int_as_i64(args[i], &bounds[i - 1]))
            bounds[i - 1] = py_int_sign(py_int_value(args[i])) < 0 ? INT64_MIN : INT64_MAX;
    }
    for (int i = 0; i < 2; i++)
        if (bounds[i] < 0 && (bounds[i] += length) < 0)
            bounds[i] = 0;
    *start = bounds[0];
    *stop = bounds[1];
    return true;
}

static py_val tuple_index(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    py_tuple *t = (py_tuple *)self;
    int64_t start, stop;
    if (!py_args_count("tuple.index", nargs, kwnames, 1, 3) ||
        !py_seq_index_range(args, nargs, t->length, &start, &stop))
        return NULL;
    for (int64_t i = start; i < stop && i < t->length; i++) {
        int eq = py_equal(t->items[i], args[0]);
        if (eq < 0)
            return NULL;
        if (eq)
            return py_small(i);
    }
    return py_err_format(&py_exc_ValueError, "tuple.index(x): x not in tuple");
}

static py_val tuple_count(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    py_tuple *t = (py_tuple *)self;
    if (!py_args_one("tuple.count", nargs, kwnames))
        return NULL;
    int64_t n = 0;
    for (int64_t i = 0; i < t->length; i++) {
        int eq = py_equal(t->items[i], args[0]);
        if (eq < 0)
            return NULL;
        n += eq;
    }
    return py_small(n);
}

static const py_method_def tuple_methods[] = {
    {"count", tuple_count},
    {"index", tuple_index},
    {NULL, NULL},
};

py_type py_tuple_type = {
    .head = {&py_type_type}, .name = "tuple", .flags = PY_TYPE_BASETYPE, .repr = tuple_repr,
    .hash = tuple_hash, .compare = tuple_compare, .len = tuple_len, .iter = tuple_iter,
    .getitem = tuple_getitem, .contains = tuple_contains,
    .binary = {[PY_OP_ADD] = tuple_add, [PY_OP_MUL] = tuple_mul}, .new = tuple_new, .methods = tuple_methods,
};
