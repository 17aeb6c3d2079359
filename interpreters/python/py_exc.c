/* py_exc.c — exceptions: the builtin exception types (one table,
 * PY_EXCEPTIONS in py.h), exception objects (args, str/repr as CPython
 * shows them) and the current exception of the running program. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py.h"
#include "py_types.h"

static py_val exc_new(const py_type *type, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (kwnames && kwnames->length)
        return py_err_format(&py_exc_TypeError, "%s() takes no keyword arguments", type->name);
    return py_exception_new(type, args, nargs);
}

/* str(e) of an OSError made with (errno, strerror[, filename]):
 * "[Errno 2] No such file or directory: 'name'". */
static py_val os_error_str(const py_exception *e)
{
    py_str *num = (py_str *)py_to_str(e->args->items[0]), *text = (py_str *)py_to_str(e->args->items[1]);
    if (!num || !text)
        return NULL;
    if (e->value == py_none)
        return (py_val)py_str_format("[Errno %s] %s", num->data, text->data);
    py_str *name = (py_str *)py_repr(e->value);
    return name ? (py_val)py_str_format("[Errno %s] %s: %s", num->data, text->data, name->data) : NULL;
}

/* str(e): '' for no args, str(arg) for one, the args tuple's repr else;
 * KeyError shows the repr of its one argument. */
static py_val exc_str(py_val self)
{
    const py_exception *e = (const py_exception *)self;
    if (e->args->length == 2 && py_isinstance(self, &py_exc_OSError))
        return os_error_str(e);
    if (e->args->length == 0)
        return (py_val)py_str_intern("");
    if (e->args->length == 1)
        return py_type_of(self) == &py_exc_KeyError ? py_repr(e->args->items[0])
                                                     : py_to_str(e->args->items[0]);
    return py_repr((py_val)e->args);
}

static py_val or_none(py_val v) { return v ? v : py_none; }

static bool is_a(py_val self, const py_type *type) { return py_isinstance(self, type); }

/* The attributes every exception has, and those of some kinds. */
static py_val exc_getattr(py_val self, py_str *name)
{
    const py_exception *e = (const py_exception *)self;
    const char *n = name->data;
    if (!strcmp(n, "args"))
        return (py_val)e->args;
    if (!strcmp(n, "__cause__"))
        return or_none(e->cause);
    if (!strcmp(n, "__context__"))
        return or_none(e->context);
    if (!strcmp(n, "__suppress_context__"))
        return e->suppress_context ? py_true : py_false;
    if ((!strcmp(n, "value") && is_a(self, &py_exc_StopIteration)) ||
        (!strcmp(n, "code") && is_a(self, &py_exc_SystemExit)) ||
        (!strcmp(n, "filename") && is_a(self, &py_exc_OSError)))
        return or_none(e->value);
    if (is_a(self, &py_exc_OSError) && (!strcmp(n, "errno") || !strcmp(n, "strerror")))
        return e->args->length == 2 ? e->args->items[n[0] == 's'] : py_none;
    if (!strcmp(n, "name") && (is_a(self, &py_exc_NameError) || is_a(self, &py_exc_AttributeError)))
        return or_none(e->name);
    if (!strcmp(n, "obj") && is_a(self, &py_exc_AttributeError))
        return or_none(e->obj);
    return NULL;
}

static bool exception_or_none(py_val v, const char *what)
{
    if (v == py_none || py_isinstance(v, &py_exc_BaseException))
        return true;
    py_err_format(&py_exc_TypeError, "exception %s must be None or derive from BaseException", what);
    return false;
}

static int exc_setattr(py_val self, py_str *name, py_val value)
{
    py_exception *e = (py_exception *)self;
    const char *n = name->data;
    if (!value) {
        if (!strcmp(n, "args") || !strcmp(n, "__cause__") || !strcmp(n, "__context__")) {
            py_err_format(&py_exc_TypeError, "%s may not be deleted", n);
            return -1;
        }
        return 1;
    }
    if (!strcmp(n, "args")) {
        int64_t count;
        py_val *items = py_seq_items(value, &count);
        if (!items)
            return -1;
        e->args = py_tuple_from(items, (size_t)count);
    } else if (!strcmp(n, "__cause__")) {
        if (!exception_or_none(value, "cause"))
            return -1;
        e->cause = value == py_none ? NULL : value;
        e->suppress_context = true;
    } else if (!strcmp(n, "__context__")) {
        if (!exception_or_none(value, "context"))
            return -1;
        e->context = value == py_none ? NULL : value;
    } else if (!strcmp(n, "__suppress_context__")) {
        int truth = py_truth(value);
        if (truth < 0)
            return -1;
        e->suppress_context = truth;
    } else if ((!strcmp(n, "value") && is_a(self, &py_exc_StopIteration)) ||
               (!strcmp(n, "code") && is_a(self, &py_exc_SystemExit)) ||
               (!strcmp(n, "filename") && is_a(self, &py_exc_OSError))) {
        e->value = value;
    } else if (!strcmp(n, "name") && (is_a(self, &py_exc_NameError) || is_a(self, &py_exc_AttributeError))) {
        e->name = value;
    } else if (!strcmp(n, "obj") && is_a(self, &py_exc_AttributeError)) {
        e->obj = value;
    } else {
        return 1;
    }
    return 0;
}

/* repr(e): Name(arg, ...) with the args' reprs. */
static py_val exc_repr(py_val self)
{
    const py_exception *e = (const py_exception *)self;
    if (e->args->length == 1) {
        py_str *arg = (py_str *)py_repr(e->args->items[0]);
        return arg ? (py_val)py_str_format("%s(%s)", py_type_name(self), arg->data) : NULL;
    }
    py_str *args = (py_str *)py_repr((py_val)e->args);
    if (!args)
        return NULL;
    if (e->args->length == 0)
        return (py_val)py_str_format("%s()", py_type_name(self));
    return (py_val)py_str_format("%s%s", py_type_name(self), args->data);
}

#define PY_EXC_DEFINE(n, b)                                                             \
    py_type py_exc_##n = {                                                             \
        .head = {&py_type_type}, .name = #n, .base = &b,                               \
        .flags = PY_TYPE_EXCEPTION | PY_TYPE_BASETYPE, .repr = exc_repr, .str = exc_str, \
        .new = exc_new, .getattr = exc_getattr, .setattr = exc_setattr,               \
    };
PY_EXCEPTIONS(PY_EXC_DEFINE)


py_val py_exception_new(const py_type *type, py_val *args, size_t nargs)
{
    py_exception *e = mt_alloc(sizeof *e);
    e->head.type = type;
    e->value = py_none;
    if (nargs && (type == &py_exc_StopIteration || type == &py_exc_SystemExit)) {
        e->value = args[0];
    } else if (nargs >= 3 && nargs <= 5 && py_type_is_subtype(type, &py_exc_OSError)) {
        e->value = args[2]; /* OSError(errno, strerror, filename): args keeps two */
        nargs = 2;
    }
    e->args = py_tuple_from(args, nargs);
    return (py_val)e;
}

/* ---- the current exception ------------------------------------------------------ */

static py_val current;

void py_err_set(py_val exception) { current = exception; }
py_val py_err_current(void) { return current; }

py_val py_err_take(void)
{
    py_val e = current;
    current = NULL;
    return e;
}

bool py_err_matches(const py_type *type) { return current && py_isinstance(current, type); }

void *py_err_format(const py_type *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = NULL;
    int n = vasprintf(&text, fmt, ap);
    va_end(ap);
    if (n < 0)
        return py_err_no_memory();
    py_val message = (py_val)py_str_new(text, (size_t)n);
    free(text);
    py_err_set(py_exception_new(type, &message, 1));
    return NULL;
}

/* A new MemoryError when there is room for one (not from the reserve:
 * mt_try_alloc), else the one kept for that, made new again. */
void *py_err_no_memory(void)
{
    static py_exception kept;
    py_exception *e = mt_try_alloc(sizeof *e);
    if (!e)
        e = &kept;
    *e = (py_exception){.head = {&py_exc_MemoryError}, .args = &py_empty_tuple, .value = py_none};
    py_err_set((py_val)e);
    return NULL;
}
