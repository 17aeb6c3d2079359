/* py_exc.c — exceptions: the builtin exception types (one table,
 * PY_EXCEPTIONS in py.h), exception objects (args, str/repr as CPython
 * shows them) and the current exception of the running program. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py.h"

static py_val exc_new(const py_type *type, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (kwnames && kwnames->length)
        return py_err_format(&py_exc_TypeError, "%s() takes no keyword arguments", type->name);
    return py_exception_new(type, args, nargs);
}

/* str(e): '' for no args, str(arg) for one, the args tuple's repr else;
 * KeyError shows the repr of its one argument. */
static py_val exc_str(py_val self)
{
    const py_exception *e = (const py_exception *)self;
    if (e->args->length == 0)
        return (py_val)py_str_intern("");
    if (e->args->length == 1)
        return py_type_of(self) == &py_exc_KeyError ? py_repr(e->args->items[0])
                                                     : py_to_str(e->args->items[0]);
    return py_repr((py_val)e->args);
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
        .new = exc_new,                                                                \
    };
PY_EXCEPTIONS(PY_EXC_DEFINE)

py_val py_exception_new(const py_type *type, py_val *args, size_t nargs)
{
    py_exception *e = mt_alloc(sizeof *e);
    e->head.type = type;
    e->args = py_tuple_from(args, nargs);
    if (nargs && (type == &py_exc_StopIteration || type == &py_exc_SystemExit))
        e->value = args[0];
    else
        e->value = py_none;
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

void *py_err_no_memory(void)
{
    static py_exception no_memory = {.head = {&py_exc_MemoryError}, .args = &py_empty_tuple};
    no_memory.value = py_none;
    no_memory.traceback = NULL;
    py_err_set((py_val)&no_memory);
    return NULL;
}
