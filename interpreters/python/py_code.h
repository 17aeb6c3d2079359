/* py_code.h — code objects, the bytecode the compiler makes of them,
 * functions, frames and cells: everything the evaluation loop runs on.
 *
 * The bytecode is a stack machine whose stack heights the compiler knows
 * at every instruction (insn->top), so every stack slot is at an offset
 * fixed by the pc: in a trace, the whole frame — locals and stack — is at
 * green offsets of one red frame pointer (docs/python.md). */
#ifndef PY_CODE_H
#define PY_CODE_H

#include "py.h"

/* X(name, stack effect): every instruction.  Effects that depend on the
 * argument are given as PY_VARIES and computed by py_stack_effect. */
#define PY_VARIES 1000
#define PY_OPCODES(X)                                                                   \
    X(NOP, 0)              /* a line of its own (pass) */                               \
    X(POP_TOP, -1)                                                                      \
    X(COPY, 1)             /* push the value arg slots below the top (1: the top) */     \
    X(SWAP, 0)             /* swap the top with the value arg slots below it (2: next) */ \
    X(LOAD_CONST, 1)       /* consts[arg] */                                            \
    X(LOAD_FAST, 1)        /* local slot arg */                                         \
    X(STORE_FAST, -1)                                                                   \
    X(DELETE_FAST, 0)                                                                   \
    X(LOAD_DEREF, 1)       /* the cell in slot arg */                                   \
    X(STORE_DEREF, -1)                                                                  \
    X(DELETE_DEREF, 0)                                                                  \
    X(LOAD_CLOSURE, 1)     /* the cell itself */                                        \
    X(MAKE_CELL, 0)        /* slot arg (a parameter, or empty) becomes a cell */        \
    X(LOAD_GLOBAL, 1)      /* names[arg]: the module's, else the builtin */             \
    X(STORE_GLOBAL, -1)                                                                 \
    X(DELETE_GLOBAL, 0)                                                                 \
    X(LOAD_ATTR, 0)        /* TOS.names[arg] */                                         \
    X(STORE_ATTR, -2)      /* TOS.names[arg] = TOS1 */                                  \
    X(DELETE_ATTR, -1)                                                                  \
    X(BINARY, -1)          /* arg: py_binary_op */                                      \
    X(INPLACE, -1)                                                                      \
    X(UNARY_NEG, 0) X(UNARY_POS, 0) X(UNARY_INVERT, 0) X(UNARY_NOT, 0)                  \
    X(COMPARE, -1)         /* arg: py_compare_op */                                     \
    X(IS, -1)              /* arg 1: is not */                                          \
    X(CONTAINS, -1)        /* TOS1 in TOS; arg 1: not in */                             \
    X(SUBSCR, -1)          /* TOS1[TOS] */                                              \
    X(STORE_SUBSCR, -3)    /* TOS1[TOS] = TOS2 */                                       \
    X(DELETE_SUBSCR, -2)                                                                \
    X(BUILD_TUPLE, PY_VARIES) X(BUILD_LIST, PY_VARIES) X(BUILD_SET, PY_VARIES)          \
    X(BUILD_MAP, PY_VARIES)    /* arg pairs: key, value, ... */                         \
    X(BUILD_SLICE, PY_VARIES)  /* arg 2 or 3 */                                         \
    X(BUILD_STRING, PY_VARIES) /* concatenate arg strs (f-strings) */                   \
    X(LIST_APPEND, -1)     /* append TOS to the list arg slots below it */              \
    X(SET_ADD, -1)                                                                      \
    X(MAP_ADD, -2)         /* key TOS1, value TOS */                                    \
    X(LIST_EXTEND, -1) X(SET_UPDATE, -1) X(DICT_UPDATE, -1) X(DICT_MERGE, -1)          \
    X(LIST_TO_TUPLE, 0)                                                                 \
    X(FORMAT_VALUE, PY_VARIES) /* arg: conversion | 4 when a spec is on top */          \
    X(JUMP, 0)             /* to arg */                                                 \
    X(JUMP_BACK, 0)        /* to arg, a loop header */                                  \
    X(JUMP_IF_FALSE, -1) X(JUMP_IF_TRUE, -1)  /* pop, jump to arg */                     \
    X(JUMP_IF_FALSE_OR_POP, PY_VARIES) X(JUMP_IF_TRUE_OR_POP, PY_VARIES)                \
    X(GET_ITER, 0)                                                                      \
    X(FOR_ITER, 1)         /* push next item, or pop the iterator and jump to arg */    \
    X(UNPACK, PY_VARIES)   /* exactly arg values, the first on top */                   \
    X(UNPACK_STARRED, PY_VARIES) /* arg: before | after << 16, the list between */      \
    X(CALL, PY_VARIES)     /* callable, arg positional arguments */                     \
    X(CALL_KW, PY_VARIES)  /* the same, then a tuple of keyword names on top */        \
    X(CALL_EX, PY_VARIES)  /* callable, args tuple, (arg 1:) kwargs dict */             \
    X(MAKE_FUNCTION, PY_VARIES) /* arg: PY_FN_* flags of the values under the code */   \
    X(RETURN, -1)                                                                       \
    X(YIELD_VALUE, 0)      /* a generator gives TOS to its caller; resumed with the sent value there */ \
    X(RAISE, PY_VARIES)    /* arg 0: re-raise, 1: TOS, 2: TOS1 from TOS */              \
    X(RERAISE, -1)         /* raise TOS again, as it was */                             \
    X(PUSH_EXC_INFO, 1)    /* exc -> previous handled, exc */                           \
    X(POP_EXCEPT, -1)      /* restore the handled exception from TOS */                 \
    X(CHECK_EXC_MATCH, 0)  /* exc, type -> exc, isinstance(exc, type) */                \
    X(LOAD_ASSERTION_ERROR, 1)                                                          \
    X(IMPORT_NAME, 1)      /* the module names[arg] */                                  \
    X(UNWIND, 0)           /* at pc == ninsns: go on unwinding from frame->lasti */

typedef enum {
#define PY_OPCODE_ENUM(name, effect) PY_##name,
    PY_OPCODES(PY_OPCODE_ENUM)
#undef PY_OPCODE_ENUM
    PY_OPCODE_COUNT
} py_opcode;

extern const char *const py_opcode_names[PY_OPCODE_COUNT];
/* The change in stack height `op` with `arg` makes (for a jump, on the
 * path that does not jump). */
int py_stack_effect(py_opcode op, int32_t arg);

/* MAKE_FUNCTION flags: which values lie under the code object. */
enum { PY_FN_DEFAULTS = 1, PY_FN_KWDEFAULTS = 2, PY_FN_CLOSURE = 8 };

typedef struct py_code py_code;

typedef struct py_insn {
    uint8_t op;
    uint8_t line_start; /* the first instruction of a source line */
    int32_t arg;
    uint32_t top;       /* stack height (in slots) before the instruction */
    int32_t handler;    /* pc of the innermost exception handler, or -1 */
    int32_t line, col, end_line, end_col; /* source range, for tracebacks */
    void *cache;        /* what arg names, resolved: a constant, a global cell */
} py_insn;

enum {
    PY_CO_VARARGS = 1 << 0,
    PY_CO_VARKEYWORDS = 1 << 1,
    PY_CO_GENERATOR = 1 << 2,
    PY_CO_MODULE = 1 << 3,    /* a module's top level */
    PY_CO_SIMPLE_ARGS = 1 << 4, /* positional parameters only, no cells among them */
};

struct py_code {
    py_obj head;
    py_str *name, *qualname, *filename;
    uint32_t flags;
    uint32_t nargs;        /* positional parameters, positional-only ones included */
    uint32_t nposonly, nkwonly;
    uint32_t nlocals;      /* parameters (then *args, **kwargs), then other locals;
                              those inner functions use hold cells */
    uint32_t nfree;        /* free variables (cells from the closure), after them */
    uint32_t nslots;       /* locals + free + the deepest stack */
    py_str **varnames;     /* nlocals + nfree names */
    py_val *consts;
    uint32_t nconsts;
    py_str **names;
    uint32_t nnames;
    py_insn *insns;
    uint32_t ninsns;
    int32_t first_line;
    struct py_module *module; /* whose globals LOAD_GLOBAL means */
    py_val doc;            /* the docstring, or None */
    const char *source;    /* the module's source, for tracebacks */
    size_t source_size;
};

/* A module's global: a quasi-immutable cell, so traces take it as a
 * constant (value NULL: unbound).  The compiler resolves every global a
 * code object names to its cell (insn->cache). */
typedef struct py_global {
    mt_quasi cell;
    py_str *name;
    struct py_global *next; /* in the module's list */
} py_global;

typedef struct py_module {
    py_obj head;
    py_str *name;
    py_global *globals;     /* a list; lookups are by interned name */
    struct py_module *builtins; /* NULL for the builtins module itself */
} py_module;

/* What LOAD_GLOBAL reads (insn->cache): the module's cell of the name,
 * then the builtin one. */
typedef struct py_global_ref {
    py_global *global, *builtin;
} py_global_ref;

py_module *py_module_new(const char *name, py_module *builtins);
/* The cell of `name` (interned) in `module`, made unbound if new. */
py_global *py_module_global(py_module *module, py_str *name);

typedef struct py_function {
    py_obj head;
    py_code *code;
    py_str *name, *qualname;
    py_tuple *defaults;     /* or NULL */
    py_dict *kwdefaults;    /* or NULL */
    py_tuple *closure;      /* cells, or NULL */
    py_module *module;
    py_val doc;             /* __doc__ */
    py_dict *dict;          /* other attributes, made on the first one set; or NULL */
} py_function;

typedef struct py_cell {
    py_obj head;
    py_val value;           /* NULL: empty */
} py_cell;

/* A frame: a heap object (calls do not nest on the C stack).  Its fields
 * are frame fields for the JIT (MT_*_FRAME_*): traces keep them in
 * registers. */
typedef struct py_frame {
    py_obj head;
    const py_code *ret_code; /* the caller's code, NULL for a module's frame */
    int64_t ret_pc;          /* where the caller continues */
    struct py_frame *back;
    int64_t depth;           /* frames below this one */
    const py_code *code;
    py_function *func;       /* NULL for a module's frame */
    int64_t lasti;           /* the instruction running (set where it matters) */
    py_val handled;          /* the exception being handled, or NULL */
    py_val slots[];          /* locals, cells, free variables, then the stack */
} py_frame;

#define PY_SLOT(i) ((int64_t)offsetof(py_frame, slots) + 8 * (int64_t)(i))

#endif
