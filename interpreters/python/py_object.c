/* py_object.c — the generic operations of py.h: each one follows Python's
 * protocol over the type slots (trying the other operand, falling back
 * from one slot to another) and raises CPython's TypeError where neither
 * operand can; plus the objects every program has (None, bools,
 * NotImplemented, Ellipsis, object, type). */
#include "config.h"

#include <string.h>

#include "py.h"

/* ---- the built-in singletons -------------------------------------------------- */

static py_val none_repr(py_val self)
{
    (void)self;
    return (py_val)py_str_intern("None");
}

static int none_truth(py_val self)
{
    (void)self;
    return 0;
}

static int64_t identity_hash(py_val self) { return (int64_t)((uintptr_t)self >> 4); }

static py_val identity_compare(py_val a, py_val b, py_compare_op op)
{
    if (op == PY_EQ)
        return py_bool(a == b);
    if (op == PY_NE)
        return py_bool(a != b);
    return py_not_implemented;
}

py_type py_none_type = {
    .head = {&py_type_type}, .name = "NoneType", .repr = none_repr, .hash = identity_hash,
    .compare = identity_compare, .truth = none_truth,
};
py_obj py_none_obj = {&py_none_type};

static py_val notimplemented_repr(py_val self)
{
    (void)self;
    return (py_val)py_str_intern("NotImplemented");
}

py_type py_notimplemented_type = {
    .head = {&py_type_type}, .name = "NotImplementedType", .repr = notimplemented_repr,
    .hash = identity_hash, .compare = identity_compare,
};
py_obj py_notimplemented_obj = {&py_notimplemented_type};

static py_val ellipsis_repr(py_val self)
{
    (void)self;
    return (py_val)py_str_intern("Ellipsis");
}

py_type py_ellipsis_type = {
    .head = {&py_type_type}, .name = "ellipsis", .repr = ellipsis_repr, .hash = identity_hash,
    .compare = identity_compare,
};
py_obj py_ellipsis_obj = {&py_ellipsis_type};

static py_val object_repr(py_val self)
{
    return (py_val)py_str_format("<%s object at %p>", py_type_name(self), (void *)self);
}

py_type py_object_type = {
    .head = {&py_type_type}, .name = "object", .repr = object_repr, .hash = identity_hash,
    .compare = identity_compare, .flags = PY_TYPE_BASETYPE,
};

static py_val type_repr(py_val self)
{
    const py_type *t = (const py_type *)self;
    return (py_val)py_str_format("<class '%s'>", t->name);
}

static py_val type_call(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    const py_type *t = (const py_type *)self;
    if (t == &py_type_type && nargs == 1 && !kwnames)
        return (py_val)py_type_of(args[0]);
    if (!t->new)
        return py_err_format(&py_exc_TypeError, "cannot create '%s' instances", t->name);
    return t->new(t, args, nargs, kwnames);
}

py_type py_type_type = {
    .head = {&py_type_type}, .name = "type", .repr = type_repr, .hash = identity_hash,
    .compare = identity_compare, .call = type_call,
};

bool py_type_is_subtype(const py_type *t, const py_type *type)
{
    for (; t; t = t->base)
        if (t == type)
            return true;
    return type == &py_object_type;
}

const char *py_type_name(const void *v) { return py_type_of(v)->name; }

/* ---- generic operations --------------------------------------------------------- */

py_val py_repr(py_val v)
{
    const py_type *t = py_type_of(v);
    return t->repr ? t->repr(v) : object_repr(v);
}

py_val py_to_str(py_val v)
{
    const py_type *t = py_type_of(v);
    return t->str ? t->str(v) : py_repr(v);
}

int64_t py_hash(py_val v)
{
    const py_type *t = py_type_of(v);
    if (!t->hash) {
        py_err_format(&py_exc_TypeError, "unhashable type: '%s'", t->name);
        return -1;
    }
    return t->hash(v);
}

static const char *const compare_symbols[] = {"<", "<=", "==", "!=", ">", ">="};
static const py_compare_op swapped_compare[] = {PY_GT, PY_GE, PY_EQ, PY_NE, PY_LT, PY_LE};

py_val py_compare(py_val a, py_val b, py_compare_op op)
{
    const py_type *ta = py_type_of(a), *tb = py_type_of(b);
    /* The right operand goes first when its type is a proper subtype. */
    bool right_first = ta != tb && py_type_is_subtype(tb, ta) && tb->compare;
    py_val r;
    if (right_first && (r = tb->compare(b, a, swapped_compare[op])) != py_not_implemented)
        return r;
    if (ta->compare && (r = ta->compare(a, b, op)) != py_not_implemented)
        return r;
    if (!right_first && tb->compare && (r = tb->compare(b, a, swapped_compare[op])) != py_not_implemented)
        return r;
    if (op == PY_EQ || op == PY_NE) /* identity, as object does */
        return py_bool((a == b) == (op == PY_EQ));
    return py_err_format(&py_exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                         compare_symbols[op], ta->name, tb->name);
}

int py_equal(py_val a, py_val b)
{
    if (a == b)
        return 1;
    py_val r = py_compare(a, b, PY_EQ);
    return r ? py_truth(r) : -1;
}

int py_truth(py_val v)
{
    if (v == py_true)
        return 1;
    if (v == py_false || v == py_none)
        return 0;
    const py_type *t = py_type_of(v);
    if (t->truth)
        return t->truth(v);
    if (t->len) {
        int64_t n = t->len(v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

int64_t py_len(py_val v)
{
    const py_type *t = py_type_of(v);
    if (!t->len) {
        py_err_format(&py_exc_TypeError, "object of type '%s' has no len()", t->name);
        return -1;
    }
    return t->len(v);
}

py_val py_iter(py_val v)
{
    const py_type *t = py_type_of(v);
    if (!t->iter)
        return py_err_format(&py_exc_TypeError, "'%s' object is not iterable", t->name);
    return t->iter(v);
}

py_val py_next(py_val iterator)
{
    const py_type *t = py_type_of(iterator);
    if (!t->next)
        return py_err_format(&py_exc_TypeError, "'%s' object is not an iterator", t->name);
    return t->next(iterator);
}

static const char *const binary_symbols[] = {
#define PY_BINOP_SYMBOL(name, symbol, dunder) symbol,
    PY_BINARY_OPS(PY_BINOP_SYMBOL)
#undef PY_BINOP_SYMBOL
};

/* a op b through the slots of both types, the right one first when its
 * type is a proper subtype; NotImplemented when neither can. */
static py_val binary_slots(py_val a, py_val b, py_binary_op op)
{
    const py_type *ta = py_type_of(a), *tb = py_type_of(b);
    py_val (*fa)(py_val, py_val) = ta->binary[op];
    py_val (*fb)(py_val, py_val) = tb != ta ? tb->binary[op] : NULL;
    py_val r;
    if (fb && py_type_is_subtype(tb, ta)) {
        if ((r = fb(a, b)) != py_not_implemented)
            return r;
        fb = NULL;
    }
    if (fa && (r = fa(a, b)) != py_not_implemented)
        return r;
    if (fb && (r = fb(a, b)) != py_not_implemented)
        return r;
    return py_not_implemented;
}

static void *unsupported(py_val a, py_val b, py_binary_op op, bool inplace)
{
    if (op == PY_OP_POW)
        return py_err_format(&py_exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                             inplace ? "**=" : "** or pow()", py_type_name(a), py_type_name(b));
    return py_err_format(&py_exc_TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'",
                         binary_symbols[op], inplace ? "=" : "", py_type_name(a), py_type_name(b));
}

/* Binary slots are called as slot(a, b) for both operands' types: a type's
 * slot checks which side it is on. */
py_val py_binary(py_val a, py_val b, py_binary_op op)
{
    py_val r = binary_slots(a, b, op);
    return r != py_not_implemented ? r : unsupported(a, b, op, false);
}

py_val py_inplace(py_val a, py_val b, py_binary_op op)
{
    py_val (*f)(py_val, py_val) = py_type_of(a)->inplace[op];
    py_val r = f ? f(a, b) : py_not_implemented;
    if (r != py_not_implemented) /* a result, or an error */
        return r;
    r = binary_slots(a, b, op);
    return r != py_not_implemented ? r : unsupported(a, b, op, true);
}

py_val py_getitem(py_val v, py_val key)
{
    const py_type *t = py_type_of(v);
    if (!t->getitem) {
        if (v && !py_is_small(v) && t == &py_type_type)
            return py_err_format(&py_exc_TypeError, "type '%s' is not subscriptable",
                                 ((const py_type *)v)->name);
        return py_err_format(&py_exc_TypeError, "'%s' object is not subscriptable", t->name);
    }
    return t->getitem(v, key);
}

int py_setitem(py_val v, py_val key, py_val value)
{
    const py_type *t = py_type_of(v);
    if (!t->setitem) {
        py_err_format(&py_exc_TypeError, "'%s' object does not support item assignment", t->name);
        return -1;
    }
    return t->setitem(v, key, value);
}

int py_delitem(py_val v, py_val key)
{
    const py_type *t = py_type_of(v);
    if (!t->setitem) {
        /* CPython's message for sequences differs from the one for other objects */
        bool sequence = t->len || t->contains || t->getitem;
        py_err_format(&py_exc_TypeError, "'%s' object %s support item deletion", t->name,
                      sequence ? "doesn't" : "does not");
        return -1;
    }
    return t->setitem(v, key, NULL);
}

int py_contains(py_val container, py_val item)
{
    const py_type *t = py_type_of(container);
    if (t->contains)
        return t->contains(container, item);
    if (!t->iter) {
        py_err_format(&py_exc_TypeError, "argument of type '%s' is not iterable", t->name);
        return -1;
    }
    py_val it = py_iter(container), x;
    if (!it)
        return -1;
    while ((x = py_next(it))) {
        int eq = py_equal(x, item);
        if (eq)
            return eq;
    }
    return py_err_current() ? -1 : 0;
}

py_val py_call(py_val callable, py_val *args, size_t nargs, py_tuple *kwnames)
{
    const py_type *t = py_type_of(callable);
    if (!t->call)
        return py_err_format(&py_exc_TypeError, "'%s' object is not callable", t->name);
    return t->call(callable, args, nargs, kwnames);
}
