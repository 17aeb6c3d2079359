/* py_dict.c — the dict type, laid out as CPython's compact dict: entries
 * in insertion order plus an index table probed with CPython's
 * perturbation, so iteration order after deletes and re-inserts is
 * CPython's.  The C API of py.h (py_dict_get/set/del/next/update), the
 * slots (repr with "{...}", ==, `in`, d[k], |) and the methods; the views
 * and iterators are in py_dict_view.c.
 */
#include "config.h"

#include <string.h>

#include "py_types.h"

enum { MIN_SIZE = 8, PERTURB_SHIFT = 5 };

static int64_t usable_for(int64_t size) { return size * 2 / 3; }

/* ---- keys -------------------------------------------------------------------------- */

int64_t py_key_hash(py_val key)
{
    if (py_is_small(key))
        return py_hash_int(py_int_small(py_small_value(key)));
    if (key->type == &py_str_type) {
        py_str *s = (py_str *)key;
        if (s->hash != -1)
            return s->hash;
    }
    return py_hash(key);
}

int py_key_equal(py_val stored, py_val key)
{
    if (stored == key)
        return 1;
    if (py_is_small(stored) && py_is_small(key))
        return 0;
    if (!py_is_small(stored) && !py_is_small(key) && stored->type == &py_str_type && key->type == &py_str_type)
        return py_str_equal_text((py_str *)stored, (py_str *)key);
    return py_equal(stored, key);
}

/* ---- the table ------------------------------------------------------------------------ */

/* New, empty tables of `size` slots; false with MemoryError, and the dict
 * unchanged, when they cannot be had (never for MIN_SIZE). */
static bool allocate_table(py_dict *d, int64_t size)
{
    int32_t *indices = py_alloc_atomic_storage((size_t)size * sizeof *indices);
    py_dict_entry *entries = indices ? py_alloc_storage((size_t)usable_for(size) * sizeof *entries) : NULL;
    if (!entries)
        return false;
    memset(indices, 0xFF, (size_t)size * sizeof *indices); /* all PY_DICT_EMPTY */
    d->mask = size - 1;
    d->usable = usable_for(size);
    d->indices = indices;
    d->entries = entries;
    return true;
}

py_dict *py_dict_new(void)
{
    py_dict *d = mt_alloc(sizeof *d);
    d->head.type = &py_dict_type;
    (void)allocate_table(d, MIN_SIZE); /* MIN_SIZE cannot fail */
    return d;
}

/* The first free slot for `hash` (the table has one). */
static int64_t free_slot(const py_dict *d, int64_t hash)
{
    uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & (uint64_t)d->mask;
    while (d->indices[i] >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & (uint64_t)d->mask;
    }
    return (int64_t)i;
}

/* Rebuild the tables for `minimum_used * 3` slots (at least MIN_SIZE),
 * leaving out deleted entries; -1 with MemoryError, the dict as it was. */
static int resize(py_dict *d, int64_t minimum_used)
{
    int64_t size = MIN_SIZE;
    while (size < minimum_used * 3)
        size <<= 1;
    py_dict_entry *old = d->entries;
    int64_t count = d->nentries;
    if (!allocate_table(d, size))
        return -1;
    int64_t n = 0;
    for (int64_t i = 0; i < count; i++) {
        if (!old[i].key)
            continue;
        d->entries[n] = old[i];
        d->indices[free_slot(d, old[i].hash)] = (int32_t)n;
        n++;
    }
    d->nentries = n;
    return 0;
}

/* The entry of key, -1 if there is none, -2 on error; *slot is where the
 * probe ended (the entry's slot, or the empty one after the chain). */
static int64_t lookup(py_dict *d, py_val key, int64_t hash, int64_t *slot)
{
restart:;
    uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & (uint64_t)d->mask;
    for (;;) {
        int32_t ix = d->indices[i];
        if (ix == PY_DICT_EMPTY) {
            *slot = (int64_t)i;
            return -1;
        }
        if (ix >= 0) {
            py_dict_entry *e = &d->entries[ix];
            if (e->key == key) {
                *slot = (int64_t)i;
                return ix;
            }
            if (e->hash == hash) {
                py_dict_entry *entries = d->entries;
                py_val stored = e->key;
                int eq = py_key_equal(stored, key);
                if (eq < 0)
                    return -2;
                if (entries != d->entries || e->key != stored)
                    goto restart; /* == changed the dict */
                if (eq) {
                    *slot = (int64_t)i;
                    return ix;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & (uint64_t)d->mask;
    }
}

static int64_t find(py_dict *d, py_val key, int64_t *hash, int64_t *slot)
{
    *hash = py_key_hash(key);
    return *hash == -1 ? -2 : lookup(d, key, *hash, slot);
}

/* ---- the C API --------------------------------------------------------------------------- */

py_val py_dict_get(py_dict *d, py_val key)
{
    int64_t hash, slot, ix = find(d, key, &hash, &slot);
    return ix >= 0 ? d->entries[ix].value : NULL;
}

static int insert_new(py_dict *d, py_val key, int64_t hash, py_val value)
{
    if (d->nentries >= d->usable && resize(d, d->used) < 0)
        return -1;
    int64_t slot = free_slot(d, hash);
    d->entries[d->nentries] = (py_dict_entry){hash, key, value};
    d->indices[slot] = (int32_t)d->nentries++;
    d->used++;
    return 0;
}

static int set_with_hash(py_dict *d, py_val key, int64_t hash, py_val value)
{
    int64_t slot, ix = lookup(d, key, hash, &slot);
    if (ix < -1)
        return -1;
    if (ix >= 0) {
        d->entries[ix].value = value;
        return 0;
    }
    return insert_new(d, key, hash, value);
}

int py_dict_set(py_dict *d, py_val key, py_val value)
{
    int64_t hash = py_key_hash(key);
    return hash == -1 ? -1 : set_with_hash(d, key, hash, value);
}

static void delete_entry(py_dict *d, int64_t ix, int64_t slot)
{
    d->indices[slot] = PY_DICT_DELETED;
    d->entries[ix].key = d->entries[ix].value = NULL;
    d->used--;
}

static void *key_error(py_val key)
{
    py_err_set(py_exception_new(&py_exc_KeyError, &key, 1));
    return NULL;
}

int py_dict_del(py_dict *d, py_val key)
{
    int64_t hash, slot, ix = find(d, key, &hash, &slot);
    if (ix < 0) {
        if (ix == -1)
            key_error(key);
        return -1;
    }
    delete_entry(d, ix, slot);
    return 0;
}

int64_t py_dict_len(const py_dict *d) { return d->used; }

bool py_dict_next(const py_dict *d, int64_t *pos, py_val *key, py_val *value)
{
    for (; *pos < d->nentries; (*pos)++) {
        const py_dict_entry *e = &d->entries[*pos];
        if (e->key) {
            *key = e->key;
            *value = e->value;
            (*pos)++;
            return true;
        }
    }
    return false;
}

static py_dict *dict_copy_of(const py_dict *d)
{
    py_dict *r = py_dict_new();
    if (d->used > usable_for(MIN_SIZE) && resize(r, d->used) < 0)
        return NULL;
    for (int64_t i = 0; i < d->nentries; i++)
        if (d->entries[i].key && insert_new(r, d->entries[i].key, d->entries[i].hash, d->entries[i].value) < 0)
            return NULL;
    return r;
}

/* One (key, value) pair of the iterable dict.update() was given. */
static int update_pair(py_dict *d, py_val pair, int64_t index)
{
    const py_type *t = py_type_of(pair);
    if (!t->iter) {
        py_err_format(&py_exc_TypeError, "cannot convert dictionary update sequence element #%ld to a sequence",
                      (long)index);
        return -1;
    }
    int64_t n;
    py_val *items = py_seq_items(pair, &n);
    if (!items)
        return -1;
    if (n != 2) {
        py_err_format(&py_exc_ValueError, "dictionary update sequence element #%ld has length %ld; 2 is required",
                      (long)index, (long)n);
        return -1;
    }
    return py_dict_set(d, items[0], items[1]);
}

static int update_from_pairs(py_dict *d, py_val iterable)
{
    py_val it = py_iter(iterable), pair;
    if (!it)
        return -1;
    for (int64_t index = 0; (pair = py_next(it)); index++)
        if (update_pair(d, pair, index) < 0)
            return -1;
    return py_err_current() ? -1 : 0;
}

int py_dict_update(py_dict *d, py_val other)
{
    if (py_type_of(other) == &py_dict_type) {
        py_dict *o = (py_dict *)other;
        if (d->used == 0 && o != d && o->used > usable_for(MIN_SIZE) && resize(d, o->used) < 0)
            return -1;
        for (int64_t i = 0; i < o->nentries; i++) {
            py_dict_entry e = o->entries[i];
            if (e.key && set_with_hash(d, e.key, e.hash, e.value) < 0)
                return -1;
        }
        return 0;
    }
    return update_from_pairs(d, other); /* no other builtin type is a mapping */
}

/* ---- slots ------------------------------------------------------------------------------ */

static py_val dict_repr(py_val v)
{
    py_dict *d = (py_dict *)v;
    if (d->used == 0)
        return (py_val)py_str_intern("{}");
    int entered = py_repr_enter(v);
    if (entered)
        return entered < 0 ? NULL : (py_val)py_str_intern("{...}");
    py_str_builder sb;
    py_sb_init(&sb, (size_t)d->used * 8 + 2);
    py_sb_bytes(&sb, "{", 1);
    bool ok = true, first = true;
    for (int64_t i = 0; i < d->nentries && ok; i++) {
        py_dict_entry e = d->entries[i];
        if (!e.key)
            continue;
        if (!first)
            py_sb_bytes(&sb, ", ", 2);
        first = false;
        ok = py_sb_repr(&sb, e.key);
        py_sb_bytes(&sb, ": ", 2);
        ok = ok && py_sb_repr(&sb, e.value);
    }
    py_repr_leave(v);
    if (!ok)
        return NULL;
    py_sb_bytes(&sb, "}", 1);
    return (py_val)py_sb_finish(&sb);
}

/* Whether every key of a has an equal value in b (same lengths). */
static int dict_equal(py_dict *a, py_dict *b)
{
    if (a->used != b->used)
        return 0;
    for (int64_t i = 0; i < a->nentries; i++) {
        py_dict_entry e = a->entries[i];
        if (!e.key)
            continue;
        int64_t slot, ix = lookup(b, e.key, e.hash, &slot);
        if (ix < -1)
            return -1;
        if (ix == -1)
            return 0;
        int eq = py_equal(e.value, b->entries[ix].value);
        if (eq <= 0)
            return eq;
    }
    return 1;
}

static py_val dict_compare(py_val a, py_val b, py_compare_op op)
{
    if ((op != PY_EQ && op != PY_NE) || !py_isinstance(b, &py_dict_type))
        return py_not_implemented;
    if (py_recursion_enter(" in comparison") < 0)
        return NULL;
    int eq = dict_equal((py_dict *)a, (py_dict *)b);
    py_recursion_leave();
    return eq < 0 ? NULL : py_bool((eq == 1) == (op == PY_EQ));
}

static int64_t dict_len(py_val v) { return ((py_dict *)v)->used; }

static py_val dict_getitem(py_val v, py_val key)
{
    py_dict *d = (py_dict *)v;
    int64_t hash, slot, ix = find(d, key, &hash, &slot);
    if (ix >= 0)
        return d->entries[ix].value;
    return ix == -1 ? key_error(key) : NULL;
}

static int dict_setitem(py_val v, py_val key, py_val value)
{
    return value ? py_dict_set((py_dict *)v, key, value) : py_dict_del((py_dict *)v, key);
}

static int dict_contains(py_val v, py_val key)
{
    int64_t hash, slot, ix = find((py_dict *)v, key, &hash, &slot);
    return ix >= 0 ? 1 : ix == -1 ? 0 : -1;
}

static py_val dict_iter(py_val v) { return py_dict_iter_new((py_dict *)v, PY_DICT_KEYS, false); }

static py_val dict_or(py_val a, py_val b)
{
    if (!py_isinstance(a, &py_dict_type) || !py_isinstance(b, &py_dict_type))
        return py_not_implemented;
    py_dict *r = dict_copy_of((py_dict *)a);
    return !r || py_dict_update(r, b) < 0 ? NULL : (py_val)r;
}

static py_val dict_inplace_or(py_val a, py_val b) { return py_dict_update((py_dict *)a, b) < 0 ? NULL : a; }

/* dict(mapping_or_pairs, **kwargs) and dict.update(...): the one
 * positional argument, then the keywords. */
static int update_with_arguments(py_dict *d, const char *name, py_val *args, size_t nargs, py_tuple *kwnames)
{
    size_t nkw = kwnames ? (size_t)kwnames->length : 0;
    if (nargs > 1) {
        py_err_format(&py_exc_TypeError, "%s expected at most 1 argument, got %zu", name, nargs);
        return -1;
    }
    if (nargs && py_dict_update(d, args[0]) < 0)
        return -1;
    for (size_t i = 0; i < nkw; i++)
        if (py_dict_set(d, kwnames->items[i], args[nargs + i]) < 0)
            return -1;
    return 0;
}

static py_val dict_new(const py_type *type, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)type;
    py_dict *d = py_dict_new();
    return update_with_arguments(d, "dict", args, nargs, kwnames) < 0 ? NULL : (py_val)d;
}

/* ---- methods ------------------------------------------------------------------------------ */

static py_val dict_get(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_count("dict.get", nargs, kwnames, 1, 2))
        return NULL;
    py_dict *d = (py_dict *)self;
    int64_t hash, slot, ix = find(d, args[0], &hash, &slot);
    if (ix >= 0)
        return d->entries[ix].value;
    return ix == -1 ? (nargs > 1 ? args[1] : py_none) : NULL;
}

static py_val dict_setdefault(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_count("dict.setdefault", nargs, kwnames, 1, 2))
        return NULL;
    py_dict *d = (py_dict *)self;
    int64_t hash, slot, ix = find(d, args[0], &hash, &slot);
    if (ix >= 0)
        return d->entries[ix].value;
    if (ix < -1)
        return NULL;
    py_val value = nargs > 1 ? args[1] : py_none;
    return insert_new(d, args[0], hash, value) < 0 ? NULL : value;
}

static py_val dict_pop(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_count("dict.pop", nargs, kwnames, 1, 2))
        return NULL;
    py_dict *d = (py_dict *)self;
    int64_t hash, slot, ix = find(d, args[0], &hash, &slot);
    if (ix < -1)
        return NULL;
    if (ix == -1)
        return nargs > 1 ? args[1] : key_error(args[0]);
    py_val value = d->entries[ix].value;
    delete_entry(d, ix, slot);
    return value;
}

static py_val dict_popitem(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    if (!py_args_none("dict.popitem", nargs, kwnames))
        return NULL;
    py_dict *d = (py_dict *)self;
    if (d->used == 0)
        return key_error((py_val)py_str_intern("popitem(): dictionary is empty"));
    int64_t ix = d->nentries - 1;
    while (!d->entries[ix].key)
        ix--;
    py_dict_entry e = d->entries[ix];
    int64_t slot;
    lookup(d, e.key, e.hash, &slot);
    delete_entry(d, ix, slot);
    d->nentries = ix; /* the entries after the last live one are free again */
    return (py_val)py_tuple_from((py_val[]){e.key, e.value}, 2);
}

static py_val dict_update(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    return update_with_arguments((py_dict *)self, "update", args, nargs, kwnames) < 0 ? NULL : py_none;
}

static py_val dict_keys(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    return py_args_none("dict.keys", nargs, kwnames) ? py_dict_view_new((py_dict *)self, PY_DICT_KEYS) : NULL;
}

static py_val dict_values(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    return py_args_none("dict.values", nargs, kwnames) ? py_dict_view_new((py_dict *)self, PY_DICT_VALUES) : NULL;
}

static py_val dict_items(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    return py_args_none("dict.items", nargs, kwnames) ? py_dict_view_new((py_dict *)self, PY_DICT_ITEMS) : NULL;
}

static py_val dict_copy(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    return py_args_none("dict.copy", nargs, kwnames) ? (py_val)dict_copy_of((py_dict *)self) : NULL;
}

static py_val dict_clear(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    if (!py_args_none("dict.clear", nargs, kwnames))
        return NULL;
    py_dict *d = (py_dict *)self;
    (void)allocate_table(d, MIN_SIZE); /* MIN_SIZE cannot fail */
    d->used = d->nentries = 0;
    return py_none;
}

/* dict.fromkeys(iterable, value=None), a class method. */
static py_val dict_fromkeys(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    if (!py_args_count("dict.fromkeys", nargs, kwnames, 1, 2))
        return NULL;
    py_val value = nargs > 1 ? args[1] : py_none;
    py_dict *d = py_dict_new();
    py_val it = py_iter(args[0]), key;
    if (!it)
        return NULL;
    while ((key = py_next(it)))
        if (py_dict_set(d, key, value) < 0)
            return NULL;
    return py_err_current() ? NULL : (py_val)d;
}

static const py_method_def dict_methods[] = {
    {"clear", dict_clear}, {"copy", dict_copy},       {"get", dict_get},       {"items", dict_items},
    {"keys", dict_keys},   {"pop", dict_pop},         {"popitem", dict_popitem}, {"setdefault", dict_setdefault},
    {"update", dict_update}, {"values", dict_values}, {NULL, NULL},
};

const py_method_def py_dict_fromkeys_def = {"fromkeys", dict_fromkeys};

py_type py_dict_type = {
    .head = {&py_type_type}, .name = "dict", .flags = PY_TYPE_BASETYPE, .repr = dict_repr,
    .compare = dict_compare, .len = dict_len, .iter = dict_iter, .getitem = dict_getitem,
    .setitem = dict_setitem, .contains = dict_contains, .binary = {[PY_OP_OR] = dict_or},
    .inplace = {[PY_OP_OR] = dict_inplace_or}, .new = dict_new, .methods = dict_methods,
};
