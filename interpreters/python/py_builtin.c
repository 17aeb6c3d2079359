/* py_builtin.c — builtin functions and methods as objects: the
 * builtin_function_or_method type (a py_method_def with its self), the
 * method_descriptor of an unbound method (str.lower), each type's attribute
 * dict, and generic attribute lookup (py_getattr) with CPython's
 * AttributeError messages and its "Did you mean" suggestion.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "py_types.h"

/* ---- builtin_function_or_method ----------------------------------------------- */

py_val py_builtin_new(const py_method_def *def, py_val self)
{
    py_builtin *b = mt_alloc(sizeof *b);
    b->head.type = &py_builtin_type;
    b->def = def;
    b->self = self;
    return (py_val)b;
}

static py_val builtin_repr(py_val v)
{
    const py_builtin *b = (const py_builtin *)v;
    if (!b->self)
        return (py_val)py_str_format("<built-in function %s>", b->def->name);
    return (py_val)py_str_format("<built-in method %s of %s object at %p>", b->def->name,
                                 py_type_name(b->self), (void *)b->self);
}

static py_val builtin_call(py_val v, py_val *args, size_t nargs, py_tuple *kwnames)
{
    const py_builtin *b = (const py_builtin *)v;
    return b->def->fn(b->self, args, nargs, kwnames);
}

/* The qualified name: "list.append", or "len" for a function. */
static py_str *builtin_qualname(const py_builtin *b)
{
    if (!b->self)
        return py_str_from_cstr(b->def->name);
    const char *owner = py_type_of(b->self) == &py_type_type ? ((const py_type *)b->self)->name
                                                              : py_type_name(b->self);
    return py_str_format("%s.%s", owner, b->def->name);
}

static py_val builtin_getattr(py_val v, py_str *name)
{
    const py_builtin *b = (const py_builtin *)v;
    if (!strcmp(name->data, "__name__"))
        return (py_val)py_str_from_cstr(b->def->name);
    if (!strcmp(name->data, "__qualname__"))
        return (py_val)builtin_qualname(b);
    if (!strcmp(name->data, "__self__"))
        return b->self ? b->self : py_none;
    return NULL;
}

static int64_t builtin_hash(py_val v)
{
    const py_builtin *b = (const py_builtin *)v;
    int64_t h = py_hash_pointer((uintptr_t)b->def) ^ py_hash_pointer((uintptr_t)b->self); /* by identity */
    return h == -1 ? -2 : h;
}

/* Equal when they are the same function bound to the same object. */
static py_val builtin_compare(py_val a, py_val b, py_compare_op op)
{
    if ((op != PY_EQ && op != PY_NE) || py_type_of(b) != &py_builtin_type)
        return py_not_implemented;
    const py_builtin *x = (const py_builtin *)a, *y = (const py_builtin *)b;
    return py_bool((x->def == y->def && x->self == y->self) == (op == PY_EQ));
}

py_type py_builtin_type = {
    .head = {&py_type_type}, .name = "builtin_function_or_method", .repr = builtin_repr,
    .hash = builtin_hash, .compare = builtin_compare, .call = builtin_call,
    .getattr = builtin_getattr,
};

/* ---- method_descriptor: str.lower, called with the str first -------------------- */

typedef struct method_descriptor {
    py_obj head;
    const py_method_def *def;
    const py_type *owner;
} method_descriptor;

static py_type method_descriptor_type;

static py_val descriptor_repr(py_val v)
{
    const method_descriptor *d = (const method_descriptor *)v;
    return (py_val)py_str_format("<method '%s' of '%s' objects>", d->def->name, d->owner->name);
}

static py_val descriptor_call(py_val v, py_val *args, size_t nargs, py_tuple *kwnames)
{
    const method_descriptor *d = (const method_descriptor *)v;
    if (nargs == 0)
        return py_err_format(&py_exc_TypeError, "unbound method %s.%s() needs an argument",
                             d->owner->name, d->def->name);
    if (!py_isinstance(args[0], d->owner))
        return py_err_format(&py_exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                             d->def->name, d->owner->name, py_type_name(args[0]));
    return d->def->fn(args[0], args + 1, nargs - 1, kwnames);
}

static py_val descriptor_getattr(py_val v, py_str *name)
{
    const method_descriptor *d = (const method_descriptor *)v;
    if (!strcmp(name->data, "__name__"))
        return (py_val)py_str_from_cstr(d->def->name);
    if (!strcmp(name->data, "__qualname__"))
        return (py_val)py_str_format("%s.%s", d->owner->name, d->def->name);
    return NULL;
}

static py_type method_descriptor_type = {
    .head = {&py_type_type}, .name = "method_descriptor", .repr = descriptor_repr,
    .hash = NULL, .call = descriptor_call, .getattr = descriptor_getattr,
};

/* ---- the attributes of a type ------------------------------------------------------ */

static py_val new_descriptor(const py_type *owner, const py_method_def *def)
{
    method_descriptor *d = mt_alloc(sizeof *d);
    d->head.type = &method_descriptor_type;
    d->def = def;
    d->owner = owner;
    return (py_val)d;
}

py_dict *py_type_dict(const py_type *type)
{
    py_type *t = (py_type *)type; /* the dict is a cache filled on first use */
    if (t->dict)
        return t->dict;
    t->dict = py_dict_new();
    for (const py_method_def *def = t->methods; def && def->name; def++)
        py_dict_set(t->dict, (py_val)py_str_intern(def->name), new_descriptor(t, def));
    return t->dict;
}

void py_type_add_builtin(py_type *type, const py_method_def *def, bool bind_to_type)
{
    py_dict_set(py_type_dict(type), (py_val)py_str_intern(def->name),
                py_builtin_new(def, bind_to_type ? (py_val)type : NULL));
}

/* The attribute of a type or its bases; NULL (no exception) if none has it. */
static py_val type_lookup(const py_type *type, py_str *name)
{
    for (const py_type *t = type; t; t = t->base) {
        py_val v = py_dict_get(py_type_dict(t), (py_val)name);
        if (v)
            return v;
    }
    return NULL;
}

/* ---- attribute lookup ---------------------------------------------------------------- */

py_val py_attribute_error(py_val v, py_str *name)
{
    if (py_type_of(v) == &py_type_type)
        py_err_format(&py_exc_AttributeError, "type object '%s' has no attribute '%s'",
                      ((const py_type *)v)->name, name->data);
    else
        py_err_format(&py_exc_AttributeError, "'%s' object has no attribute '%s'", py_type_name(v),
                      name->data);
    /* the traceback's "Did you mean" looks at them */
    py_exception *e = (py_exception *)py_err_current();
    e->name = (py_val)name;
    e->obj = v;
    return NULL;
}

/* An attribute of a type object: its name, or what its dict holds. */
static py_val type_getattr(const py_type *type, py_str *name)
{
    if (!strcmp(name->data, "__name__") || !strcmp(name->data, "__qualname__"))
        return (py_val)py_str_from_cstr(type->name);
    return type_lookup(type, name);
}

py_val py_getattr(py_val v, py_str *name)
{
    const py_type *t = py_type_of(v);
    if (t->getattr) {
        py_val r = t->getattr(v, name);
        if (r || py_err_current())
            return r;
    }
    py_val found = t == &py_type_type ? type_getattr((const py_type *)v, name) : type_lookup(t, name);
    if (!found)
        return py_attribute_error(v, name);
    if (t != &py_type_type && py_type_of(found) == &method_descriptor_type)
        return py_builtin_new(((const method_descriptor *)found)->def, v);
    return found;
}

const py_method_def *py_type_method(const py_type *type, py_str *name)
{
    py_val found = type_lookup(type, name);
    return found && py_type_of(found) == &method_descriptor_type ? ((const method_descriptor *)found)->def
                                                                 : NULL;
}

/* ---- "Did you mean" ------------------------------------------------------------------- *
 * CPython 3.11's rule: among the candidates (in dir() order) the first one
 * at the smallest edit distance, where inserting, deleting or replacing a
 * character costs 2 and a replacement that only changes ASCII case costs 1,
 * and no more than about a third of the characters involved may change. */

enum { SUGGEST_MAX_CANDIDATES = 750, SUGGEST_MAX_SIZE = 40, MOVE_COST = 2, CASE_COST = 1 };

static size_t substitution_cost(char a, char b)
{
    if (a == b)
        return 0;
    if ((a & 31) == (b & 31)) {
        char la = a >= 'A' && a <= 'Z' ? (char)(a + 32) : a;
        char lb = b >= 'A' && b <= 'Z' ? (char)(b + 32) : b;
        if (la == lb)
            return CASE_COST;
    }
    return MOVE_COST;
}

/* The weighted edit distance of a and b, or anything above max_cost once
 * it is certain to exceed it. */
static size_t edit_distance(const char *a, size_t a_size, const char *b, size_t b_size, size_t max_cost)
{
    while (a_size && b_size && a[0] == b[0])
        a++, b++, a_size--, b_size--;
    while (a_size && b_size && a[a_size - 1] == b[b_size - 1])
        a_size--, b_size--;
    if (a_size == 0 || b_size == 0)
        return (a_size + b_size) * MOVE_COST;
    if (a_size > SUGGEST_MAX_SIZE || b_size > SUGGEST_MAX_SIZE)
        return max_cost + 1;
    if (b_size < a_size) {
        const char *s = a;
        a = b, b = s;
        size_t n = a_size;
        a_size = b_size, b_size = n;
    }
    if ((b_size - a_size) * MOVE_COST > max_cost)
        return max_cost + 1;
    size_t row[SUGGEST_MAX_SIZE]; /* row[i]: cost of a[:i+1] against b[:j] */
    for (size_t i = 0; i < a_size; i++)
        row[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t j = 0; j < b_size; j++) {
        size_t diagonal = j * MOVE_COST, minimum = SIZE_MAX;
        result = diagonal;
        for (size_t i = 0; i < a_size; i++) {
            size_t substitute = diagonal + substitution_cost(b[j], a[i]);
            diagonal = row[i];
            size_t insert_delete = (result < diagonal ? result : diagonal) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            row[i] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}

py_str *py_suggest_name(py_str *name, py_str *const *candidates, size_t count)
{
    if (count >= SUGGEST_MAX_CANDIDATES)
        return NULL;
    py_str *best = NULL;
    size_t best_distance = SIZE_MAX;
    for (size_t i = 0; i < count; i++) {
        py_str *c = candidates[i];
        if (py_str_equal_text(c, name))
            continue;
        size_t max_distance = ((size_t)name->size + (size_t)c->size + 3) * MOVE_COST / 6;
        if (best_distance - 1 < max_distance)
            max_distance = best_distance - 1;
        size_t distance = edit_distance(name->data, (size_t)name->size, c->data, (size_t)c->size, max_distance);
        if (distance <= max_distance && (!best || distance < best_distance)) {
            best = c;
            best_distance = distance;
        }
    }
    return best;
}

static int compare_names(const void *a, const void *b)
{
    const py_str *x = *(py_str *const *)a, *y = *(py_str *const *)b;
    size_t n = x->size < y->size ? (size_t)x->size : (size_t)y->size;
    int c = memcmp(x->data, y->data, n);
    return c ? c : (x->size > y->size) - (x->size < y->size);
}

/* dir(v) for an object of a builtin type: the sorted names of its type's
 * attributes and its bases', with the special methods of each. */
py_list *py_dir_of_type(const py_type *type)
{
    py_dict *seen = py_dict_new();
    for (const py_type *t = type;; t = t->base ? t->base : &py_object_type) {
        int64_t pos = 0;
        py_val key, value;
        while (py_dict_next(py_type_dict(t), &pos, &key, &value))
            py_dict_set(seen, key, py_none);
        for (const char *const *dunder = py_type_special_names(t); *dunder; dunder++)
            py_dict_set(seen, (py_val)py_str_intern(*dunder), py_none);
        if (t == &py_object_type)
            break;
    }
    py_list *names = py_list_new((size_t)py_dict_len(seen));
    if (!names)
        return NULL;
    int64_t pos = 0, i = 0;
    py_val key, value;
    while (py_dict_next(seen, &pos, &key, &value))
        names->items[i++] = key;
    if (names->length > 1)
        qsort(names->items, (size_t)names->length, sizeof *names->items, compare_names);
    return names;
}

py_str *py_attribute_suggestion(py_val v, py_str *name)
{
    py_list *names = py_dir_of_type(py_type_of(v) == &py_type_type ? (const py_type *)v : py_type_of(v));
    return py_suggest_name(name, (py_str *const *)names->items, (size_t)names->length);
}

/* ---- argument checks ------------------------------------------------------------------ */

static const char *plural(size_t n) { return n == 1 ? "" : "s"; }
static size_t keyword_count(const py_tuple *kwnames) { return kwnames ? (size_t)kwnames->length : 0; }

/* "list.pop" -> "pop": Argument Clinic's count messages use the bare name. */
static const char *bare_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot ? dot + 1 : name;
}

bool py_args_no_keywords(const char *name, py_tuple *kwnames)
{
    if (!keyword_count(kwnames))
        return true;
    py_err_format(&py_exc_TypeError, "%s() takes no keyword arguments", name);
    return false;
}

bool py_args_none(const char *name, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_no_keywords(name, kwnames))
        return false;
    if (nargs == 0)
        return true;
    py_err_format(&py_exc_TypeError, "%s() takes no arguments (%zu given)", name, nargs);
    return false;
}

bool py_args_one(const char *name, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_no_keywords(name, kwnames))
        return false;
    if (nargs == 1)
        return true;
    py_err_format(&py_exc_TypeError, "%s() takes exactly one argument (%zu given)", name, nargs);
    return false;
}

bool py_args_count(const char *name, size_t nargs, py_tuple *kwnames, size_t min, size_t max)
{
    if (!py_args_no_keywords(name, kwnames))
        return false;
    if (nargs >= min && nargs <= max)
        return true;
    if (min == max)
        py_err_format(&py_exc_TypeError, "%s expected %zu argument%s, got %zu", bare_name(name), min,
                      plural(min), nargs);
    else if (nargs < min)
        py_err_format(&py_exc_TypeError, "%s expected at least %zu argument%s, got %zu", bare_name(name),
                      min, plural(min), nargs);
    else
        py_err_format(&py_exc_TypeError, "%s expected at most %zu argument%s, got %zu", bare_name(name),
                      max, plural(max), nargs);
    return false;
}

bool py_args_tuple(const char *name, size_t nargs, py_tuple *kwnames, size_t min, size_t max)
{
    if (!py_args_no_keywords(name, kwnames))
        return false;
    if (nargs >= min && nargs <= max)
        return true;
    size_t bound = nargs < min ? min : max;
    py_err_format(&py_exc_TypeError, "%s() takes %s %zu argument%s (%zu given)", name,
                  min == max ? "exactly" : nargs < min ? "at least" : "at most", bound, plural(bound), nargs);
    return false;
}

static bool keyword_is(const py_str *keyword, const char *name)
{
    return strlen(name) == (size_t)keyword->size && !memcmp(keyword->data, name, (size_t)keyword->size);
}

/* The value given for keyword `name`, or NULL. */
static py_val keyword_value(const char *name, py_val *args, size_t nargs, py_tuple *kwnames)
{
    for (size_t i = 0; i < keyword_count(kwnames); i++)
        if (keyword_is((const py_str *)kwnames->items[i], name))
            return args[nargs + i];
    return NULL;
}

static bool is_parameter(const py_params *p, const py_str *keyword)
{
    for (size_t i = p->positional_only; i < p->count; i++)
        if (keyword_is(keyword, p->names[i]))
            return true;
    return false;
}

static bool unexpected_keyword(const py_params *p, py_tuple *kwnames)
{
    for (size_t i = 0; i < keyword_count(kwnames); i++) {
        const py_str *keyword = (const py_str *)kwnames->items[i];
        if (!is_parameter(p, keyword)) {
            py_err_format(&py_exc_TypeError, "'%s' is an invalid keyword argument for %s()", keyword->data,
                          p->name);
            return false;
        }
    }
    return true;
}

static bool check_positional_count(const py_params *p, size_t nargs, size_t nkw)
{
    if (nargs + nkw > p->count) {
        py_err_format(&py_exc_TypeError, "%s() takes at most %zu %sargument%s (%zu given)", p->name, p->count,
                      nargs == 0 ? "keyword " : "", plural(p->count), nargs + nkw);
        return false;
    }
    if (nargs > p->positional) {
        if (p->positional == 0)
            py_err_format(&py_exc_TypeError, "%s() takes no positional arguments", p->name);
        else
            py_err_format(&py_exc_TypeError, "%s() takes %s %zu positional argument%s (%zu given)", p->name,
                          p->required < p->positional ? "at most" : "exactly", p->positional,
                          plural(p->positional), nargs);
        return false;
    }
    if (nargs < p->required && nargs < p->positional_only) {
        py_err_format(&py_exc_TypeError, "%s() takes %s %zu positional argument%s (%zu given)", p->name,
                      p->required < p->positional ? "at least" : "exactly", p->required, plural(p->required),
                      nargs);
        return false;
    }
    return true;
}

bool py_args_parse(const py_params *p, py_val *args, size_t nargs, py_tuple *kwnames, py_val *out)
{
    size_t nkw = keyword_count(kwnames);
    if (!check_positional_count(p, nargs, nkw))
        return false;
    size_t used = 0;
    for (size_t i = 0; i < p->count; i++) {
        out[i] = i < nargs ? args[i]
                 : i < p->positional_only ? NULL
                                          : keyword_value(p->names[i], args, nargs, kwnames);
        if (i >= nargs && out[i])
            used++;
        if (!out[i] && i < p->required) {
            py_err_format(&py_exc_TypeError, "%s() missing required argument '%s' (pos %zu)", p->name,
                          p->names[i], i + 1);
            return false;
        }
    }
    if (used == nkw)
        return true;
    for (size_t i = p->positional_only; i < nargs; i++)
        if (keyword_value(p->names[i], args, nargs, kwnames)) {
            py_err_format(&py_exc_TypeError, "argument for %s() given by name ('%s') and position (%zu)",
                          p->name, p->names[i], i + 1);
            return false;
        }
    return unexpected_keyword(p, kwnames);
}
