/* py_eval.c — what the handlers call and do not trace through: the
 * generic operations with the frame's slots as operands, argument
 * binding for calls of Python functions, making functions, raising, and
 * calling Python from C (py_function's call slot). */
#include "config.h"

#include <signal.h>
#include <string.h>

#include "py_eval.h"
#include "py_types.h"
#include "py_sys.h"

py_frame *py_current_frame;
mt_quasi py_depth_limit = {.value = 1000};
py_obj py_stop_iteration = {&py_object_type};

py_frame *py_frame_new(const py_code *code, py_function *func, py_frame *back)
{
    py_frame *f = mt_alloc(sizeof *f + code->nslots * sizeof(py_val));
    f->head.type = &py_frame_type;
    f->code = code;
    f->func = func;
    f->back = back;
    f->depth = back ? back->depth + 1 : 1;
    return f;
}

static py_val *slots(py_frame *frame, int64_t first) { return frame->slots + first; }

/* ---- operators -------------------------------------------------------------------- */

py_val py_op_next(py_val iterator)
{
    py_val item = py_next(iterator);
    if (item)
        return item;
    if (!py_err_current())
        return &py_stop_iteration;
    if (!py_err_matches(&py_exc_StopIteration))
        return NULL;
    py_err_take();
    return &py_stop_iteration;
}

int64_t py_op_truth(py_val v) { return py_truth(v); }
py_val py_op_binary(py_val a, py_val b, int64_t op) { return py_binary(a, b, (py_binary_op)op); }
py_val py_op_float_binary(py_val a, py_val b, int64_t op) { return py_binary(a, b, (py_binary_op)op); }
py_val py_op_inplace(py_val a, py_val b, int64_t op) { return py_inplace(a, b, (py_binary_op)op); }
py_val py_op_compare(py_val a, py_val b, int64_t op) { return py_compare(a, b, (py_compare_op)op); }
py_val py_op_float_compare(py_val a, py_val b, int64_t op) { return py_compare(a, b, (py_compare_op)op); }

py_val py_op_contains(py_val item, py_val container, int64_t negate)
{
    int in = py_contains(container, item);
    return in < 0 ? NULL : py_bool((in != 0) != (negate != 0));
}

py_val py_op_unary(py_val v, int64_t op)
{
    const py_type *t = py_type_of(v);
    py_val (*slot)(py_val) = op == PY_UNARY_NEG ? t->neg : op == PY_UNARY_POS ? t->pos : t->invert;
    if (!slot)
        return py_err_format(&py_exc_TypeError, "bad operand type for unary %s: '%s'",
                             op == PY_UNARY_NEG ? "-" : op == PY_UNARY_POS ? "+" : "~", t->name);
    return slot(v);
}

py_val py_op_float_unary(py_val v, int64_t op) { return py_op_unary(v, op); }

py_val py_op_getattr(py_val v, py_val name) { return py_getattr(v, (py_str *)name); }

/* obj.name = value, or del obj.name (value NULL); CPython's messages when
 * the type has no such attribute to set. */
int64_t py_op_setattr(py_val v, py_val name, py_val value)
{
    py_str *n = (py_str *)name;
    const py_type *t = py_type_of(v);
    int r = t->setattr ? t->setattr(v, n, value) : 1;
    if (r <= 0)
        return r;
    if (t == &py_type_type)
        py_err_format(&py_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", n->data,
                      ((const py_type *)v)->name);
    else if (py_type_method(t, n))
        py_err_format(&py_exc_AttributeError, "'%s' object attribute '%s' is read-only", t->name, n->data);
    else
        py_attribute_error(v, n);
    return -1;
}

int64_t py_op_setitem(py_val v, py_val key, py_val value) { return py_setitem(v, key, value); }
int64_t py_op_delitem(py_val v, py_val key) { return py_delitem(v, key); }

/* ---- building --------------------------------------------------------------------- */

static py_val build_string(py_val *items, int64_t n)
{
    size_t size = 0;
    for (int64_t i = 0; i < n; i++)
        size += (size_t)((py_str *)items[i])->size;
    char *text = mt_alloc_atomic(size + 1), *p = text;
    for (int64_t i = 0; i < n; i++) {
        const py_str *s = (const py_str *)items[i];
        memcpy(p, s->data, (size_t)s->size);
        p += s->size;
    }
    return (py_val)py_str_new(text, size);
}

py_val py_op_build(py_frame *frame, int64_t first, int64_t n, int64_t op)
{
    py_val *items = slots(frame, first);
    switch (op) {
    case PY_BUILD_TUPLE:
        return (py_val)py_tuple_from(items, (size_t)n);
    case PY_BUILD_LIST: {
        py_list *list = py_list_new((size_t)n);
        if (list && n)
            memcpy(list->items, items, (size_t)n * sizeof *items);
        return (py_val)list;
    }
    case PY_BUILD_SET: {
        py_val set = py_set_new(false);
        for (int64_t i = 0; set && i < n; i++)
            if (py_set_add(set, items[i]) < 0)
                return NULL;
        return set;
    }
    default:
        return build_string(items, n);
    }
}

py_val py_op_build_map(py_frame *frame, int64_t first, int64_t pairs)
{
    py_val *items = slots(frame, first);
    py_dict *d = py_dict_new();
    for (int64_t i = 0; d && i < pairs; i++)
        if (py_dict_set(d, items[2 * i], items[2 * i + 1]) < 0)
            return NULL;
    return (py_val)d;
}

py_val py_op_build_slice(py_val start, py_val stop, py_val step) { return py_slice_new(start, stop, step); }

/* How CPython names a callable in its call errors: "__main__.f()",
 * "print()" (module.qualname, without the builtins module). */
static const char *function_str(py_val callable)
{
    py_val qualname = py_getattr(callable, py_str_intern("__qualname__"));
    if (!qualname || py_type_of(qualname) != &py_str_type) {
        py_err_take();
        return py_str_format("%s object", py_type_name(callable))->data;
    }
    py_val module = py_getattr(callable, py_str_intern("__module__"));
    if (!module)
        py_err_take();
    const char *q = ((py_str *)qualname)->data;
    if (module && py_type_of(module) == &py_str_type && strcmp(((py_str *)module)->data, "builtins"))
        return py_str_format("%s.%s()", ((py_str *)module)->data, q)->data;
    return py_str_format("%s()", q)->data;
}

/* f(**a, **b): the keys must be strs, each given once. */
int64_t py_op_dict_merge(py_val callable, py_val container, py_val other)
{
    py_dict *dict = (py_dict *)container;
    if (py_type_of(other) != &py_dict_type) {
        py_err_format(&py_exc_TypeError, "%s argument after ** must be a mapping, not %s", function_str(callable),
                      py_type_name(other));
        return -1;
    }
    py_val key, value;
    for (int64_t pos = 0; py_dict_next((py_dict *)other, &pos, &key, &value);) {
        if (py_type_of(key) != &py_str_type) {
            py_err_format(&py_exc_TypeError, "%s keywords must be strings", function_str(callable));
            return -1;
        }
        if (py_dict_get(dict, key)) {
            py_err_format(&py_exc_TypeError, "%s got multiple values for keyword argument '%s'",
                          function_str(callable), ((py_str *)key)->data);
            return -1;
        }
        if (py_dict_set(dict, key, value) < 0)
            return -1;
    }
    return 0;
}

/* Methods called by name (set.update). */
static int call_method(py_val self, const char *name, py_val arg)
{
    py_val method = py_getattr(self, py_str_intern(name));
    return method && py_call(method, &arg, 1, NULL) ? 0 : -1;
}

int64_t py_op_container_add(py_val container, py_val v, int64_t op)
{
    switch (op) {
    case PY_LIST_APPEND: return py_list_append((py_list *)container, v);
    case PY_SET_ADD: return py_set_add(container, v);
    case PY_LIST_EXTEND:
        if (!py_type_of(v)->iter) {
            py_err_format(&py_exc_TypeError, "Value after * must be an iterable, not %s", py_type_name(v));
            return -1;
        }
        return py_list_extend((py_list *)container, v);
    case PY_SET_UPDATE: return call_method(container, "update", v);
    case PY_DICT_UPDATE: return py_dict_update((py_dict *)container, v);
    default: return -1;
    }
}

int64_t py_op_map_add(py_val dict, py_val key, py_val value) { return py_dict_set((py_dict *)dict, key, value); }

py_val py_op_list_to_tuple(py_val list)
{
    const py_list *l = (const py_list *)list;
    return (py_val)py_tuple_from(l->items, (size_t)l->length);
}

py_val py_op_format(py_val v, py_val spec, int64_t conversion)
{
    switch (conversion) {
    case 's': v = py_to_str(v); break;
    case 'r': v = py_repr(v); break;
    case 'a': v = py_ascii(v); break;
    default: break;
    }
    if (!v)
        return NULL;
    if (!spec && py_type_of(v) == &py_str_type)
        return v;
    return py_format_value(v, spec ? (py_str *)spec : py_str_intern(""));
}

int64_t py_op_unpack(py_frame *frame, int64_t first, py_val v, int64_t arg, int64_t starred)
{
    /* values go top down: the first into the top slot */
    if (!starred) {
        py_val items[arg ? arg : 1];
        if (py_unpack(v, items, (size_t)arg) < 0)
            return -1;
        for (int64_t i = 0; i < arg; i++)
            frame->slots[first + arg - 1 - i] = items[i];
        return 0;
    }
    size_t before = (size_t)(arg & 0xffff), after = (size_t)(arg >> 16), n = before + after + 1;
    py_val items[n];
    if (py_unpack_starred(v, items, before, after) < 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        frame->slots[first + (int64_t)n - 1 - (int64_t)i] = items[i];
    return 0;
}

/* ---- calls -------------------------------------------------------------------------- */

static const char *plural(int64_t n) { return n == 1 ? "" : "s"; }

/* "'a', 'b', and 'c'" as CPython lists missing names. */
static char *name_list(py_str **names, size_t n)
{
    size_t size = 8;
    for (size_t i = 0; i < n; i++)
        size += (size_t)names[i]->size + 8;
    char *text = mt_alloc_atomic(size), *p = text;
    for (size_t i = 0; i < n; i++) {
        const char *sep = i == 0 ? "" : n == 2 ? " and " : i + 1 == n ? ", and " : ", ";
        p += sprintf(p, "%s'%s'", sep, names[i]->data);
    }
    return text;
}

static void *missing(const py_function *fn, py_str **names, size_t n, const char *kind)
{
    return py_err_format(&py_exc_TypeError, "%s() missing %zu required %s argument%s: %s", fn->qualname->data,
                         n, kind, plural((int64_t)n), name_list(names, n));
}

/* Bind positional `args` and keyword `kwargs` (values after args, named by
 * kwnames) into the parameter slots of a new frame, as CPython does. */
static py_frame *bind(py_function *fn, py_val *args, size_t nargs, py_tuple *kwnames, py_frame *back)
{
    const py_code *code = fn->code;
    py_frame *f = py_frame_new(code, fn, back);
    py_val *locals = f->slots;
    size_t npos = code->nargs, nkwonly = code->nkwonly, nkw = kwnames ? (size_t)kwnames->length : 0;
    size_t varargs = npos + nkwonly, varkw = varargs + !!(code->flags & PY_CO_VARARGS);
    for (size_t i = 0; i < nargs && i < npos; i++)
        locals[i] = args[i];
    if (nargs > npos) {
        if (!(code->flags & PY_CO_VARARGS)) {
            size_t ndefaults = fn->defaults ? (size_t)fn->defaults->length : 0;
            size_t given_kwonly = 0;
            for (size_t k = 0; k < nkw; k++)
                for (size_t j = npos; j < npos + nkwonly; j++)
                    given_kwonly += code->varnames[j] == (py_str *)kwnames->items[k];
            char takes[64];
            if (ndefaults)
                snprintf(takes, sizeof takes, "from %zu to %zu positional arguments", npos - ndefaults, npos);
            else
                snprintf(takes, sizeof takes, "%zu positional argument%s", npos, plural((int64_t)npos));
            if (given_kwonly)
                return py_err_format(&py_exc_TypeError,
                                     "%s() takes %s but %zu positional argument%s (and %zu keyword-only "
                                     "argument%s) were given",
                                     fn->qualname->data, takes, nargs, plural((int64_t)nargs), given_kwonly,
                                     plural((int64_t)given_kwonly));
            return py_err_format(&py_exc_TypeError, "%s() takes %s but %zu %s given", fn->qualname->data, takes,
                                 nargs, nargs == 1 ? "was" : "were");
        }
        locals[varargs] = (py_val)py_tuple_from(args + npos, nargs - npos);
    } else if (code->flags & PY_CO_VARARGS) {
        locals[varargs] = (py_val)&py_empty_tuple;
    }
    py_dict *extra = NULL;
    if (code->flags & PY_CO_VARKEYWORDS) {
        extra = py_dict_new();
        locals[varkw] = (py_val)extra;
    }
    py_str *posonly_passed[nkw + 1];
    size_t nposonly_passed = 0;
    for (size_t k = 0; k < nkw; k++) {
        py_str *name = (py_str *)kwnames->items[k];
        py_val value = args[nargs + k];
        size_t j;
        for (j = code->nposonly; j < npos + nkwonly; j++)
            if (code->varnames[j] == name || !strcmp(code->varnames[j]->data, name->data))
                break;
        if (j < npos + nkwonly) {
            if (locals[j])
                return py_err_format(&py_exc_TypeError, "%s() got multiple values for argument '%s'",
                                     fn->qualname->data, name->data);
            locals[j] = value;
            continue;
        }
        bool posonly = false;
        for (size_t i = 0; i < code->nposonly; i++)
            posonly |= !strcmp(code->varnames[i]->data, name->data);
        if (extra) {
            if (py_dict_set(extra, (py_val)name, value) < 0)
                return NULL;
        } else if (posonly) {
            posonly_passed[nposonly_passed++] = name;
        } else {
            return py_err_format(&py_exc_TypeError, "%s() got an unexpected keyword argument '%s'",
                                 fn->qualname->data, name->data);
        }
    }
    if (nposonly_passed)
        return py_err_format(&py_exc_TypeError,
                             "%s() got some positional-only arguments passed as keyword arguments: %s",
                             fn->qualname->data, name_list(posonly_passed, nposonly_passed));
    /* defaults, then what is still missing */
    size_t ndefaults = fn->defaults ? (size_t)fn->defaults->length : 0;
    py_str *absent[npos + nkwonly + 1];
    size_t nabsent = 0;
    for (size_t i = 0; i < npos; i++)
        if (!locals[i]) {
            if (i >= npos - ndefaults)
                locals[i] = fn->defaults->items[i - (npos - ndefaults)];
            else
                absent[nabsent++] = code->varnames[i];
        }
    if (nabsent)
        return missing(fn, absent, nabsent, "positional");
    for (size_t i = npos; i < npos + nkwonly; i++)
        if (!locals[i]) {
            py_val d = fn->kwdefaults ? py_dict_get(fn->kwdefaults, (py_val)code->varnames[i]) : NULL;
            if (d)
                locals[i] = d;
            else
                absent[nabsent++] = code->varnames[i];
        }
    if (nabsent)
        return missing(fn, absent, nabsent, "keyword-only");
    for (uint32_t i = 0; i < code->nfree; i++)
        locals[code->nlocals + i] = fn->closure->items[i];
    return f;
}

static int check_depth(py_frame *f)
{
    if (f->depth > (int64_t)py_depth_limit.value) {
        py_op_recursion_error(f->depth);
        return -1;
    }
    return 0;
}

py_frame *py_op_bind(py_frame *caller, int64_t first, int64_t nargs, py_val kwnames, const py_code *ret_code,
                     int64_t ret_pc)
{
    py_val *callee = slots(caller, first);
    py_tuple *names = (py_tuple *)kwnames;
    py_frame *f = bind((py_function *)callee[0], callee + 1, (size_t)nargs - (names ? (size_t)names->length : 0),
                       names, caller);
    if (!f || check_depth(f) < 0)
        return NULL;
    f->ret_code = ret_code;
    f->ret_pc = ret_pc;
    return f;
}

py_val py_op_call(py_frame *frame, int64_t first, int64_t nargs, py_val kwnames)
{
    py_val *items = slots(frame, first);
    py_tuple *names = (py_tuple *)kwnames;
    py_current_frame = frame;
    return py_call(items[0], items + 1, (size_t)nargs - (names ? (size_t)names->length : 0), names);
}

py_val py_op_call_ex(py_frame *frame, py_val callable, py_val args, py_val kwargs)
{
    py_current_frame = frame;
    if (py_type_of(args) != &py_tuple_type) { /* f(*x): x as it is */
        if (!py_type_of(args)->iter)
            return py_err_format(&py_exc_TypeError, "%s argument after * must be an iterable, not %s",
                                 function_str(callable), py_type_name(args));
        int64_t count;
        py_val *items = py_seq_items(args, &count);
        if (!items)
            return NULL;
        args = (py_val)py_tuple_from(items, (size_t)count);
    }
    const py_tuple *t = (const py_tuple *)args;
    if (!kwargs)
        return py_call(callable, (py_val *)t->items, (size_t)t->length, NULL);
    py_dict *d = (py_dict *)kwargs;
    size_t nkw = (size_t)py_dict_len(d), n = (size_t)t->length;
    py_val all[n + nkw + 1];
    memcpy(all, t->items, n * sizeof *all);
    py_tuple *names = py_tuple_new(nkw);
    py_val key, value;
    size_t k = 0;
    for (int64_t pos = 0; py_dict_next(d, &pos, &key, &value);) {
        if (py_type_of(key) != &py_str_type)
            return py_err_format(&py_exc_TypeError, "keywords must be strings");
        names->items[k] = key;
        all[n + k++] = value;
    }
    return py_call(callable, all, n, names);
}

/* Calling a Python function from C: a frame on top of the running one,
 * run to its return. */
static py_val function_call(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    py_function *fn = (py_function *)self;
    py_frame *f = bind(fn, args, nargs, kwnames, py_current_frame);
    if (!f)
        return NULL;
    if (fn->code->flags & PY_CO_GENERATOR)
        return py_generator_new(f);
    if (check_depth(f) < 0)
        return NULL;
    py_frame *saved = py_current_frame;
    py_val r = py_eval(fn->code, 0, f);
    py_current_frame = saved;
    return r;
}

static void __attribute__((constructor)) function_type_call(void) { py_function_type.call = function_call; }

py_val py_op_make_function(py_val code_val, py_val defaults, py_val kwdefaults, py_val closure)
{
    py_code *code = (py_code *)code_val;
    py_function *fn = mt_alloc(sizeof *fn);
    fn->head.type = &py_function_type;
    fn->code = code;
    fn->name = code->name;
    fn->qualname = code->qualname;
    fn->defaults = (py_tuple *)defaults;
    fn->kwdefaults = (py_dict *)kwdefaults;
    fn->closure = (py_tuple *)closure;
    fn->module = code->module;
    fn->doc = code->doc;
    return (py_val)fn;
}

py_val py_op_new_cell(py_val value)
{
    py_cell *c = mt_alloc(sizeof *c);
    c->head.type = &py_cell_type;
    c->value = value;
    return (py_val)c;
}

/* ---- errors ------------------------------------------------------------------------- */

void py_op_unbound_local(const py_code *code, int64_t slot)
{
    py_err_format(&py_exc_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
                  code->varnames[slot]->data);
}

void py_op_unbound_free(const py_code *code, int64_t slot)
{
    py_err_format(&py_exc_NameError, "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                  code->varnames[slot]->data);
}

void py_op_name_error(py_val name)
{
    py_err_format(&py_exc_NameError, "name '%s' is not defined", ((py_str *)name)->data);
    ((py_exception *)py_err_current())->name = name;
}

volatile uint8_t py_interrupted;
static volatile sig_atomic_t sigint_came;
static bool memory_ran_out;

static void on_sigint(int sig)
{
    (void)sig;
    sigint_came = 1;
    py_interrupted = 1;
}

void py_signals_init(void)
{
    struct sigaction old, sa = {.sa_handler = on_sigint}; /* no SA_RESTART: reads end with EINTR */
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler != SIG_IGN)
        sigaction(SIGINT, &sa, NULL);
}

void py_interrupt_for_memory(void)
{
    memory_ran_out = true;
    py_interrupted = 1;
}

void py_op_interrupt(int64_t unused)
{
    (void)unused;
    py_interrupted = 0;
    if (memory_ran_out) {
        memory_ran_out = false;
        if (sigint_came)
            py_interrupted = 1; /* the Ctrl-C's turn is next */
        py_err_no_memory();
        return;
    }
    sigint_came = 0;
    py_err_set(py_exception_new(&py_exc_KeyboardInterrupt, NULL, 0));
}

bool py_take_interrupt(void)
{
    if (!py_interrupted)
        return false;
    py_op_interrupt(0);
    return true;
}

void py_op_recursion_error(int64_t depth)
{
    (void)depth;
    py_err_format(&py_exc_RecursionError, "maximum recursion depth exceeded");
}

/* The exception being handled where `frame` runs: its own, or a caller's. */
static py_val handled(const py_frame *frame)
{
    for (; frame; frame = frame->back)
        if (frame->handled)
            return frame->handled;
    return NULL;
}

/* An exception or exception class to raise, or NULL with the TypeError. */
static py_val to_exception(py_val v, const char *what)
{
    if (py_isinstance(v, &py_type_type) && (((const py_type *)v)->flags & PY_TYPE_EXCEPTION))
        return py_call(v, NULL, 0, NULL);
    if (py_type_of(v)->flags & PY_TYPE_EXCEPTION)
        return v;
    return py_err_format(&py_exc_TypeError, "%s", what);
}

int64_t py_op_raise(py_frame *frame, py_val exc, py_val cause, int64_t arg)
{
    py_val context = handled(frame);
    if (arg == 0) {
        if (!context)
            return py_err_format(&py_exc_RuntimeError, "No active exception to reraise"), 0;
        py_err_set(context);
        return 1;
    }
    py_val e = to_exception(exc, "exceptions must derive from BaseException");
    if (!e)
        return 0;
    py_exception *x = (py_exception *)e;
    if (arg == 2) {
        if (cause == py_none) {
            x->cause = NULL;
        } else {
            py_val c = to_exception(cause, "exception causes must derive from BaseException");
            if (!c)
                return 0;
            x->cause = c;
        }
        x->suppress_context = true;
    }
    if (context && context != e)
        x->context = context;
    py_err_set(e);
    return 0;
}

int64_t py_op_reraise(py_val exc)
{
    py_err_set(exc);
    return -1;
}

int64_t py_op_exc_match(py_val exc, py_val type)
{
    (void)exc;
    if (py_type_of(type) == &py_tuple_type) {
        const py_tuple *t = (const py_tuple *)type;
        for (int64_t i = 0; i < t->length; i++) {
            int64_t m = py_op_exc_match(exc, t->items[i]);
            if (m)
                return m;
        }
        return 0;
    }
    if (!py_isinstance(type, &py_type_type) || !(((const py_type *)type)->flags & PY_TYPE_EXCEPTION)) {
        py_err_format(&py_exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return py_isinstance(exc, (const py_type *)type);
}

void py_error_noticed(py_frame *frame, const py_code *code, int64_t pc)
{
    py_exception *e = (py_exception *)py_err_current();
    /* an exception raised while another is handled has it as context
     * (raise sets it itself; one that comes from C code arrives here new) */
    py_val context = handled(frame);
    if (!e->traceback && !e->context && context && context != (py_val)e)
        e->context = context;
    py_traceback_add((py_val)e, code, pc);
}

void py_traceback_add(py_val exc, const py_code *code, int64_t pc)
{
    py_exception *e = (py_exception *)exc;
    if (!e->traceback)
        e->traceback = (py_val)py_list_new(0);
    py_val entry[] = {(py_val)code, py_int_from_i64(pc)};
    py_list_append((py_list *)e->traceback, (py_val)py_tuple_from(entry, 2));
}

py_val py_op_import(py_val name)
{
    py_val m = py_import((py_str *)name);
    if (!m)
        return py_err_format(&py_exc_ModuleNotFoundError, "No module named '%s'", ((py_str *)name)->data);
    return m;
}
