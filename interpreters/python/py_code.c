/* py_code.c — the opcode tables, and the objects the evaluator runs on:
 * code objects, modules with their global cells, functions, cells and
 * frames as Python sees them (their types and reprs). */
#include "config.h"

#include <string.h>

#include "py_code.h"

const char *const py_opcode_names[PY_OPCODE_COUNT] = {
#define PY_OPCODE_NAME(name, effect) #name,
    PY_OPCODES(PY_OPCODE_NAME)
#undef PY_OPCODE_NAME
};

static const int fixed_effect[PY_OPCODE_COUNT] = {
#define PY_OPCODE_EFFECT(name, effect) effect,
    PY_OPCODES(PY_OPCODE_EFFECT)
#undef PY_OPCODE_EFFECT
};

int py_stack_effect(py_opcode op, int32_t arg)
{
    switch (op) {
    case PY_BUILD_TUPLE: case PY_BUILD_LIST: case PY_BUILD_SET: case PY_BUILD_STRING:
        return 1 - arg;
    case PY_BUILD_MAP: return 1 - 2 * arg;
    case PY_BUILD_SLICE: return 1 - arg;
    case PY_FORMAT_VALUE: return arg & 0x100 ? -1 : 0;
    case PY_JUMP_IF_FALSE_OR_POP: case PY_JUMP_IF_TRUE_OR_POP: return -1;
    case PY_UNPACK: return arg - 1;
    case PY_UNPACK_STARRED: return (arg & 0xffff) + (arg >> 16);
    case PY_CALL: return -arg;
    case PY_CALL_KW: return -arg - 1;
    case PY_CALL_EX: return -1 - arg;
    case PY_MAKE_FUNCTION:
        return -(!!(arg & PY_FN_DEFAULTS) + !!(arg & PY_FN_KWDEFAULTS) + !!(arg & PY_FN_CLOSURE));
    case PY_RAISE: return -arg;
    default: return fixed_effect[op];
    }
}

/* ---- modules ------------------------------------------------------------------- */

static py_val module_repr(py_val self)
{
    return (py_val)py_str_format("<module '%s' (built-in)>", ((py_module *)self)->name->data);
}

static py_val module_getattr(py_val self, py_str *name)
{
    py_module *m = (py_module *)self;
    for (py_global *g = m->globals; g; g = g->next)
        if (g->name == name && g->cell.value)
            return (py_val)(intptr_t)g->cell.value;
    return py_err_format(&py_exc_AttributeError, "module '%s' has no attribute '%s'", m->name->data,
                         name->data);
}

/* module.name = value: the global's cell, so traces that took the old
 * value as a constant are invalidated. */
static int module_setattr(py_val self, py_str *name, py_val value)
{
    py_module *m = (py_module *)self;
    py_global *g = py_module_global(m, py_str_intern(name->data));
    if (!value && !g->cell.value) {
        py_err_format(&py_exc_AttributeError, "module '%s' has no attribute '%s'", m->name->data, name->data);
        return -1;
    }
    mt_quasi_write_ptr(&g->cell, value);
    return 0;
}

py_type py_module_type = {
    .head = {&py_type_type}, .name = "module", .repr = module_repr, .getattr = module_getattr,
    .setattr = module_setattr,
};

py_module *py_module_new(const char *name, py_module *builtins)
{
    py_module *m = mt_alloc(sizeof *m);
    m->head.type = &py_module_type;
    m->name = py_str_intern(name);
    m->builtins = builtins;
    return m;
}

py_global *py_module_global(py_module *module, py_str *name)
{
    for (py_global *g = module->globals; g; g = g->next)
        if (g->name == name)
            return g;
    py_global *g = mt_alloc(sizeof *g);
    g->name = name;
    g->next = module->globals;
    module->globals = g;
    return g;
}

/* ---- code, functions, cells, frames ------------------------------------------------ */

static py_val code_repr(py_val self)
{
    const py_code *c = (const py_code *)self;
    return (py_val)py_str_format("<code object %s at %p, file \"%s\", line %d>", c->name->data,
                                 (void *)self, c->filename->data, c->first_line);
}

py_type py_code_type = {.head = {&py_type_type}, .name = "code", .repr = code_repr};

static py_val function_repr(py_val self)
{
    return (py_val)py_str_format("<function %s at %p>", ((py_function *)self)->qualname->data,
                                 (void *)self);
}

static py_val or_none(const void *v) { return v ? (py_val)v : py_none; }

static py_val function_getattr(py_val self, py_str *name)
{
    const py_function *f = (const py_function *)self;
    const char *n = name->data;
    if (!strcmp(n, "__name__"))
        return (py_val)f->name;
    if (!strcmp(n, "__qualname__"))
        return (py_val)f->qualname;
    if (!strcmp(n, "__module__"))
        return (py_val)f->module->name;
    if (!strcmp(n, "__doc__"))
        return f->doc;
    if (!strcmp(n, "__defaults__"))
        return or_none(f->defaults);
    if (!strcmp(n, "__kwdefaults__"))
        return or_none(f->kwdefaults);
    if (!strcmp(n, "__closure__"))
        return or_none(f->closure);
    if (!strcmp(n, "__code__"))
        return (py_val)f->code;
    if (!strcmp(n, "__dict__")) {
        py_function *g = (py_function *)self;
        if (!g->dict)
            g->dict = py_dict_new();
        return (py_val)g->dict;
    }
    return f->dict ? py_dict_get(f->dict, (py_val)name) : NULL;
}

/* f.__name__ = ... and the like; any other name goes to the function's dict. */
static int function_setattr(py_val self, py_str *name, py_val value)
{
    py_function *f = (py_function *)self;
    const char *n = name->data;
    bool is_name = !strcmp(n, "__name__"), is_qualname = !strcmp(n, "__qualname__");
    if (is_name || is_qualname) {
        if (!value || py_type_of(value) != &py_str_type) {
            py_err_format(&py_exc_TypeError, "%s must be set to a string object", n);
            return -1;
        }
        *(is_name ? &f->name : &f->qualname) = (py_str *)value;
        return 0;
    }
    if (!strcmp(n, "__defaults__") || !strcmp(n, "__kwdefaults__")) {
        bool kw = n[2] == 'k';
        if (value && value != py_none && py_type_of(value) != (kw ? &py_dict_type : &py_tuple_type)) {
            py_err_format(&py_exc_TypeError, "%s must be set to a %s object", n, kw ? "dict" : "tuple");
            return -1;
        }
        py_val v = value == py_none ? NULL : value;
        if (kw)
            f->kwdefaults = (py_dict *)v;
        else
            f->defaults = (py_tuple *)v;
        return 0;
    }
    if (!strcmp(n, "__doc__")) {
        f->doc = value ? value : py_none;
        return 0;
    }
    if (!strcmp(n, "__module__") || !strcmp(n, "__code__") || !strcmp(n, "__closure__") ||
        !strcmp(n, "__dict__")) {
        py_err_format(&py_exc_AttributeError, "attribute '%s' of function objects is not writable by mtpy", n);
        return -1;
    }
    if (!value) {
        if (!f->dict || !py_dict_get(f->dict, (py_val)name)) {
            py_attribute_error(self, name);
            return -1;
        }
        return py_dict_del(f->dict, (py_val)name);
    }
    if (!f->dict)
        f->dict = py_dict_new();
    return py_dict_set(f->dict, (py_val)name, value);
}

py_type py_function_type = {
    .head = {&py_type_type}, .name = "function", .repr = function_repr,
    .getattr = function_getattr, .setattr = function_setattr,
};

static py_val cell_repr(py_val self)
{
    const py_cell *c = (const py_cell *)self;
    if (!c->value)
        return (py_val)py_str_format("<cell at %p: empty>", (void *)self);
    return (py_val)py_str_format("<cell at %p: %s object at %p>", (void *)self, py_type_name(c->value),
                                 (void *)c->value);
}

py_type py_cell_type = {.head = {&py_type_type}, .name = "cell", .repr = cell_repr};

static py_val frame_repr(py_val self)
{
    const py_frame *f = (const py_frame *)self;
    return (py_val)py_str_format("<frame at %p, file '%s', code %s>", (void *)self,
                                 f->code->filename->data, f->code->name->data);
}

py_type py_frame_type = {.head = {&py_type_type}, .name = "frame", .repr = frame_repr};
