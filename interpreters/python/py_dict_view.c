/* py_dict_view.c — dict.keys(), .values() and .items() as live views
 * (len, iteration, `in`, repr "dict_keys([1, 2])"; keys and items also
 * as sets: & | - ^, comparisons, isdisjoint) and the dict iterators
 * in both directions, which raise CPython's RuntimeError when the dict
 * changes size (or keys) while they run.
 */
#include "config.h"

#include "py_types.h"

/* ---- iterators -------------------------------------------------------------------- */

typedef struct dict_iterator {
    py_obj head;
    py_dict *dict; /* NULL once exhausted */
    int64_t pos;   /* the next entry to look at */
    int64_t used;  /* the dict's size when the iterator began */
    int64_t remaining;
    int kind;
    bool reversed;
} dict_iterator;

static py_val item_of(const py_dict_entry *e, int kind)
{
    if (kind == PY_DICT_KEYS)
        return e->key;
    if (kind == PY_DICT_VALUES)
        return e->value;
    return (py_val)py_tuple_from((py_val[]){e->key, e->value}, 2);
}

/* The next live entry from pos in the iterator's direction, or NULL. */
static const py_dict_entry *next_entry(dict_iterator *it)
{
    const py_dict *d = it->dict;
    if (it->reversed) {
        for (; it->pos >= 0; it->pos--)
            if (it->pos < d->nentries && d->entries[it->pos].key)
                return &d->entries[it->pos--];
        return NULL;
    }
    for (; it->pos < d->nentries; it->pos++)
        if (d->entries[it->pos].key)
            return &d->entries[it->pos++];
    return NULL;
}

static py_val dict_iterator_next(py_val v)
{
    dict_iterator *it = (dict_iterator *)v;
    if (!it->dict)
        return NULL;
    if (it->used != it->dict->used) {
        it->used = -1; /* it stays broken, as in CPython */
        return py_err_format(&py_exc_RuntimeError, "dictionary changed size during iteration");
    }
    const py_dict_entry *e = next_entry(it);
    if (!e) {
        it->dict = NULL;
        return NULL;
    }
    if (it->remaining == 0) {
        it->dict = NULL;
        return py_err_format(&py_exc_RuntimeError, "dictionary keys changed during iteration");
    }
    it->remaining--;
    return item_of(e, it->kind);
}

static py_val iterator_self(py_val v) { return v; }

#define DICT_ITERATOR_TYPE(c_name, py_name)                                                              \
    static py_type c_name = {                                                                            \
        .head = {&py_type_type}, .name = py_name, .iter = iterator_self, .next = dict_iterator_next,     \
    }
DICT_ITERATOR_TYPE(keyiterator_type, "dict_keyiterator");
DICT_ITERATOR_TYPE(valueiterator_type, "dict_valueiterator");
DICT_ITERATOR_TYPE(itemiterator_type, "dict_itemiterator");
DICT_ITERATOR_TYPE(reversekeyiterator_type, "dict_reversekeyiterator");
DICT_ITERATOR_TYPE(reversevalueiterator_type, "dict_reversevalueiterator");
DICT_ITERATOR_TYPE(reverseitemiterator_type, "dict_reverseitemiterator");

py_val py_dict_iter_new(py_dict *dict, int kind, bool reversed)
{
    static py_type *const types[2][3] = {
        {&keyiterator_type, &valueiterator_type, &itemiterator_type},
        {&reversekeyiterator_type, &reversevalueiterator_type, &reverseitemiterator_type},
    };
    dict_iterator *it = mt_alloc(sizeof *it);
    it->head.type = types[reversed][kind];
    it->dict = dict;
    it->pos = reversed ? dict->nentries - 1 : 0;
    it->used = it->remaining = dict->used;
    it->kind = kind;
    it->reversed = reversed;
    return (py_val)it;
}

/* ---- views ------------------------------------------------------------------------------ */

typedef struct dict_view {
    py_obj head;
    py_dict *dict;
    int kind;
} dict_view;


static py_val view_repr(py_val v)
{
    dict_view *view = (dict_view *)v;
    int entered = py_repr_enter(v);
    if (entered)
        return entered < 0 ? NULL : (py_val)py_str_intern("...");
    py_str_builder sb;
    py_sb_init(&sb, 16);
    py_sb_cstr(&sb, py_type_name(v));
    py_sb_bytes(&sb, "([", 2);
    bool ok = true, first = true;
    const py_dict *d = view->dict;
    for (int64_t i = 0; i < d->nentries && ok; i++) {
        if (!d->entries[i].key)
            continue;
        if (!first)
            py_sb_bytes(&sb, ", ", 2);
        first = false;
        ok = py_sb_repr(&sb, item_of(&d->entries[i], view->kind));
    }
    py_repr_leave(v);
    if (!ok)
        return NULL;
    py_sb_bytes(&sb, "])", 2);
    return (py_val)py_sb_finish(&sb);
}

static int64_t view_len(py_val v) { return ((dict_view *)v)->dict->used; }

static py_val view_iter(py_val v)
{
    dict_view *view = (dict_view *)v;
    return py_dict_iter_new(view->dict, view->kind, false);
}

static int keys_contains(py_val v, py_val key)
{
    return py_contains((py_val)((dict_view *)v)->dict, key);
}

/* (key, value) in items: the key is there with an equal value. */
static int items_contains(py_val v, py_val item)
{
    if (py_type_of(item) != &py_tuple_type || ((py_tuple *)item)->length != 2)
        return 0;
    py_tuple *pair = (py_tuple *)item;
    py_val value = py_dict_get(((dict_view *)v)->dict, pair->items[0]);
    if (!value)
        return py_err_current() ? -1 : 0;
    return py_equal(value, pair->items[1]);
}

/* ---- keys and items views as sets ------------------------------------------------------- */

static py_type keys_type, items_type;

static bool is_set_like_view(py_val v);

static py_val call_set_method(py_val set, const char *name, py_val arg)
{
    py_val method = py_getattr(set, py_str_intern(name));
    return method ? py_call(method, &arg, 1, NULL) : NULL;
}

/* A new set of the items of v (a view, a set, or any iterable). */
static py_val set_of(py_val v)
{
    py_val set = py_set_new(false);
    return call_set_method(set, "update", v) ? set : NULL;
}

/* view | other, view - other, view ^ other: a set of the left operand's
 * items (either side may be the view) updated by the right one. */
static py_val set_operation(py_val a, py_val b, const char *update)
{
    py_val result = set_of(a);
    return result && call_set_method(result, update, b) ? result : NULL;
}

static py_val view_or(py_val a, py_val b) { return set_operation(a, b, "update"); }
static py_val view_sub(py_val a, py_val b) { return set_operation(a, b, "difference_update"); }
/* items ^ items: b's pairs whose key a lacks or maps elsewhere, then a's
 * pairs whose key b lacks or maps elsewhere (CPython's order). */
static py_val items_xor(py_dict *a, py_dict *b)
{
    py_dict *rest = py_dict_new();
    py_val result = py_set_new(false), key, value;
    if (py_dict_update(rest, (py_val)a) < 0)
        return NULL;
    for (int64_t pos = 0; py_dict_next(b, &pos, &key, &value);) {
        py_val mine = py_dict_get(rest, key);
        int same = mine ? py_equal(mine, value) : 0;
        if (same < 0 || (!mine && py_err_current()))
            return NULL;
        if (same)
            py_dict_del(rest, key);
        else if (py_set_add(result, (py_val)py_tuple_from((py_val[]){key, value}, 2)) < 0)
            return NULL;
    }
    return call_set_method(result, "update", py_dict_view_new(rest, PY_DICT_ITEMS)) ? result : NULL;
}

static py_val view_xor(py_val a, py_val b)
{
    if (py_type_of(a) == &items_type && py_type_of(b) == &items_type)
        return items_xor(((dict_view *)a)->dict, ((dict_view *)b)->dict);
    return set_operation(a, b, "symmetric_difference_update");
}

/* view & other as CPython computes it: through set.intersection when
 * other is a larger set, else by testing other's items against the
 * (larger) view. */
static py_val view_and(py_val a, py_val b)
{
    py_val view = is_set_like_view(a) ? a : b, other = view == a ? b : a;
    int64_t view_size = view_len(view);
    if (py_type_of(other) == &py_set_type && view_size <= py_len(other))
        return call_set_method(other, "intersection", view);
    if (is_set_like_view(other) && view_len(other) > view_size) {
        py_val t = view;
        view = other;
        other = t;
    }
    py_val result = py_set_new(false), it = py_iter(other), item;
    if (!it)
        return NULL;
    while ((item = py_next(it))) {
        int found = py_contains(view, item);
        if (found < 0 || (found && py_set_add(result, item) < 0))
            return NULL;
    }
    return py_err_current() ? NULL : result;
}

/* Every item of a is in b: 1, 0, or -1 on error. */
static int all_contained_in(py_val a, py_val b)
{
    py_val it = py_iter(a), item;
    if (!it)
        return -1;
    while ((item = py_next(it))) {
        int found = py_contains(b, item);
        if (found <= 0)
            return found;
    }
    return py_err_current() ? -1 : 1;
}

static py_val view_compare(py_val a, py_val b, py_compare_op op)
{
    const py_type *t = py_type_of(b);
    if (t != &py_set_type && t != &py_frozenset_type && !is_set_like_view(b))
        return py_not_implemented;
    int64_t x = py_len(a), y = py_len(b);
    if (x < 0 || y < 0)
        return NULL;
    int r;
    switch (op) {
    case PY_EQ:
    case PY_NE: r = x == y ? all_contained_in(a, b) : 0; break;
    case PY_LT: r = x < y ? all_contained_in(a, b) : 0; break;
    case PY_LE: r = x <= y ? all_contained_in(a, b) : 0; break;
    case PY_GT: r = x > y ? all_contained_in(b, a) : 0; break;
    case PY_GE: r = x >= y ? all_contained_in(b, a) : 0; break;
    default: return py_not_implemented;
    }
    if (r < 0)
        return NULL;
    return py_bool(op == PY_NE ? !r : r);
}

static py_val view_isdisjoint(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_one("isdisjoint", nargs, kwnames))
        return NULL;
    /* iterate over the other object, or over the view when it is the
     * smaller set-like one */
    py_val container = self, other = args[0];
    const py_type *t = py_type_of(other);
    if ((t == &py_set_type || t == &py_frozenset_type || is_set_like_view(other)) && py_len(other) > py_len(self)) {
        container = other;
        other = self;
    }
    py_val it = py_iter(other), item;
    if (!it)
        return NULL;
    while ((item = py_next(it))) {
        int found = py_contains(container, item);
        if (found)
            return found < 0 ? NULL : py_false;
    }
    return py_err_current() ? NULL : py_true;
}

static const py_method_def set_view_methods[] = {
    {"isdisjoint", view_isdisjoint},
    {NULL, NULL},
};

#define SET_VIEW_SLOTS                                                                                    \
    .compare = view_compare,                                                                              \
    .binary = {[PY_OP_AND] = view_and, [PY_OP_OR] = view_or, [PY_OP_SUB] = view_sub, [PY_OP_XOR] = view_xor}, \
    .methods = set_view_methods

static py_type keys_type = {
    .head = {&py_type_type}, .name = "dict_keys", .repr = view_repr, .len = view_len, .iter = view_iter,
    .contains = keys_contains, SET_VIEW_SLOTS,
};
static py_type values_type = {
    .head = {&py_type_type}, .name = "dict_values", .repr = view_repr, .len = view_len, .iter = view_iter,
};
static py_type items_type = {
    .head = {&py_type_type}, .name = "dict_items", .repr = view_repr, .len = view_len, .iter = view_iter,
    .contains = items_contains, SET_VIEW_SLOTS,
};
static py_type *view_types[3] = {&keys_type, &values_type, &items_type};

py_val py_dict_view_new(py_dict *dict, int kind)
{
    dict_view *view = mt_alloc(sizeof *view);
    view->head.type = view_types[kind];
    view->dict = dict;
    view->kind = kind;
    return (py_val)view;
}

/* reversed(d) and reversed(d.keys()) ...: the reverse iterators. */
py_val py_dict_reversed(py_val v)
{
    if (py_type_of(v) == &py_dict_type)
        return py_dict_iter_new((py_dict *)v, PY_DICT_KEYS, true);
    dict_view *view = (dict_view *)v;
    return py_dict_iter_new(view->dict, view->kind, true);
}

static bool is_set_like_view(py_val v)
{
    const py_type *t = py_type_of(v);
    return t == &keys_type || t == &items_type;
}

bool py_is_dict_view(py_val v)
{
    const py_type *t = py_type_of(v);
    return t == &keys_type || t == &values_type || t == &items_type;
}
