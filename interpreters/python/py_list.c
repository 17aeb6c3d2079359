/* py_list.c — the list type: growable arrays with indexing, slicing, slice
 * assignment and deletion (extended slices included) with CPython's
 * errors, comparison, concatenation, repetition, iteration (forward and
 * reversed) and the list methods; sorting is in py_list_sort.c.
 */
#include "config.h"

#include <string.h>

#include "py_types.h"

/* ---- storage ---------------------------------------------------------------------- */

/* Room for `needed` items; false with MemoryError when that cannot be. */
static bool list_reserve(py_list *list, int64_t needed)
{
    if (needed <= list->capacity)
        return true;
    if (needed > INT64_MAX / (int64_t)sizeof(py_val) / 2)
        return py_err_no_memory(), false;
    int64_t capacity = needed + (needed >> 3) + 6; /* CPython's over-allocation */
    py_val *items = py_realloc_storage(list->items, (size_t)capacity * sizeof(py_val));
    if (!items)
        return false;
    list->items = items;
    list->capacity = capacity;
    return true;
}

py_list *py_list_new(size_t length)
{
    if (length > (size_t)INT64_MAX / sizeof(py_val))
        return py_err_no_memory();
    py_val *items = length ? py_alloc_storage(length * sizeof(py_val)) : NULL;
    if (length && !items)
        return NULL;
    py_list *list = mt_alloc(sizeof *list);
    list->head.type = &py_list_type;
    list->length = (int64_t)length;
    list->capacity = (int64_t)length;
    list->items = items;
    return list;
}

int py_list_append(py_list *list, py_val item)
{
    if (!list_reserve(list, list->length + 1))
        return -1;
    list->items[list->length++] = item;
    return 0;
}

/* Replace items [low, high) with the n items at `items` (n may differ). */
static int list_replace(py_list *list, int64_t low, int64_t high, py_val *items, int64_t n)
{
    int64_t tail = list->length - high, length = low + n + tail;
    if (!list_reserve(list, length))
        return -1;
    if (tail)
        memmove(list->items + low + n, list->items + high, (size_t)tail * sizeof(py_val));
    if (n)
        memcpy(list->items + low, items, (size_t)n * sizeof(py_val));
    for (int64_t i = length; i < list->length; i++)
        list->items[i] = NULL; /* let the collector have what is gone */
    list->length = length;
    return 0;
}

static py_list *list_copy_of(const py_list *list, int64_t start, int64_t count)
{
    py_list *r = py_list_new((size_t)count);
    if (r && count)
        memcpy(r->items, list->items + start, (size_t)count * sizeof(py_val));
    return r;
}

/* A copy of the items of a list about to change with its own items in
 * it; NULL with MemoryError. */
static py_val *own_items_copy(const py_list *list)
{
    if (!list->length)
        return py_no_items;
    py_list *copy = list_copy_of(list, 0, list->length);
    return copy ? copy->items : NULL;
}

int py_list_extend(py_list *list, py_val iterable)
{
    const py_type *t = py_type_of(iterable);
    if (t == &py_list_type || t == &py_tuple_type) {
        int64_t count;
        py_val *items = py_seq_items(iterable, &count);
        if ((py_val)list == iterable && !(items = own_items_copy(list)))
            return -1;
        return list_replace(list, list->length, list->length, items, count);
    }
    py_val it = py_iter(iterable), item;
    if (!it)
        return -1;
    while ((item = py_next(it)))
        if (py_list_append(list, item) < 0)
            return -1;
    return py_err_current() ? -1 : 0;
}

/* The items of v as an array, or TypeError `message` if v is not iterable
 * (CPython's PySequence_Fast). */
static py_val *fast_items(py_val v, const char *message, int64_t *count)
{
    const py_type *t = py_type_of(v);
    if (t != &py_list_type && t != &py_tuple_type && !t->iter)
        return py_err_format(&py_exc_TypeError, "%s", message);
    return py_seq_items(v, count);
}

/* ---- repr and comparison ------------------------------------------------------------ */

static py_val list_repr(py_val v)
{
    py_list *list = (py_list *)v;
    return py_seq_repr(v, &list->length, &list->items, "[", "]", "]");
}

static py_val list_compare(py_val a, py_val b, py_compare_op op)
{
    if (!py_isinstance(b, &py_list_type))
        return py_not_implemented;
    py_list *x = (py_list *)a, *y = (py_list *)b;
    return py_seq_compare(&x->length, &x->items, &y->length, &y->items, op);
}

/* ---- indexing ------------------------------------------------------------------------ */

static int64_t list_len(py_val v) { return ((py_list *)v)->length; }

static py_val list_slice(py_list *list, const py_slice *slice)
{
    int64_t start, step, count;
    if (!py_slice_positions(slice, list->length, &start, &step, &count))
        return NULL;
    if (step == 1)
        return (py_val)list_copy_of(list, start, count);
    py_list *r = py_list_new((size_t)count);
    for (int64_t k = 0; r && k < count; k++)
        r->items[k] = list->items[start + k * step];
    return (py_val)r;
}

static void *bad_index_type(py_val key)
{
    return py_err_format(&py_exc_TypeError, "list indices must be integers or slices, not %s", py_type_name(key));
}

static py_val list_getitem(py_val v, py_val key)
{
    py_list *list = (py_list *)v;
    int64_t i;
    int is_index = py_seq_item_index(key, list->length, "list index out of range", &i);
    if (is_index < 0)
        return NULL;
    if (is_index) {
        return list->items[i];
    }
    if (py_type_of(key) == &py_slice_type)
        return list_slice(list, (const py_slice *)key);
    return bad_index_type(key);
}

static int delete_extended(py_list *list, int64_t start, int64_t step, int64_t count)
{
    if (count <= 0)
        return 0;
    if (step < 0) { /* delete the same positions walking forwards */
        start += step * (count - 1);
        step = -step;
    }
    int64_t to = start;
    for (int64_t from = start; from < list->length; from++) {
        bool deleted = from >= start && from <= start + step * (count - 1) && (from - start) % step == 0;
        if (!deleted)
            list->items[to++] = list->items[from];
    }
    for (int64_t i = to; i < list->length; i++)
        list->items[i] = NULL;
    list->length = to;
    return 0;
}

/* The items assigned to a slice of list (a copy when they are its own). */
static py_val *assigned_items(py_list *list, py_val value, const char *message, int64_t *n)
{
    if ((py_val)list != value)
        return fast_items(value, message, n);
    *n = list->length;
    return own_items_copy(list);
}

static int assign_extended(py_list *list, int64_t start, int64_t step, int64_t count, py_val value)
{
    int64_t n;
    py_val *items = assigned_items(list, value, "must assign iterable to extended slice", &n);
    if (!items)
        return -1;
    if (n != count) {
        py_err_format(&py_exc_ValueError, "attempt to assign sequence of size %ld to extended slice of size %ld",
                      (long)n, (long)count);
        return -1;
    }
    for (int64_t k = 0; k < count; k++)
        list->items[start + k * step] = items[k];
    return 0;
}

static int list_setslice(py_list *list, const py_slice *slice, py_val value)
{
    int64_t start, stop, step;
    if (!py_slice_unpack(slice, &start, &stop, &step))
        return -1;
    int64_t count = py_slice_adjust(list->length, &start, &stop, step);
    if (step == 1) {
        if (stop < start)
            stop = start;
        if (!value)
            return list_replace(list, start, stop, NULL, 0);
        int64_t n;
        py_val *items = assigned_items(list, value, "can only assign an iterable", &n);
        return items ? list_replace(list, start, stop, items, n) : -1;
    }
    return value ? assign_extended(list, start, step, count, value) : delete_extended(list, start, step, count);
}

static int list_setitem(py_val v, py_val key, py_val value)
{
    py_list *list = (py_list *)v;
    int64_t i;
    int is_index = py_seq_item_index(key, list->length, "list assignment index out of range", &i);
    if (is_index < 0)
        return -1;
    if (is_index) {
        if (value)
            list->items[i] = value;
        else
            list_replace(list, i, i + 1, NULL, 0);
        return 0;
    }
    if (py_type_of(key) == &py_slice_type)
        return list_setslice(list, (const py_slice *)key, value);
    bad_index_type(key);
    return -1;
}

static int list_contains(py_val v, py_val item)
{
    py_list *list = (py_list *)v;
    return py_seq_contains(&list->items, &list->length, item);
}

/* ---- + and * ---------------------------------------------------------------------------- */

static py_val list_add(py_val a, py_val b)
{
    if (!py_isinstance(a, &py_list_type))
        return py_not_implemented;
    if (!py_isinstance(b, &py_list_type))
        return py_err_format(&py_exc_TypeError, "can only concatenate list (not \"%s\") to list", py_type_name(b));
    py_list *x = (py_list *)a, *y = (py_list *)b;
    py_list *r = list_copy_of(x, 0, x->length);
    if (!r || list_replace(r, r->length, r->length, y->items, y->length) < 0)
        return NULL;
    return (py_val)r;
}

static py_val list_inplace_add(py_val a, py_val b)
{
    return py_list_extend((py_list *)a, b) < 0 ? NULL : a;
}

/* list * n as a new list, or list *= n in place. */
static py_val list_repeat(py_list *list, py_val count, py_list *into)
{
    int64_t n;
    if (!py_repeat_count(count, &n))
        return NULL;
    int64_t length = list->length;
    if (length && n > INT64_MAX / length)
        return py_err_no_memory();
    py_val *items = list->items;
    if (!into)
        into = py_list_new(0);
    if (!into || !list_reserve(into, length * n))
        return NULL;
    if (into == list && n > 0 && !(items = own_items_copy(list)))
        return NULL;
    into->length = 0;
    for (int64_t k = 0; k < n && length; k++) {
        memcpy(into->items + into->length, items, (size_t)length * sizeof(py_val));
        into->length += length;
    }
    return (py_val)into;
}

static py_val list_mul(py_val a, py_val b)
{
    bool list_left = py_isinstance(a, &py_list_type);
    return list_repeat((py_list *)(list_left ? a : b), list_left ? b : a, NULL);
}

static py_val list_inplace_mul(py_val a, py_val b) { return list_repeat((py_list *)a, b, (py_list *)a); }

/* ---- iteration ------------------------------------------------------------------------------ */

typedef struct list_iterator {
    py_obj head;
    py_list *list; /* NULL once exhausted */
    int64_t index;
} list_iterator;

static py_val list_iterator_next(py_val v)
{
    list_iterator *it = (list_iterator *)v;
    if (it->list && it->index < it->list->length)
        return it->list->items[it->index++];
    it->list = NULL;
    return NULL;
}

static py_val list_reverseiterator_next(py_val v)
{
    list_iterator *it = (list_iterator *)v;
    if (it->list && it->index >= 0 && it->index < it->list->length)
        return it->list->items[it->index--];
    it->list = NULL;
    return NULL;
}

static py_val iterator_self(py_val v) { return v; }

static py_type list_iterator_type = {
    .head = {&py_type_type}, .name = "list_iterator", .iter = iterator_self, .next = list_iterator_next,
};
static py_type list_reverseiterator_type = {
    .head = {&py_type_type}, .name = "list_reverseiterator", .iter = iterator_self,
    .next = list_reverseiterator_next,
};

static py_val new_list_iterator(py_list *list, py_type *type, int64_t index)
{
    list_iterator *it = mt_alloc(sizeof *it);
    it->head.type = type;
    it->list = list;
    it->index = index;
    return (py_val)it;
}

static py_val list_iter(py_val v) { return new_list_iterator((py_list *)v, &list_iterator_type, 0); }

py_val py_list_reversed(py_list *list)
{
    return new_list_iterator(list, &list_reverseiterator_type, list->length - 1);
}

/* ---- list(iterable) and the methods ----------------------------------------------------------- */

static py_val list_new(const py_type *type, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)type;
    if (!py_args_count("list", nargs, kwnames, 0, 1))
        return NULL;
    py_list *list = py_list_new(0);
    if (nargs && py_list_extend(list, args[0]) < 0)
        return NULL;
    return (py_val)list;
}

static py_val list_append(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_one("list.append", nargs, kwnames) || py_list_append((py_list *)self, args[0]) < 0)
        return NULL;
    return py_none;
}

static py_val list_extend(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_one("list.extend", nargs, kwnames) || py_list_extend((py_list *)self, args[0]) < 0)
        return NULL;
    return py_none;
}

static py_val list_insert(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    py_list *list = (py_list *)self;
    int64_t i;
    if (!py_args_count("list.insert", nargs, kwnames, 2, 2) || py_index(args[0], &i) < 0)
        return NULL;
    if (i < 0 && (i += list->length) < 0)
        i = 0;
    if (i > list->length)
        i = list->length;
    return list_replace(list, i, i, &args[1], 1) < 0 ? NULL : py_none;
}

static py_val list_pop(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    py_list *list = (py_list *)self;
    int64_t i = -1;
    if (!py_args_count("list.pop", nargs, kwnames, 0, 1) || (nargs && py_index(args[0], &i) < 0))
        return NULL;
    if (list->length == 0)
        return py_err_format(&py_exc_IndexError, "pop from empty list");
    if (i < 0)
        i += list->length;
    if (i < 0 || i >= list->length)
        return py_err_format(&py_exc_IndexError, "pop index out of range");
    py_val item = list->items[i];
    list_replace(list, i, i + 1, NULL, 0);
    return item;
}

/* The first index from start of an item == x, -1 if none, -2 on error. */
static int64_t list_find(py_list *list, py_val x, int64_t start, int64_t stop)
{
    for (int64_t i = start; i < stop && i < list->length; i++) {
        int eq = py_equal(list->items[i], x);
        if (eq)
            return eq < 0 ? -2 : i;
    }
    return -1;
}

static py_val list_remove(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    py_list *list = (py_list *)self;
    if (!py_args_one("list.remove", nargs, kwnames))
        return NULL;
    int64_t i = list_find(list, args[0], 0, INT64_MAX);
    if (i == -1)
        return py_err_format(&py_exc_ValueError, "list.remove(x): x not in list");
    if (i < 0)
        return NULL;
    list_replace(list, i, i + 1, NULL, 0);
    return py_none;
}

static py_val list_index(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    py_list *list = (py_list *)self;
    int64_t start, stop;
    if (!py_args_count("list.index", nargs, kwnames, 1, 3) ||
        !py_seq_index_range(args, nargs, list->length, &start, &stop))
        return NULL;
    int64_t i = list_find(list, args[0], start, stop);
    if (i >= 0)
        return py_small(i);
    if (i < -1)
        return NULL;
    py_str *r = (py_str *)py_repr(args[0]);
    return r ? py_err_format(&py_exc_ValueError, "%s is not in list", r->data) : NULL;
}

static py_val list_count(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    py_list *list = (py_list *)self;
    if (!py_args_one("list.count", nargs, kwnames))
        return NULL;
    int64_t n = 0;
    for (int64_t i = 0; i < list->length; i++) {
        int eq = py_equal(list->items[i], args[0]);
        if (eq < 0)
            return NULL;
        n += eq;
    }
    return py_small(n);
}

static py_val list_reverse(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    py_list *list = (py_list *)self;
    if (!py_args_none("list.reverse", nargs, kwnames))
        return NULL;
    for (int64_t i = 0, j = list->length - 1; i < j; i++, j--) {
        py_val t = list->items[i];
        list->items[i] = list->items[j];
        list->items[j] = t;
    }
    return py_none;
}

static py_val list_copy(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    py_list *list = (py_list *)self;
    if (!py_args_none("list.copy", nargs, kwnames))
        return NULL;
    return (py_val)list_copy_of(list, 0, list->length);
}

static py_val list_clear(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    py_list *list = (py_list *)self;
    if (!py_args_none("list.clear", nargs, kwnames))
        return NULL;
    list->items = NULL;
    list->length = list->capacity = 0;
    return py_none;
}

static py_val list_sort(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    static const char *const names[] = {"key", "reverse"};
    static const py_params params = {"sort", names, 2, 0, 0, 0};
    py_val arg[2];
    int64_t reverse = 0;
    if (!py_args_parse(&params, args, nargs, kwnames, arg))
        return NULL;
    if (arg[1] && py_index(arg[1], &reverse) < 0)
        return NULL;
    py_val key = arg[0] == py_none ? NULL : arg[0];
    return py_list_sort((py_list *)self, key, reverse != 0) < 0 ? NULL : py_none;
}

static const py_method_def list_methods[] = {
    {"append", list_append}, {"clear", list_clear}, {"copy", list_copy},       {"count", list_count},
    {"extend", list_extend}, {"index", list_index}, {"insert", list_insert},   {"pop", list_pop},
    {"remove", list_remove}, {"reverse", list_reverse}, {"sort", list_sort}, {NULL, NULL},
};

py_type py_list_type = {
    .head = {&py_type_type}, .name = "list", .flags = PY_TYPE_BASETYPE, .repr = list_repr,
    .compare = list_compare, .len = list_len, .iter = list_iter, .getitem = list_getitem,
    .setitem = list_setitem, .contains = list_contains,
    .binary = {[PY_OP_ADD] = list_add, [PY_OP_MUL] = list_mul},
    .inplace = {[PY_OP_ADD] = list_inplace_add, [PY_OP_MUL] = list_inplace_mul}, .new = list_new,
    .methods = list_methods,
};
