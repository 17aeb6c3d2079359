/* py_set.c — set and frozenset with CPython 3.11's table: open addressing
 * over (key, hash) entries, nine linear probes then perturbation, the
 * same fill limits, growth and clean re-insertion, and each operation
 * walking the same table in the same order, so that sets of ints iterate
 * (and print) in CPython's order.  All operators and methods, repr
 * ("set()", "frozenset({1})"), the frozenset hash, and set_iterator.
 */
#include "config.h"

#include <string.h>

#include "py_types.h"

enum { MIN_SIZE = 8, LINEAR_PROBES = 9, PERTURB_SHIFT = 5 };

typedef struct set_entry {
    py_val key; /* NULL: never used; &dummy: deleted */
    int64_t hash;
} set_entry;

typedef struct py_set {
    py_obj head;
    int64_t fill;   /* entries used or deleted */
    int64_t used;   /* live entries */
    int64_t mask;   /* table size - 1 */
    int64_t finger; /* where pop() looks first */
    int64_t hash;   /* frozenset: -1 until computed */
    set_entry *table;
} py_set;

static py_obj dummy = {&py_object_type};
#define DUMMY (&dummy)

static bool is_anyset(py_val v)
{
    const py_type *t = py_type_of(v);
    return t == &py_set_type || t == &py_frozenset_type;
}

static bool live(const set_entry *e) { return e->key && e->key != DUMMY; }

/* ---- the table --------------------------------------------------------------------- */

static py_set *set_alloc(const py_type *type)
{
    py_set *s = mt_alloc(sizeof *s);
    s->head.type = type;
    s->mask = MIN_SIZE - 1;
    s->hash = -1;
    s->table = mt_alloc(MIN_SIZE * sizeof *s->table);
    return s;
}

py_val py_set_new(bool frozen) { return (py_val)set_alloc(frozen ? &py_frozenset_type : &py_set_type); }

/* Put a key known to be absent into a table without deleted entries. */
static void insert_clean(set_entry *table, uint64_t mask, py_val key, int64_t hash)
{
    uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        set_entry *e = &table[i];
        if (!e->key)
            goto found;
        if (i + LINEAR_PROBES <= mask)
            for (int j = 0; j < LINEAR_PROBES; j++)
                if (!(++e)->key)
                    goto found;
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        e->key = key;
        e->hash = hash;
        return;
    }
}

/* A new table of the smallest power of two above minimum_used, with the
 * live entries re-inserted in table order; -1 with MemoryError, the set
 * as it was, when it cannot be had. */
static int resize(py_set *s, int64_t minimum_used)
{
    int64_t size = MIN_SIZE;
    while (size <= minimum_used)
        size <<= 1;
    set_entry *table = py_alloc_storage((size_t)size * sizeof *table);
    if (!table)
        return -1;
    set_entry *old = s->table;
    int64_t old_mask = s->mask;
    s->table = table;
    s->mask = size - 1;
    s->fill = s->used;
    for (int64_t i = 0; i <= old_mask; i++)
        if (live(&old[i]))
            insert_clean(s->table, (uint64_t)s->mask, old[i].key, old[i].hash);
    return 0;
}

static int64_t growth(const py_set *s) { return s->used > 50000 ? s->used * 2 : s->used * 4; }

static void clear(py_set *s)
{
    s->table = mt_alloc(MIN_SIZE * sizeof *s->table);
    s->mask = MIN_SIZE - 1;
    s->fill = s->used = 0;
}

/* The entry holding key, or the never-used entry that ends its probe
 * sequence; NULL on error. */
static set_entry *lookup(py_set *s, py_val key, int64_t hash)
{
restart:;
    uint64_t mask = (uint64_t)s->mask, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        set_entry *e = &s->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (!e->key && e->hash == 0)
                return e;
            if (e->hash == hash) {
                py_val stored = e->key;
                set_entry *table = s->table;
                int eq = py_key_equal(stored, key);
                if (eq < 0)
                    return NULL;
                if (table != s->table || e->key != stored)
                    goto restart;
                if (eq)
                    return e;
                mask = (uint64_t)s->mask;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Add key (with its hash): 0, or -1 on error.  The last deleted entry
 * the probe passed is reused, as in CPython 3.11; taking a never-used one
 * may grow the table.  The table grows after an entry fills it past 3/5
 * (a MemoryError there leaves the key added, as in CPython); one still
 * past 4/5 because growing failed takes no new entry before it has grown,
 * so a probe always ends at a never-used entry. */
static int add_entry(py_set *s, py_val key, int64_t hash)
{
restart:;
    uint64_t mask = (uint64_t)s->mask, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    set_entry *free_entry = NULL, *e;
    for (;;) {
        e = &s->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (!e->key && e->hash == 0)
                goto unused;
            if (e->hash == hash) {
                py_val stored = e->key;
                set_entry *table = s->table;
                int eq = py_key_equal(stored, key);
                if (eq)
                    return eq < 0 ? -1 : 0;
                if (table != s->table || e->key != stored)
                    goto restart;
                mask = (uint64_t)s->mask;
            } else if (e->hash == -1) {
                free_entry = e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
unused:
    if (free_entry) {
        free_entry->key = key;
        free_entry->hash = hash;
        s->used++;
        return 0;
    }
    if ((uint64_t)s->fill * 5 >= mask * 4) {
        if (resize(s, growth(s)) < 0)
            return -1;
        goto restart;
    }
    e->key = key;
    e->hash = hash;
    s->fill++;
    s->used++;
    if ((uint64_t)s->fill * 5 >= mask * 3)
        return resize(s, growth(s));
    return 0;
}

int py_set_add(py_val set, py_val key)
{
    int64_t hash = py_key_hash(key);
    return hash == -1 ? -1 : add_entry((py_set *)set, key, hash);
}

/* 1 when key was there and is now deleted, 0 when absent, -1 on error. */
static int discard_entry(py_set *s, py_val key, int64_t hash)
{
    set_entry *e = lookup(s, key, hash);
    if (!e)
        return -1;
    if (!e->key)
        return 0;
    e->key = DUMMY;
    e->hash = -1;
    s->used--;
    return 1;
}

static int contains_entry(py_set *s, py_val key, int64_t hash)
{
    set_entry *e = lookup(s, key, hash);
    return e ? e->key != NULL : -1;
}

/* The hash of a key to look up; a set that is looked up stands for the
 * frozenset of its items, as in CPython. */
static int64_t lookup_hash(py_val *key)
{
    if (py_type_of(*key) == &py_set_type) {
        py_set *frozen = set_alloc(&py_frozenset_type);
        py_set *s = (py_set *)*key;
        for (int64_t i = 0; i <= s->mask; i++)
            if (live(&s->table[i]))
                add_entry(frozen, s->table[i].key, s->table[i].hash);
        *key = (py_val)frozen;
    }
    return py_key_hash(*key);
}

/* The next live entry at or after *pos, or NULL. */
static set_entry *next_entry(py_set *s, int64_t *pos)
{
    for (; *pos <= s->mask; (*pos)++)
        if (live(&s->table[*pos]))
            return &s->table[(*pos)++];
    return NULL;
}

/* ---- bulk operations ------------------------------------------------------------------ */

/* s |= other for a set other: one resize up front, then the cheapest way
 * to copy that CPython's set_merge takes. */
static int merge(py_set *s, py_set *other)
{
    if (other == s || other->used == 0)
        return 0;
    if ((s->fill + other->used) * 5 >= s->mask * 3 && resize(s, (s->used + other->used) * 2) < 0)
        return -1;
    if (s->fill == 0 && s->mask == other->mask && other->fill == other->used) {
        memcpy(s->table, other->table, (size_t)(other->mask + 1) * sizeof *s->table);
        s->fill = other->fill;
        s->used = other->used;
        return 0;
    }
    if (s->fill == 0) {
        s->fill = s->used = other->used;
        for (int64_t i = 0; i <= other->mask; i++)
            if (live(&other->table[i]))
                insert_clean(s->table, (uint64_t)s->mask, other->table[i].key, other->table[i].hash);
        return 0;
    }
    for (int64_t i = 0; i <= other->mask; i++)
        if (live(&other->table[i]) && add_entry(s, other->table[i].key, other->table[i].hash) < 0)
            return -1;
    return 0;
}

static int update(py_set *s, py_val iterable)
{
    if (is_anyset(iterable))
        return merge(s, (py_set *)iterable);
    if (py_type_of(iterable) == &py_dict_type) {
        py_dict *d = (py_dict *)iterable;
        if ((s->fill + d->used) * 5 >= s->mask * 3 && resize(s, (s->used + d->used) * 2) < 0)
            return -1;
        for (int64_t i = 0; i < d->nentries; i++)
            if (d->entries[i].key && add_entry(s, d->entries[i].key, d->entries[i].hash) < 0)
                return -1;
        return 0;
    }
    py_val it = py_iter(iterable), key;
    if (!it)
        return -1;
    while ((key = py_next(it)))
        if (py_set_add((py_val)s, key) < 0)
            return -1;
    return py_err_current() ? -1 : 0;
}

static py_set *new_from(const py_type *type, py_val iterable)
{
    py_set *s = set_alloc(type);
    return !iterable || update(s, iterable) == 0 ? s : NULL;
}

static py_set *copy_of(py_set *s) { return new_from(py_type_of(s), (py_val)s); }

static py_set *intersection(py_set *s, py_val other)
{
    if ((py_val)s == other)
        return copy_of(s);
    py_set *result = set_alloc(py_type_of(s));
    if (is_anyset(other)) {
        py_set *small = (py_set *)other, *big = s;
        if (small->used > big->used) {
            small = s;
            big = (py_set *)other;
        }
        set_entry *e;
        for (int64_t pos = 0; (e = next_entry(small, &pos));) {
            int found = contains_entry(big, e->key, e->hash);
            if (found < 0 || (found && add_entry(result, e->key, e->hash) < 0))
                return NULL;
        }
        return result;
    }
    py_val it = py_iter(other), key;
    if (!it)
        return NULL;
    while ((key = py_next(it))) {
        int64_t hash = py_key_hash(key);
        int found = hash == -1 ? -1 : contains_entry(s, key, hash);
        if (found < 0 || (found && add_entry(result, key, hash) < 0))
            return NULL;
    }
    return py_err_current() ? NULL : result;
}

/* s -= other, then a smaller table if over a quarter of it is deleted. */
static int difference_update(py_set *s, py_val other)
{
    if ((py_val)s == other) {
        clear(s);
        return 0;
    }
    if (is_anyset(other)) {
        set_entry *e;
        for (int64_t pos = 0; (e = next_entry((py_set *)other, &pos));)
            if (discard_entry(s, e->key, e->hash) < 0)
                return -1;
    } else {
        py_val it = py_iter(other), key;
        if (!it)
            return -1;
        while ((key = py_next(it))) {
            int64_t hash = lookup_hash(&key);
            if (hash == -1 || discard_entry(s, key, hash) < 0)
                return -1;
        }
        if (py_err_current())
            return -1;
    }
    if ((uint64_t)(s->fill - s->used) > (uint64_t)s->mask / 4)
        return resize(s, growth(s));
    return 0;
}

static py_set *difference(py_set *s, py_val other)
{
    int64_t other_size;
    if (is_anyset(other))
        other_size = ((py_set *)other)->used;
    else if (py_type_of(other) == &py_dict_type)
        other_size = ((py_dict *)other)->used;
    else
        other_size = -1;
    if (other_size < 0 || (s->used >> 2) > other_size) {
        py_set *result = copy_of(s);
        return result && difference_update(result, other) == 0 ? result : NULL;
    }
    py_set *result = set_alloc(py_type_of(s));
    set_entry *e;
    for (int64_t pos = 0; (e = next_entry(s, &pos));) {
        int found = is_anyset(other) ? contains_entry((py_set *)other, e->key, e->hash)
                                     : py_contains(other, e->key);
        if (found < 0 || (!found && add_entry(result, e->key, e->hash) < 0))
            return NULL;
    }
    return result;
}

static int symmetric_difference_update(py_set *s, py_val other)
{
    if ((py_val)s == other) {
        clear(s);
        return 0;
    }
    py_set *o = is_anyset(other) ? (py_set *)other : new_from(py_type_of(s), other);
    if (!o)
        return -1;
    set_entry *e;
    for (int64_t pos = 0; (e = next_entry(o, &pos));) {
        int discarded = discard_entry(s, e->key, e->hash);
        if (discarded < 0 || (!discarded && add_entry(s, e->key, e->hash) < 0))
            return -1;
    }
    return 0;
}

static py_set *symmetric_difference(py_set *s, py_val other)
{
    py_set *result = new_from(py_type_of(s), other);
    return result && symmetric_difference_update(result, (py_val)s) == 0 ? result : NULL;
}

static int issubset(py_set *s, py_set *other)
{
    if (s->used > other->used)
        return 0;
    set_entry *e;
    for (int64_t pos = 0; (e = next_entry(s, &pos));) {
        int found = contains_entry(other, e->key, e->hash);
        if (found <= 0)
            return found;
    }
    return 1;
}

/* ---- slots ------------------------------------------------------------------------------- */

static py_val set_repr(py_val v)
{
    py_set *s = (py_set *)v;
    bool frozen = py_type_of(v) == &py_frozenset_type;
    if (s->used == 0)
        return (py_val)py_str_format("%s()", py_type_name(v));
    int entered = py_repr_enter(v);
    if (entered)
        return entered < 0 ? NULL : (py_val)py_str_format("%s(...)", py_type_name(v));
    py_str_builder sb;
    py_sb_init(&sb, (size_t)s->used * 4 + 16);
    if (frozen)
        py_sb_cstr(&sb, "frozenset(");
    py_sb_bytes(&sb, "{", 1);
    set_entry *e;
    bool ok = true;
    for (int64_t pos = 0, n = 0; ok && (e = next_entry(s, &pos)); n++) {
        if (n)
            py_sb_bytes(&sb, ", ", 2);
        ok = py_sb_repr(&sb, e->key);
    }
    py_repr_leave(v);
    if (!ok)
        return NULL;
    py_sb_cstr(&sb, frozen ? "})" : "}");
    return (py_val)py_sb_finish(&sb);
}

static uint64_t shuffle_bits(uint64_t h) { return ((h ^ UINT64_C(89869747)) ^ (h << 16)) * UINT64_C(3644798167); }

/* CPython's frozenset hash: the shuffled hashes of the items xor-ed (so
 * order does not matter), mixed with the size and dispersed. */
static int64_t frozenset_hash(py_val v)
{
    py_set *s = (py_set *)v;
    if (s->hash != -1)
        return s->hash;
    uint64_t hash = 0;
    set_entry *e;
    for (int64_t pos = 0; (e = next_entry(s, &pos));)
        hash ^= shuffle_bits((uint64_t)e->hash);
    hash ^= ((uint64_t)s->used + 1) * UINT64_C(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + UINT64_C(907133923);
    if (hash == UINT64_MAX)
        hash = 590923713;
    s->hash = (int64_t)hash;
    return s->hash;
}

static py_val set_compare(py_val a, py_val b, py_compare_op op)
{
    if (!is_anyset(b))
        return py_not_implemented;
    py_set *x = (py_set *)a, *y = (py_set *)b;
    int r;
    switch (op) {
    case PY_EQ:
    case PY_NE:
        r = x->used == y->used ? issubset(x, y) : 0;
        return r < 0 ? NULL : py_bool((r == 1) == (op == PY_EQ));
    case PY_LE: r = issubset(x, y); break;
    case PY_GE: r = issubset(y, x); break;
    case PY_LT: r = x->used < y->used ? issubset(x, y) : 0; break;
    case PY_GT: r = x->used > y->used ? issubset(y, x) : 0; break;
    default: return py_not_implemented;
    }
    return r < 0 ? NULL : py_bool(r);
}

static int64_t set_len(py_val v) { return ((py_set *)v)->used; }

static int set_contains(py_val v, py_val key)
{
    int64_t hash = lookup_hash(&key);
    return hash == -1 ? -1 : contains_entry((py_set *)v, key, hash);
}

typedef struct set_iterator {
    py_obj head;
    py_set *set; /* NULL once exhausted */
    int64_t pos, used;
} set_iterator;

static py_val set_iterator_next(py_val v)
{
    set_iterator *it = (set_iterator *)v;
    if (!it->set)
        return NULL;
    if (it->used != it->set->used) {
        it->used = -1; /* stays broken */
        return py_err_format(&py_exc_RuntimeError, "Set changed size during iteration");
    }
    set_entry *e = next_entry(it->set, &it->pos);
    if (!e)
        it->set = NULL;
    return e ? e->key : NULL;
}

static py_val iterator_self(py_val v) { return v; }

static py_type set_iterator_type = {
    .head = {&py_type_type}, .name = "set_iterator", .iter = iterator_self, .next = set_iterator_next,
};

static py_val set_iter(py_val v)
{
    set_iterator *it = mt_alloc(sizeof *it);
    it->head.type = &set_iterator_type;
    it->set = (py_set *)v;
    it->used = it->set->used;
    return (py_val)it;
}

/* The binary operators need two sets; the result has the left one's type. */
static py_val set_or(py_val a, py_val b)
{
    if (!is_anyset(a) || !is_anyset(b))
        return py_not_implemented;
    py_set *r = copy_of((py_set *)a);
    return r && (a == b || merge(r, (py_set *)b) == 0) ? (py_val)r : NULL;
}

static py_val set_and(py_val a, py_val b)
{
    return is_anyset(a) && is_anyset(b) ? (py_val)intersection((py_set *)a, b) : py_not_implemented;
}

static py_val set_sub(py_val a, py_val b)
{
    return is_anyset(a) && is_anyset(b) ? (py_val)difference((py_set *)a, b) : py_not_implemented;
}

static py_val set_xor(py_val a, py_val b)
{
    return is_anyset(a) && is_anyset(b) ? (py_val)symmetric_difference((py_set *)a, b) : py_not_implemented;
}

static py_val set_ior(py_val a, py_val b)
{
    if (!is_anyset(b))
        return py_not_implemented;
    return merge((py_set *)a, (py_set *)b) < 0 ? NULL : a;
}

/* s takes r's table (the object stays, its contents are r's). */
static void take_table(py_set *s, const py_set *r)
{
    s->table = r->table;
    s->mask = r->mask;
    s->fill = r->fill;
    s->used = r->used;
}

static int intersection_update(py_set *s, py_val other)
{
    py_set *r = intersection(s, other);
    if (!r)
        return -1;
    take_table(s, r);
    return 0;
}

static py_val set_iand(py_val a, py_val b)
{
    if (!is_anyset(b))
        return py_not_implemented;
    return intersection_update((py_set *)a, b) < 0 ? NULL : a;
}

static py_val set_isub(py_val a, py_val b)
{
    if (!is_anyset(b))
        return py_not_implemented;
    return difference_update((py_set *)a, b) < 0 ? NULL : a;
}

static py_val set_ixor(py_val a, py_val b)
{
    if (!is_anyset(b))
        return py_not_implemented;
    return symmetric_difference_update((py_set *)a, b) < 0 ? NULL : a;
}

static py_val set_new(const py_type *type, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_count(type->name, nargs, kwnames, 0, 1))
        return NULL;
    if (type == &py_frozenset_type && nargs && py_type_of(args[0]) == &py_frozenset_type)
        return args[0];
    return (py_val)new_from(type, nargs ? args[0] : NULL);
}

/* ---- methods -------------------------------------------------------------------------------- */

/* The name of a set method for messages: "set.add" or "frozenset.copy". */
static const char *qualified(py_val self, const char *name)
{
    return py_str_format("%s.%s", py_type_name(self), name)->data;
}

static py_val set_add(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_one("set.add", nargs, kwnames) || py_set_add(self, args[0]) < 0)
        return NULL;
    return py_none;
}

static py_val set_clear(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    if (!py_args_none("set.clear", nargs, kwnames))
        return NULL;
    clear((py_set *)self);
    return py_none;
}

static py_val set_copy(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    if (!py_args_none(qualified(self, "copy"), nargs, kwnames))
        return NULL;
    return py_type_of(self) == &py_frozenset_type ? self : (py_val)copy_of((py_set *)self);
}

static py_val set_discard(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_one("set.discard", nargs, kwnames))
        return NULL;
    py_val key = args[0];
    int64_t hash = lookup_hash(&key);
    return hash == -1 || discard_entry((py_set *)self, key, hash) < 0 ? NULL : py_none;
}

static py_val set_remove(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_one("set.remove", nargs, kwnames))
        return NULL;
    py_val key = args[0];
    int64_t hash = lookup_hash(&key);
    int discarded = hash == -1 ? -1 : discard_entry((py_set *)self, key, hash);
    if (discarded < 0)
        return NULL;
    if (!discarded) {
        py_err_set(py_exception_new(&py_exc_KeyError, &args[0], 1));
        return NULL;
    }
    return py_none;
}

/* pop(): the first live entry from the finger on, as CPython picks it. */
static py_val set_pop(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    if (!py_args_none("set.pop", nargs, kwnames))
        return NULL;
    py_set *s = (py_set *)self;
    if (s->used == 0) {
        py_val message = (py_val)py_str_intern("pop from an empty set");
        py_err_set(py_exception_new(&py_exc_KeyError, &message, 1));
        return NULL;
    }
    int64_t i = s->finger & s->mask;
    while (!live(&s->table[i]))
        i = i == s->mask ? 0 : i + 1;
    py_val key = s->table[i].key;
    s->table[i].key = DUMMY;
    s->table[i].hash = -1;
    s->used--;
    s->finger = i + 1;
    return key;
}

static py_val set_union(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_no_keywords("union", kwnames))
        return NULL;
    py_set *r = copy_of((py_set *)self);
    for (size_t i = 0; r && i < nargs; i++)
        if (args[i] != self && update(r, args[i]) < 0)
            return NULL;
    return (py_val)r;
}

static py_val set_update(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_no_keywords("update", kwnames))
        return NULL;
    for (size_t i = 0; i < nargs; i++)
        if (update((py_set *)self, args[i]) < 0)
            return NULL;
    return py_none;
}

static py_val set_intersection(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_no_keywords("intersection", kwnames))
        return NULL;
    if (nargs == 0)
        return (py_val)copy_of((py_set *)self);
    py_set *r = (py_set *)self;
    for (size_t i = 0; r && i < nargs; i++)
        r = intersection(r, args[i]);
    return (py_val)r;
}

static py_val set_intersection_update(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_no_keywords("intersection_update", kwnames))
        return NULL;
    py_val r = set_intersection(self, args, nargs, NULL);
    if (!r)
        return NULL;
    take_table((py_set *)self, (py_set *)r);
    return py_none;
}

static py_val set_difference(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_no_keywords("difference", kwnames))
        return NULL;
    if (nargs == 0)
        return (py_val)copy_of((py_set *)self);
    py_set *r = difference((py_set *)self, args[0]);
    for (size_t i = 1; r && i < nargs; i++)
        if (difference_update(r, args[i]) < 0)
            return NULL;
    return (py_val)r;
}

static py_val set_difference_update(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_no_keywords("difference_update", kwnames))
        return NULL;
    for (size_t i = 0; i < nargs; i++)
        if (difference_update((py_set *)self, args[i]) < 0)
            return NULL;
    return py_none;
}

static py_val set_symmetric_difference(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_one(qualified(self, "symmetric_difference"), nargs, kwnames))
        return NULL;
    return (py_val)symmetric_difference((py_set *)self, args[0]);
}

static py_val set_symmetric_difference_update(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_one("set.symmetric_difference_update", nargs, kwnames))
        return NULL;
    return symmetric_difference_update((py_set *)self, args[0]) < 0 ? NULL : py_none;
}

/* other as a set: itself, or a new set of its items. */
static py_set *as_set(py_val other)
{
    return is_anyset(other) ? (py_set *)other : new_from(&py_set_type, other);
}

static py_val set_issubset(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_one(qualified(self, "issubset"), nargs, kwnames))
        return NULL;
    py_set *other = as_set(args[0]);
    int r = other ? issubset((py_set *)self, other) : -1;
    return r < 0 ? NULL : py_bool(r);
}

static py_val set_issuperset(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_one(qualified(self, "issuperset"), nargs, kwnames))
        return NULL;
    if (is_anyset(args[0])) {
        int r = issubset((py_set *)args[0], (py_set *)self);
        return r < 0 ? NULL : py_bool(r);
    }
    py_val it = py_iter(args[0]), key;
    if (!it)
        return NULL;
    while ((key = py_next(it))) {
        int found = set_contains(self, key);
        if (found <= 0)
            return found < 0 ? NULL : py_false;
    }
    return py_err_current() ? NULL : py_true;
}

static py_val set_isdisjoint(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_one(qualified(self, "isdisjoint"), nargs, kwnames))
        return NULL;
    py_set *s = (py_set *)self;
    if (args[0] == self)
        return py_bool(s->used == 0);
    if (is_anyset(args[0])) {
        py_set *small = (py_set *)args[0], *big = s;
        if (small->used > big->used) {
            small = s;
            big = (py_set *)args[0];
        }
        set_entry *e;
        for (int64_t pos = 0; (e = next_entry(small, &pos));) {
            int found = contains_entry(big, e->key, e->hash);
            if (found)
                return found < 0 ? NULL : py_false;
        }
        return py_true;
    }
    py_val it = py_iter(args[0]), key;
    if (!it)
        return NULL;
    while ((key = py_next(it))) {
        int64_t hash = py_key_hash(key);
        int found = hash == -1 ? -1 : contains_entry(s, key, hash);
        if (found)
            return found < 0 ? NULL : py_false;
    }
    return py_err_current() ? NULL : py_true;
}

static const py_method_def set_methods[] = {
    {"add", set_add},
    {"clear", set_clear},
    {"copy", set_copy},
    {"difference", set_difference},
    {"difference_update", set_difference_update},
    {"discard", set_discard},
    {"intersection", set_intersection},
    {"intersection_update", set_intersection_update},
    {"isdisjoint", set_isdisjoint},
    {"issubset", set_issubset},
    {"issuperset", set_issuperset},
    {"pop", set_pop},
    {"remove", set_remove},
    {"symmetric_difference", set_symmetric_difference},
    {"symmetric_difference_update", set_symmetric_difference_update},
    {"union", set_union},
    {"update", set_update},
    {NULL, NULL},
};

static const py_method_def frozenset_methods[] = {
    {"copy", set_copy},
    {"difference", set_difference},
    {"intersection", set_intersection},
    {"isdisjoint", set_isdisjoint},
    {"issubset", set_issubset},
    {"issuperset", set_issuperset},
    {"symmetric_difference", set_symmetric_difference},
    {"union", set_union},
    {NULL, NULL},
};

#define SET_SLOTS                                                                                       \
    .repr = set_repr, .compare = set_compare, .len = set_len, .iter = set_iter, .contains = set_contains, \
    .binary = {[PY_OP_OR] = set_or, [PY_OP_AND] = set_and, [PY_OP_SUB] = set_sub, [PY_OP_XOR] = set_xor},  \
    .new = set_new

py_type py_set_type = {
    .head = {&py_type_type}, .name = "set", .flags = PY_TYPE_BASETYPE, SET_SLOTS,
    .inplace = {[PY_OP_OR] = set_ior, [PY_OP_AND] = set_iand, [PY_OP_SUB] = set_isub, [PY_OP_XOR] = set_ixor},
    .methods = set_methods,
};

py_type py_frozenset_type = {
    .head = {&py_type_type}, .name = "frozenset", .flags = PY_TYPE_BASETYPE, SET_SLOTS,
    .hash = frozenset_hash, .methods = frozenset_methods,
};
