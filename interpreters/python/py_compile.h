/* py_compile.h — the compiler: a module's AST to code objects.
 *
 * Two passes: scopes (py_symtable.c) decide for every name of every
 * function whether it is a local, a cell, a free variable or a global;
 * then code generation (py_compile.c) emits the bytecode of py_code.h with
 * its stack heights, exception handlers and source positions.  Errors
 * CPython reports at compile time ('return' outside function, nonlocal
 * without a binding, ...) are SyntaxErrors like the parser's. */
#ifndef PY_COMPILE_H
#define PY_COMPILE_H

#include "py_ast.h"
#include "py_code.h"
#include "py_syntax_error.h"

/* The code of `module_node` (a Module), running in `module`; NULL with
 * `err` filled in on a compile-time error. */
py_code *py_compile_module(py_node *module_node, py_module *module, const char *filename,
                           const char *source, size_t size, py_syntax_error *err);

/* ---- scopes (py_symtable.c), used by the code generator ------------------------- */

typedef enum {
    PY_SCOPE_MODULE,
    PY_SCOPE_FUNCTION, /* def, lambda, comprehension, generator expression */
} py_scope_kind;

/* Where a name of a scope lives. */
typedef enum {
    PY_NAME_GLOBAL,  /* the module's (implicitly, or declared global) */
    PY_NAME_LOCAL,   /* a local slot */
    PY_NAME_CELL,    /* a local an inner scope uses: a cell in a slot */
    PY_NAME_FREE,    /* an enclosing function's cell */
} py_name_kind;

typedef struct py_symbol {
    py_str *name; /* interned */
    unsigned flags; /* PY_SYM_* */
    const py_node *declared; /* its global or nonlocal statement */
    py_name_kind kind;
    uint32_t slot;  /* LOCAL, CELL, FREE: its frame slot */
} py_symbol;

enum {
    PY_SYM_BOUND = 1 << 0,    /* assigned, a parameter, imported, def'd, deleted */
    PY_SYM_USED = 1 << 1,
    PY_SYM_PARAM = 1 << 2,
    PY_SYM_GLOBAL = 1 << 3,   /* declared global */
    PY_SYM_NONLOCAL = 1 << 4, /* declared nonlocal */
    PY_SYM_CHILD_FREE = 1 << 5, /* an inner scope uses it as a free variable */
};

typedef struct py_scope {
    py_scope_kind kind;
    const py_node *node;
    struct py_scope *parent;
    py_symbol *symbols;
    uint32_t nsymbols, maxsymbols;
    struct py_scope **children; /* in source order */
    uint32_t nchildren, maxchildren;
    uint32_t nlocals, ncells, nfree; /* slots, after py_symtable_build */
    bool generator;
} py_scope;

/* Scopes for the whole module, in source order; NULL with `err` set. */
py_scope *py_symtable_build(py_node *module_node, const char *filename, const char *source,
                            size_t size, py_syntax_error *err);
/* The scope of a def, lambda or comprehension node (children are looked
 * up in order, so each node has one). */
py_scope *py_scope_child(const py_scope *scope, const py_node *node);
py_symbol *py_scope_lookup(const py_scope *scope, py_str *name);

#endif
