/* py_iters.c — the lazy iterator types of the builtins: enumerate, zip,
 * map, filter and reversed, each an iterator over iterators. */
#include "config.h"

#include <string.h>

#include "py_sys.h"

typedef struct iter_obj {
    py_obj head;
    py_val fn;         /* map, filter: the function (filter: NULL for None) */
    py_val *its;       /* the iterators */
    size_t nits;
    py_val count;      /* enumerate: the next index */
    int64_t index;     /* zip: strict */
} iter_obj;

static iter_obj *new_iter(const py_type *type, size_t nits)
{
    iter_obj *it = mt_alloc(sizeof *it);
    it->head.type = type;
    it->its = mt_alloc((nits + 1) * sizeof *it->its);
    it->nits = nits;
    return it;
}

static py_val self_iter(py_val self) { return self; }

static py_val iter_repr(py_val self)
{
    return (py_val)py_str_format("<%s object at %p>", py_type_name(self), (void *)self);
}

/* Iterators of args[from ..]: false with the TypeError on one that is not
 * iterable. */
static bool iterators(iter_obj *it, py_val *args, size_t nargs)
{
    for (size_t i = 0; i < nargs; i++)
        if (!(it->its[i] = py_iter(args[i])))
            return false;
    return true;
}

/* ---- enumerate ------------------------------------------------------------------ */

static py_val enumerate_new(const py_type *type, py_val *args, size_t nargs, py_tuple *kwnames)
{
    static const char *const names[] = {"iterable", "start"};
    static const py_params params = {"enumerate", names, 2, 0, 2, 1};
    py_val a[2];
    if (!py_args_parse(&params, args, nargs, kwnames, a))
        return NULL;
    iter_obj *it = new_iter(type, 1);
    if (!iterators(it, a, 1))
        return NULL;
    if (a[1] && !py_isinstance(a[1], &py_int_type))
        return py_err_format(&py_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             py_type_name(a[1]));
    it->count = a[1] ? a[1] : py_small(0);
    return (py_val)it;
}

static py_val enumerate_next(py_val self)
{
    iter_obj *it = (iter_obj *)self;
    py_val x = py_next(it->its[0]);
    if (!x)
        return NULL;
    py_val pair[] = {it->count, x};
    if (!(it->count = py_binary(it->count, py_small(1), PY_OP_ADD)))
        return NULL;
    return (py_val)py_tuple_from(pair, 2);
}

py_type py_enumerate_type = {
    .head = {&py_type_type}, .name = "enumerate", .repr = iter_repr, .iter = self_iter,
    .next = enumerate_next, .new = enumerate_new,
};

/* ---- zip ----------------------------------------------------------------------------- */

static py_val zip_new(const py_type *type, py_val *args, size_t nargs, py_tuple *kwnames)
{
    bool strict = false;
    size_t nkw = kwnames ? (size_t)kwnames->length : 0;
    for (size_t k = 0; k < nkw; k++) {
        const py_str *name = (const py_str *)kwnames->items[k];
        if (strcmp(name->data, "strict"))
            return py_err_format(&py_exc_TypeError, "zip() got an unexpected keyword argument '%s'", name->data);
        int t = py_truth(args[nargs + k]);
        if (t < 0)
            return NULL;
        strict = t;
    }
    iter_obj *it = new_iter(type, nargs);
    for (size_t i = 0; i < nargs; i++)
        if (!(it->its[i] = py_iter(args[i]))) {
            if (py_err_matches(&py_exc_TypeError)) {
                py_err_take();
                return py_err_format(&py_exc_TypeError, "zip argument #%zu must support iteration", i + 1);
            }
            return NULL;
        }
    it->index = strict; /* zip keeps its strictness here */
    return (py_val)it;
}

static py_val zip_next(py_val self)
{
    iter_obj *it = (iter_obj *)self;
    if (!it->nits)
        return NULL;
    py_tuple *t = py_tuple_new(it->nits);
    for (size_t i = 0; i < it->nits; i++) {
        py_val x = py_next(it->its[i]);
        if (x) {
            t->items[i] = x;
            continue;
        }
        if (py_err_current() || !it->index)
            return NULL;
        /* strict: every iterator must end here */
        if (i > 0)
            return py_err_format(&py_exc_ValueError, "zip() argument %zu is shorter than argument%s%zu", i + 1,
                                 i == 1 ? " " : "s 1-", i);
        for (size_t j = 1; j < it->nits; j++) {
            py_val y = py_next(it->its[j]);
            if (y)
                return py_err_format(&py_exc_ValueError, "zip() argument %zu is longer than argument%s%zu", j + 1,
                                     j == 1 ? " " : "s 1-", j);
            if (py_err_current())
                return NULL;
        }
        return NULL;
    }
    return (py_val)t;
}

py_type py_zip_type = {
    .head = {&py_type_type}, .name = "zip", .repr = iter_repr, .iter = self_iter, .next = zip_next,
    .new = zip_new,
};

/* ---- map, filter -------------------------------------------------------------------- */

static py_val map_new(const py_type *type, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_no_keywords("map", kwnames))
        return NULL;
    if (nargs < 2)
        return py_err_format(&py_exc_TypeError, "map() must have at least two arguments.");
    iter_obj *it = new_iter(type, nargs - 1);
    it->fn = args[0];
    return iterators(it, args + 1, nargs - 1) ? (py_val)it : NULL;
}

static py_val map_next(py_val self)
{
    iter_obj *it = (iter_obj *)self;
    py_val xs[it->nits + 1];
    for (size_t i = 0; i < it->nits; i++)
        if (!(xs[i] = py_next(it->its[i])))
            return NULL;
    return py_call(it->fn, xs, it->nits, NULL);
}

py_type py_map_type = {
    .head = {&py_type_type}, .name = "map", .repr = iter_repr, .iter = self_iter, .next = map_next,
    .new = map_new,
};

static py_val filter_new(const py_type *type, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_no_keywords("filter", kwnames))
        return NULL;
    if (nargs != 2)
        return py_err_format(&py_exc_TypeError, "filter expected 2 arguments, got %zu", nargs);
    iter_obj *it = new_iter(type, 1);
    it->fn = args[0] == py_none ? NULL : args[0];
    return iterators(it, args + 1, 1) ? (py_val)it : NULL;
}

static py_val filter_next(py_val self)
{
    iter_obj *it = (iter_obj *)self;
    py_val x;
    while ((x = py_next(it->its[0]))) {
        py_val keep = it->fn ? py_call(it->fn, &x, 1, NULL) : x;
        int t = keep ? py_truth(keep) : -1;
        if (t < 0)
            return NULL;
        if (t)
            return x;
    }
    return NULL;
}

py_type py_filter_type = {
    .head = {&py_type_type}, .name = "filter", .repr = iter_repr, .iter = self_iter, .next = filter_next,
    .new = filter_new,
};

/* ---- reversed --------------------------------------------------------------------------- */

/* reversed(seq): the type is what the builtin names; the iterators are the
 * sequences' own (py_reversed), as CPython's list_reverseiterator. */
static py_val reversed_new(const py_type *type, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)type;
    if (!py_args_no_keywords("reversed", kwnames) || !py_args_count("reversed", nargs, kwnames, 1, 1))
        return NULL;
    return py_reversed(args[0]);
}

py_type py_reversed_type = {.head = {&py_type_type}, .name = "reversed", .new = reversed_new};
