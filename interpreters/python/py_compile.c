/* py_compile.c — code generation: statements and expressions to the
 * bytecode of py_code.h, following CPython 3.11's compiler where the
 * semantics depend on it (evaluation order, exception handling, how a
 * `finally` runs on every way out of its block), with the stack height of
 * every instruction known (docs/python.md). */
#include "config.h"

#include <string.h>

#include "py_compile.h"
#include "py_types.h"

/* ---- units: the code object being built ------------------------------------------- */

typedef struct label {
    int32_t pc;    /* -1 until bound */
    int32_t depth; /* stack height there, -1 until a jump says */
} label;

/* What a `return`, `break` or `continue` must undo on its way out. */
typedef enum { FB_LOOP, FB_FOR, FB_FINALLY, FB_HANDLER, FB_HANDLER_CLEANUP } fblock_kind;

typedef struct fblock {
    fblock_kind kind;
    int32_t start, exit;       /* FB_LOOP, FB_FOR: continue and break labels */
    const py_seq *finalbody;   /* FB_FINALLY */
    const char *name;          /* FB_HANDLER: the `as` name to clear */
    uint32_t handlers;         /* the handler stack's height when it began */
} fblock;

typedef struct unit {
    py_scope *scope;
    py_insn *insns;
    uint32_t ninsns, maxinsns;
    py_val *consts;
    uint32_t nconsts, maxconsts;
    py_str **names;
    uint32_t nnames, maxnames;
    label *labels;
    uint32_t nlabels, maxlabels;
    int32_t *handlers; /* labels of the enclosing exception handlers */
    uint32_t nhandlers, maxhandlers;
    fblock *fblocks;
    uint32_t nfblocks, maxfblocks;
    int32_t depth, maxdepth;
    bool reachable;
    int32_t line, col, end_line, end_col; /* position of what is compiled */
    py_str *name, *qualname;
} unit;

typedef struct compiler {
    const char *filename, *source;
    size_t size;
    py_syntax_error *err;
    bool failed;
    py_module *module;
    unit *u;
} compiler;

#define GROW(array, n, max)                                                    \
    do {                                                                       \
        if ((n) == (max)) {                                                    \
            (max) = (max) ? 2 * (max) : 16;                                    \
            (array) = mt_realloc((array), (max) * sizeof *(array));             \
        }                                                                      \
    } while (0)

static void error_at(compiler *c, const py_node *at, const char *message)
{
    if (c->failed)
        return;
    c->failed = true;
    /* a copy: callers format messages on their stack */
    py_syntax_error_at(c->err, PY_SYNTAX_ERROR, py_error_format("%s", message), c->filename, c->source,
                       c->size, at->lineno, at->col_offset + 1, at->end_lineno, at->end_col_offset + 1, false);
}

static void unsupported(compiler *c, const py_node *at, const char *what)
{
    char message[200];
    snprintf(message, sizeof message, "%s not supported by mtpy yet", what);
    error_at(c, at, message);
}

static bool is_jump(py_opcode op)
{
    switch (op) {
    case PY_JUMP: case PY_JUMP_BACK: case PY_JUMP_IF_FALSE: case PY_JUMP_IF_TRUE:
    case PY_JUMP_IF_FALSE_OR_POP: case PY_JUMP_IF_TRUE_OR_POP: case PY_FOR_ITER:
        return true;
    default:
        return false;
    }
}

static int32_t new_label(compiler *c)
{
    unit *u = c->u;
    GROW(u->labels, u->nlabels, u->maxlabels);
    u->labels[u->nlabels] = (label){-1, -1};
    return (int32_t)u->nlabels++;
}

static void set_label_depth(compiler *c, int32_t l, int32_t depth)
{
    label *lb = &c->u->labels[l];
    if (lb->depth < 0)
        lb->depth = depth;
    else if (lb->depth != depth && !c->failed)
        mt_die(70, "internal error: %s: stack heights %d and %d meet at one label", c->filename,
               lb->depth, depth);
}

static void bind(compiler *c, int32_t l)
{
    unit *u = c->u;
    u->labels[l].pc = (int32_t)u->ninsns;
    if (u->labels[l].depth >= 0) {
        u->depth = u->labels[l].depth;
        u->reachable = true;
    } else if (u->reachable) {
        u->labels[l].depth = u->depth;
    }
}

/* The height a jump leaves at its target. */
static int32_t depth_at_target(py_opcode op, int32_t depth)
{
    switch (op) {
    case PY_JUMP_IF_FALSE: case PY_JUMP_IF_TRUE: case PY_FOR_ITER:
        return depth - 1;
    default:
        return depth;
    }
}

/* Code no path reaches (after a return, raise, break, ...) is not
 * emitted: its jumps would give labels heights no real path has. */
static void emit(compiler *c, py_opcode op, int32_t arg)
{
    unit *u = c->u;
    if (!u->reachable)
        return;
    GROW(u->insns, u->ninsns, u->maxinsns);
    py_insn *in = &u->insns[u->ninsns++];
    *in = (py_insn){.op = op, .arg = arg, .top = (uint32_t)(u->depth < 0 ? 0 : u->depth),
                    .handler = u->nhandlers ? u->handlers[u->nhandlers - 1] : -1,
                    .line = u->line, .col = u->col, .end_line = u->end_line, .end_col = u->end_col};
    if (is_jump(op))
        set_label_depth(c, arg, depth_at_target(op, u->depth));
    u->depth += py_stack_effect(op, arg);
    if (u->depth > u->maxdepth)
        u->maxdepth = u->depth;
    if (op == PY_JUMP || op == PY_JUMP_BACK || op == PY_RETURN || op == PY_RAISE || op == PY_RERAISE)
        u->reachable = false;
}

/* ---- constants and names -------------------------------------------------------------- */

static uint32_t add_const(compiler *c, py_val v)
{
    unit *u = c->u;
    for (uint32_t i = 0; i < u->nconsts; i++)
        if (u->consts[i] == v)
            return i;
    GROW(u->consts, u->nconsts, u->maxconsts);
    u->consts[u->nconsts] = v;
    return u->nconsts++;
}

static void load_const(compiler *c, py_val v) { emit(c, PY_LOAD_CONST, (int32_t)add_const(c, v)); }

static uint32_t add_name(compiler *c, py_str *name)
{
    unit *u = c->u;
    for (uint32_t i = 0; i < u->nnames; i++)
        if (u->names[i] == name)
            return i;
    GROW(u->names, u->nnames, u->maxnames);
    u->names[u->nnames] = name;
    return u->nnames++;
}

static py_val constant_value(compiler *c, const py_node *n)
{
    const py_constant *k = n->v.Constant.value;
    switch (k->kind) {
    case PY_CONST_NONE: return py_none;
    case PY_CONST_TRUE: return py_true;
    case PY_CONST_FALSE: return py_false;
    case PY_CONST_ELLIPSIS: return py_ellipsis;
    case PY_CONST_INT: {
        if (k->fits)
            return py_int_from_i64(k->small);
        py_int value;
        py_num_error err;
        if (!py_int_parse(k->digits, strlen(k->digits), k->base, &value, &err)) {
            error_at(c, n, err.message);
            return py_none;
        }
        return py_int_new(value);
    }
    case PY_CONST_FLOAT: return py_float_new(k->number);
    case PY_CONST_STR: return (py_val)py_str_new(k->bytes, k->length);
    case PY_CONST_BYTES: return (py_val)py_bytes_new(k->bytes, k->length);
    case PY_CONST_COMPLEX: break;
    }
    unsupported(c, n, "complex numbers are");
    return py_none;
}

/* ---- positions ------------------------------------------------------------------- */

typedef struct position {
    int32_t line, col, end_line, end_col;
} position;

static position at(compiler *c, const py_node *n)
{
    unit *u = c->u;
    position saved = {u->line, u->col, u->end_line, u->end_col};
    u->line = n->lineno;
    u->col = n->col_offset;
    u->end_line = n->end_lineno;
    u->end_col = n->end_col_offset;
    return saved;
}

static void restore(compiler *c, position p)
{
    c->u->line = p.line;
    c->u->col = p.col;
    c->u->end_line = p.end_line;
    c->u->end_col = p.end_col;
}

/* ---- names ----------------------------------------------------------------------- */

typedef enum { NAME_LOAD, NAME_STORE, NAME_DELETE } name_use;

static void name_op(compiler *c, const char *name, name_use use)
{
    py_str *s = py_str_intern(name);
    const py_symbol *sym = py_scope_lookup(c->u->scope, s);
    py_name_kind kind = sym && c->u->scope->kind == PY_SCOPE_FUNCTION ? sym->kind : PY_NAME_GLOBAL;
    static const py_opcode ops[][3] = {
        [PY_NAME_GLOBAL] = {PY_LOAD_GLOBAL, PY_STORE_GLOBAL, PY_DELETE_GLOBAL},
        [PY_NAME_LOCAL] = {PY_LOAD_FAST, PY_STORE_FAST, PY_DELETE_FAST},
        [PY_NAME_CELL] = {PY_LOAD_DEREF, PY_STORE_DEREF, PY_DELETE_DEREF},
        [PY_NAME_FREE] = {PY_LOAD_DEREF, PY_STORE_DEREF, PY_DELETE_DEREF},
    };
    int32_t arg = kind == PY_NAME_GLOBAL ? (int32_t)add_name(c, s) : (int32_t)sym->slot;
    emit(c, ops[kind][use], arg);
}

/* ---- expressions ------------------------------------------------------------------- */

static void expr(compiler *c, const py_node *n);
static void stmts(compiler *c, const py_seq *body);
static void store(compiler *c, const py_node *target);
static void make_function(compiler *c, const py_node *n, const py_node *args, const char *name);

static void exprs(compiler *c, const py_seq *seq)
{
    for (size_t i = 0; i < py_seq_len(seq); i++)
        expr(c, seq->items[i]);
}

static bool has_starred(const py_seq *seq)
{
    for (size_t i = 0; i < py_seq_len(seq); i++)
        if (((const py_node *)seq->items[i])->kind == PY_AST_Starred)
            return true;
    return false;
}

/* A list (then maybe a tuple) of `elts`, some of them starred. */
static void starred_list(compiler *c, const py_seq *elts)
{
    emit(c, PY_BUILD_LIST, 0);
    for (size_t i = 0; i < py_seq_len(elts); i++) {
        const py_node *e = elts->items[i];
        if (e->kind == PY_AST_Starred) {
            expr(c, e->v.Starred.value);
            emit(c, PY_LIST_EXTEND, 1);
        } else {
            expr(c, e);
            emit(c, PY_LIST_APPEND, 1);
        }
    }
}

static void display(compiler *c, const py_node *n)
{
    const py_seq *elts = n->v.List.elts; /* List, Tuple and Set share the layout */
    py_opcode build = n->kind == PY_AST_List ? PY_BUILD_LIST : n->kind == PY_AST_Tuple ? PY_BUILD_TUPLE
                                                                                         : PY_BUILD_SET;
    if (!has_starred(elts)) {
        exprs(c, elts);
        emit(c, build, (int32_t)py_seq_len(elts));
        return;
    }
    if (n->kind == PY_AST_Set) {
        emit(c, PY_BUILD_SET, 0);
        for (size_t i = 0; i < py_seq_len(elts); i++) {
            const py_node *e = elts->items[i];
            if (e->kind == PY_AST_Starred) {
                expr(c, e->v.Starred.value);
                emit(c, PY_SET_UPDATE, 1);
            } else {
                expr(c, e);
                emit(c, PY_SET_ADD, 1);
            }
        }
        return;
    }
    starred_list(c, elts);
    if (n->kind == PY_AST_Tuple)
        emit(c, PY_LIST_TO_TUPLE, 0);
}

static void dict_display(compiler *c, const py_node *n)
{
    const py_seq *keys = n->v.Dict.keys, *values = n->v.Dict.values;
    size_t pending = 0;
    bool built = false;
    for (size_t i = 0; i < py_seq_len(values); i++) {
        const py_node *k = keys ? keys->items[i] : NULL;
        if (!k) { /* **mapping */
            if (!built || pending) {
                emit(c, PY_BUILD_MAP, (int32_t)pending);
                if (built)
                    emit(c, PY_DICT_UPDATE, 1);
                built = true;
                pending = 0;
            }
            expr(c, values->items[i]);
            emit(c, PY_DICT_UPDATE, 1);
            continue;
        }
        expr(c, k);
        expr(c, values->items[i]);
        pending++;
    }
    if (!built || pending) {
        emit(c, PY_BUILD_MAP, (int32_t)pending);
        if (built)
            emit(c, PY_DICT_UPDATE, 1);
    }
}

static const py_binary_op binop_of[] = {
    [PY_Add] = PY_OP_ADD, [PY_Sub] = PY_OP_SUB, [PY_Mult] = PY_OP_MUL, [PY_MatMult] = PY_OP_MATMUL,
    [PY_Div] = PY_OP_TRUEDIV, [PY_Mod] = PY_OP_MOD, [PY_Pow] = PY_OP_POW,
    [PY_LShift] = PY_OP_LSHIFT, [PY_RShift] = PY_OP_RSHIFT, [PY_BitOr] = PY_OP_OR,
    [PY_BitXor] = PY_OP_XOR, [PY_BitAnd] = PY_OP_AND, [PY_FloorDiv] = PY_OP_FLOORDIV,
};

static void compare_op(compiler *c, long op)
{
    switch (op) {
    case PY_Eq: emit(c, PY_COMPARE, PY_EQ); break;
    case PY_NotEq: emit(c, PY_COMPARE, PY_NE); break;
    case PY_Lt: emit(c, PY_COMPARE, PY_LT); break;
    case PY_LtE: emit(c, PY_COMPARE, PY_LE); break;
    case PY_Gt: emit(c, PY_COMPARE, PY_GT); break;
    case PY_GtE: emit(c, PY_COMPARE, PY_GE); break;
    case PY_Is: emit(c, PY_IS, 0); break;
    case PY_IsNot: emit(c, PY_IS, 1); break;
    case PY_In: emit(c, PY_CONTAINS, 0); break;
    case PY_NotIn: emit(c, PY_CONTAINS, 1); break;
    }
}

/* a < b < c: each comparison's right side is the next one's left; the
 * chain stops at the first false result, which is its value. */
static void compare(compiler *c, const py_node *n)
{
    const py_seq *ops = n->v.Compare.ops, *rights = n->v.Compare.comparators;
    size_t count = py_seq_len(rights);
    expr(c, n->v.Compare.left);
    if (count == 1) {
        expr(c, rights->items[0]);
        compare_op(c, (long)(intptr_t)ops->items[0]);
        return;
    }
    int32_t cleanup = new_label(c), end = new_label(c);
    for (size_t i = 0; i + 1 < count; i++) {
        expr(c, rights->items[i]);
        emit(c, PY_SWAP, 2);
        emit(c, PY_COPY, 2);
        compare_op(c, (long)(intptr_t)ops->items[i]);
        emit(c, PY_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    expr(c, rights->items[count - 1]);
    compare_op(c, (long)(intptr_t)ops->items[count - 1]);
    emit(c, PY_JUMP, end);
    bind(c, cleanup);
    emit(c, PY_SWAP, 2);
    emit(c, PY_POP_TOP, 0);
    bind(c, end);
}

static void call(compiler *c, const py_node *n)
{
    const py_seq *args = n->v.Call.args, *keywords = n->v.Call.keywords;
    expr(c, n->v.Call.func);
    bool double_star = false;
    for (size_t i = 0; i < py_seq_len(keywords); i++)
        double_star |= ((const py_node *)keywords->items[i])->v.keyword.arg == NULL;
    if (!has_starred(args) && !double_star) {
        exprs(c, args);
        if (!py_seq_len(keywords)) {
            emit(c, PY_CALL, (int32_t)py_seq_len(args));
            return;
        }
        py_tuple *names = py_tuple_new(py_seq_len(keywords));
        for (size_t i = 0; i < py_seq_len(keywords); i++) {
            const py_node *k = keywords->items[i];
            expr(c, k->v.keyword.value);
            names->items[i] = (py_val)py_str_intern(k->v.keyword.arg);
        }
        load_const(c, (py_val)names);
        emit(c, PY_CALL_KW, (int32_t)(py_seq_len(args) + py_seq_len(keywords)));
        return;
    }
    if (py_seq_len(args) == 1 && ((const py_node *)args->items[0])->kind == PY_AST_Starred) {
        expr(c, ((const py_node *)args->items[0])->v.Starred.value); /* CALL_EX takes any iterable */
    } else {
        starred_list(c, args);
        emit(c, PY_LIST_TO_TUPLE, 0);
    }
    if (!py_seq_len(keywords)) {
        emit(c, PY_CALL_EX, 0);
        return;
    }
    /* keywords: one dict, merged in order, a repeated name being an error */
    emit(c, PY_BUILD_MAP, 0);
    for (size_t i = 0; i < py_seq_len(keywords); i++) {
        const py_node *k = keywords->items[i];
        if (k->v.keyword.arg) {
            load_const(c, (py_val)py_str_intern(k->v.keyword.arg));
            expr(c, k->v.keyword.value);
            emit(c, PY_MAP_ADD, 1);
        } else {
            expr(c, k->v.keyword.value);
            emit(c, PY_DICT_MERGE, 1);
        }
    }
    emit(c, PY_CALL_EX, 1);
}

static void joined_str(compiler *c, const py_node *n)
{
    const py_seq *values = n->v.JoinedStr.values;
    for (size_t i = 0; i < py_seq_len(values); i++) {
        const py_node *v = values->items[i];
        if (v->kind != PY_AST_FormattedValue) {
            expr(c, v);
            continue;
        }
        expr(c, v->v.FormattedValue.value);
        int32_t arg = (int32_t)(v->v.FormattedValue.conversion < 0 ? 0 : v->v.FormattedValue.conversion);
        if (v->v.FormattedValue.format_spec) {
            expr(c, v->v.FormattedValue.format_spec);
            arg |= 0x100;
        }
        emit(c, PY_FORMAT_VALUE, arg);
    }
    if (py_seq_len(values) != 1 || ((const py_node *)values->items[0])->kind != PY_AST_FormattedValue)
        emit(c, PY_BUILD_STRING, (int32_t)py_seq_len(values));
}

/* A comprehension is a function of its own, called with the iterator of
 * its first iterable (evaluated here). */
static void comprehension(compiler *c, const py_node *n)
{
    const py_seq *gens = n->kind == PY_AST_DictComp ? n->v.DictComp.generators : n->v.ListComp.generators;
    static const char *const names[] = {[PY_AST_ListComp] = "<listcomp>", [PY_AST_SetComp] = "<setcomp>",
                                        [PY_AST_DictComp] = "<dictcomp>", [PY_AST_GeneratorExp] = "<genexpr>"};
    make_function(c, n, NULL, names[n->kind]);
    expr(c, ((const py_node *)gens->items[0])->v.comprehension.iter);
    emit(c, PY_GET_ITER, 0);
    emit(c, PY_CALL, 1);
}

static void expr(compiler *c, const py_node *n)
{
    if (c->failed)
        return;
    position saved = at(c, n);
    switch (n->kind) {
    case PY_AST_Constant:
        load_const(c, constant_value(c, n));
        break;
    case PY_AST_Name:
        name_op(c, n->v.Name.id, NAME_LOAD);
        break;
    case PY_AST_BinOp:
        expr(c, n->v.BinOp.left);
        expr(c, n->v.BinOp.right);
        at(c, n);
        emit(c, PY_BINARY, binop_of[n->v.BinOp.op]);
        break;
    case PY_AST_UnaryOp: {
        static const py_opcode ops[] = {[PY_Invert] = PY_UNARY_INVERT, [PY_Not] = PY_UNARY_NOT,
                                        [PY_UAdd] = PY_UNARY_POS, [PY_USub] = PY_UNARY_NEG};
        expr(c, n->v.UnaryOp.operand);
        at(c, n);
        emit(c, ops[n->v.UnaryOp.op], 0);
        break;
    }
    case PY_AST_BoolOp: {
        int32_t end = new_label(c);
        const py_seq *values = n->v.BoolOp.values;
        py_opcode jump = n->v.BoolOp.op == PY_And ? PY_JUMP_IF_FALSE_OR_POP : PY_JUMP_IF_TRUE_OR_POP;
        for (size_t i = 0; i + 1 < values->count; i++) {
            expr(c, values->items[i]);
            emit(c, jump, end);
        }
        expr(c, values->items[values->count - 1]);
        bind(c, end);
        break;
    }
    case PY_AST_Compare:
        compare(c, n);
        break;
    case PY_AST_IfExp: {
        int32_t orelse = new_label(c), end = new_label(c);
        expr(c, n->v.IfExp.test);
        emit(c, PY_JUMP_IF_FALSE, orelse);
        expr(c, n->v.IfExp.body);
        emit(c, PY_JUMP, end);
        bind(c, orelse);
        expr(c, n->v.IfExp.orelse);
        bind(c, end);
        break;
    }
    case PY_AST_Call:
        call(c, n);
        break;
    case PY_AST_Attribute:
        expr(c, n->v.Attribute.value);
        at(c, n);
        emit(c, PY_LOAD_ATTR, (int32_t)add_name(c, py_str_intern(n->v.Attribute.attr)));
        break;
    case PY_AST_Subscript:
        expr(c, n->v.Subscript.value);
        expr(c, n->v.Subscript.slice);
        at(c, n);
        emit(c, PY_SUBSCR, 0);
        break;
    case PY_AST_Slice: {
        const py_node *parts[] = {n->v.Slice.lower, n->v.Slice.upper, n->v.Slice.step};
        int count = parts[2] ? 3 : 2;
        for (int i = 0; i < count; i++) {
            if (parts[i])
                expr(c, parts[i]);
            else
                load_const(c, py_none);
        }
        emit(c, PY_BUILD_SLICE, count);
        break;
    }
    case PY_AST_List:
    case PY_AST_Tuple:
    case PY_AST_Set:
        display(c, n);
        break;
    case PY_AST_Dict:
        dict_display(c, n);
        break;
    case PY_AST_JoinedStr:
        joined_str(c, n);
        break;
    case PY_AST_Lambda:
        make_function(c, n, n->v.Lambda.args, "<lambda>");
        break;
    case PY_AST_ListComp:
    case PY_AST_SetComp:
    case PY_AST_DictComp:
    case PY_AST_GeneratorExp:
        comprehension(c, n);
        break;
    case PY_AST_NamedExpr:
        expr(c, n->v.NamedExpr.value);
        emit(c, PY_COPY, 1);
        store(c, n->v.NamedExpr.target);
        break;
    case PY_AST_Starred:
        error_at(c, n, "can't use starred expression here");
        break;
    case PY_AST_Yield:
        if (c->u->scope->kind != PY_SCOPE_FUNCTION) {
            error_at(c, n, "'yield' outside function");
            break;
        }
        if (n->v.Yield.value)
            expr(c, n->v.Yield.value);
        else
            load_const(c, py_none);
        emit(c, PY_YIELD_VALUE, 0);
        break;
    case PY_AST_YieldFrom:
        unsupported(c, n, "'yield from' is");
        break;
    case PY_AST_Await:
        unsupported(c, n, "'await' is");
        break;
    default:
        unsupported(c, n, py_ast_kind_name(n->kind));
        break;
    }
    restore(c, saved);
}

/* ---- assignment targets ------------------------------------------------------------ */

static void unpack(compiler *c, const py_seq *elts, const py_node *at_node)
{
    size_t count = py_seq_len(elts), star = count;
    for (size_t i = 0; i < count; i++)
        if (((const py_node *)elts->items[i])->kind == PY_AST_Starred) {
            if (star != count) {
                error_at(c, at_node, "multiple starred expressions in assignment");
                return;
            }
            star = i;
        }
    if (star == count)
        emit(c, PY_UNPACK, (int32_t)count);
    else
        emit(c, PY_UNPACK_STARRED, (int32_t)(star | (count - star - 1) << 16));
    for (size_t i = 0; i < count; i++) {
        const py_node *e = elts->items[i];
        store(c, e->kind == PY_AST_Starred ? e->v.Starred.value : e);
    }
}

static void store(compiler *c, const py_node *t)
{
    position saved = at(c, t);
    switch (t->kind) {
    case PY_AST_Name:
        name_op(c, t->v.Name.id, NAME_STORE);
        break;
    case PY_AST_Attribute:
        expr(c, t->v.Attribute.value);
        at(c, t);
        emit(c, PY_STORE_ATTR, (int32_t)add_name(c, py_str_intern(t->v.Attribute.attr)));
        break;
    case PY_AST_Subscript:
        expr(c, t->v.Subscript.value);
        expr(c, t->v.Subscript.slice);
        at(c, t);
        emit(c, PY_STORE_SUBSCR, 0);
        break;
    case PY_AST_Tuple:
    case PY_AST_List:
        unpack(c, t->v.Tuple.elts, t);
        break;
    default:
        error_at(c, t, "cannot assign to expression");
        break;
    }
    restore(c, saved);
}

static void delete(compiler *c, const py_node *t)
{
    position saved = at(c, t);
    switch (t->kind) {
    case PY_AST_Name:
        name_op(c, t->v.Name.id, NAME_DELETE);
        break;
    case PY_AST_Attribute:
        expr(c, t->v.Attribute.value);
        emit(c, PY_DELETE_ATTR, (int32_t)add_name(c, py_str_intern(t->v.Attribute.attr)));
        break;
    case PY_AST_Subscript:
        expr(c, t->v.Subscript.value);
        expr(c, t->v.Subscript.slice);
        emit(c, PY_DELETE_SUBSCR, 0);
        break;
    case PY_AST_Tuple:
    case PY_AST_List:
        for (size_t i = 0; i < py_seq_len(t->v.Tuple.elts); i++)
            delete(c, t->v.Tuple.elts->items[i]);
        break;
    default:
        error_at(c, t, "cannot delete expression");
        break;
    }
    restore(c, saved);
}

static void aug_assign(compiler *c, const py_node *n)
{
    const py_node *t = n->v.AugAssign.target;
    py_binary_op op = binop_of[n->v.AugAssign.op];
    switch (t->kind) {
    case PY_AST_Name: {
        position p = at(c, t); /* reading the target is where it is unbound */
        name_op(c, t->v.Name.id, NAME_LOAD);
        restore(c, p);
        expr(c, n->v.AugAssign.value);
        emit(c, PY_INPLACE, op);
        name_op(c, t->v.Name.id, NAME_STORE);
        break;
    }
    case PY_AST_Attribute: {
        int32_t name = (int32_t)add_name(c, py_str_intern(t->v.Attribute.attr));
        expr(c, t->v.Attribute.value);
        emit(c, PY_COPY, 1);
        emit(c, PY_LOAD_ATTR, name);
        expr(c, n->v.AugAssign.value);
        emit(c, PY_INPLACE, op);
        emit(c, PY_SWAP, 2);
        emit(c, PY_STORE_ATTR, name);
        break;
    }
    case PY_AST_Subscript:
        expr(c, t->v.Subscript.value);
        expr(c, t->v.Subscript.slice);
        emit(c, PY_COPY, 2);
        emit(c, PY_COPY, 2);
        emit(c, PY_SUBSCR, 0);
        expr(c, n->v.AugAssign.value);
        emit(c, PY_INPLACE, op);
        emit(c, PY_SWAP, 3);
        emit(c, PY_SWAP, 2);
        emit(c, PY_STORE_SUBSCR, 0);
        break;
    default:
        error_at(c, t, "illegal expression for augmented assignment");
        break;
    }
}

/* ---- blocks and the ways out of them ------------------------------------------------ */

static fblock *push_fblock(compiler *c, fblock_kind kind)
{
    unit *u = c->u;
    GROW(u->fblocks, u->nfblocks, u->maxfblocks);
    fblock *fb = &u->fblocks[u->nfblocks++];
    *fb = (fblock){.kind = kind, .handlers = u->nhandlers};
    return fb;
}

/* Instructions from here on go to handler `l` on an exception, with the
 * stack cut to `depth` - 1 and the exception pushed. */
static void push_handler_at(compiler *c, int32_t l, int32_t depth)
{
    unit *u = c->u;
    GROW(u->handlers, u->nhandlers, u->maxhandlers);
    u->handlers[u->nhandlers++] = l;
    set_label_depth(c, l, depth);
}

/* A handler for what is on the stack now. */
static void push_handler(compiler *c, int32_t l) { push_handler_at(c, l, c->u->depth + 1); }

/* The handler while an exception is being handled (prev, exc on the
 * stack): an exception there replaces exc. */
static void push_cleanup(compiler *c, int32_t l) { push_handler_at(c, l, c->u->depth); }

static void pop_handler(compiler *c) { c->u->nhandlers--; }

/* `name = None; del name`: an except clause's name goes when it ends. */
static void clear_name(compiler *c, const char *name)
{
    load_const(c, py_none);
    name_op(c, name, NAME_STORE);
    name_op(c, name, NAME_DELETE);
}

/* Undo fblock `fb` on the way out of it (with `preserve` values above
 * what it left on the stack, such as a return value). */
static void unwind(compiler *c, const fblock *fb, int preserve)
{
    unit *u = c->u;
    uint32_t handlers = u->nhandlers;
    u->nhandlers = fb->handlers; /* what runs here is outside the block */
    switch (fb->kind) {
    case FB_LOOP:
        break;
    case FB_FOR:
        if (preserve)
            emit(c, PY_SWAP, 2);
        emit(c, PY_POP_TOP, 0);
        break;
    case FB_FINALLY:
        stmts(c, fb->finalbody);
        break;
    case FB_HANDLER_CLEANUP: /* prev, exc: the exception is dropped */
        if (preserve)
            emit(c, PY_SWAP, 2);
        emit(c, PY_POP_TOP, 0);
        /* fall through */
    case FB_HANDLER: /* prev */
        if (preserve)
            emit(c, PY_SWAP, 2);
        emit(c, PY_POP_EXCEPT, 0);
        if (fb->name)
            clear_name(c, fb->name);
        break;
    }
    u->nhandlers = handlers;
}

/* return, break, continue: run what each enclosing block needs, out to
 * the loop for break and continue. */
static void exit_blocks(compiler *c, const py_node *n, bool to_loop, bool is_break, int preserve)
{
    unit *u = c->u;
    uint32_t saved = u->nfblocks;
    while (u->nfblocks) {
        fblock fb = u->fblocks[u->nfblocks - 1];
        if (to_loop && (fb.kind == FB_LOOP || fb.kind == FB_FOR)) {
            if (is_break) {
                unwind(c, &fb, 0);
                emit(c, PY_JUMP, fb.exit);
            } else {
                emit(c, PY_JUMP_BACK, fb.start);
            }
            u->nfblocks = saved;
            return;
        }
        u->nfblocks--; /* a finally body does not see its own block */
        unwind(c, &fb, preserve);
    }
    u->nfblocks = saved;
    if (to_loop)
        error_at(c, n, is_break ? "'break' outside loop" : "'continue' not properly in loop");
}

static void while_stmt(compiler *c, const py_node *n)
{
    int32_t loop = new_label(c), orelse = new_label(c), end = new_label(c);
    bind(c, loop);
    expr(c, n->v.While.test);
    emit(c, PY_JUMP_IF_FALSE, orelse);
    fblock *fb = push_fblock(c, FB_LOOP);
    fb->start = loop;
    fb->exit = end;
    stmts(c, n->v.While.body);
    c->u->nfblocks--;
    emit(c, PY_JUMP_BACK, loop);
    bind(c, orelse);
    stmts(c, n->v.While.orelse);
    bind(c, end);
}

static void for_stmt(compiler *c, const py_node *n)
{
    int32_t loop = new_label(c), orelse = new_label(c), end = new_label(c);
    expr(c, n->v.For.iter);
    emit(c, PY_GET_ITER, 0);
    bind(c, loop);
    emit(c, PY_FOR_ITER, orelse);
    store(c, n->v.For.target);
    fblock *fb = push_fblock(c, FB_FOR);
    fb->start = loop;
    fb->exit = end;
    stmts(c, n->v.For.body);
    c->u->nfblocks--;
    emit(c, PY_JUMP_BACK, loop);
    bind(c, orelse);
    stmts(c, n->v.For.orelse);
    bind(c, end);
}

/* The handlers of a try: entered with the exception pushed; the previous
 * handled exception is kept under it while a clause runs (PUSH_EXC_INFO,
 * POP_EXCEPT), and an exception raised in a clause propagates with the
 * handled one restored (the cleanup handler). */
static void except_clauses(compiler *c, const py_node *n, int32_t handler, int32_t end)
{
    const py_seq *handlers = n->v.Try.handlers;
    int32_t cleanup = new_label(c);
    bind(c, handler);
    emit(c, PY_PUSH_EXC_INFO, 0);
    push_cleanup(c, cleanup);
    for (size_t i = 0; i < py_seq_len(handlers); i++) {
        const py_node *h = handlers->items[i];
        position saved = at(c, h);
        int32_t next = new_label(c);
        if (h->v.ExceptHandler.type) {
            expr(c, h->v.ExceptHandler.type);
            emit(c, PY_CHECK_EXC_MATCH, 0);
            emit(c, PY_JUMP_IF_FALSE, next);
        } else if (i + 1 < py_seq_len(handlers)) {
            error_at(c, h, "default 'except:' must be last");
            return;
        }
        const char *name = h->v.ExceptHandler.name;
        if (name)
            name_op(c, name, NAME_STORE);
        else
            emit(c, PY_POP_TOP, 0);
        /* the clause: an exception in it clears the name, then propagates */
        int32_t named_cleanup = new_label(c);
        if (name)
            push_handler(c, named_cleanup);
        fblock *fb = push_fblock(c, FB_HANDLER);
        fb->name = name;
        fb->handlers = c->u->nhandlers - (name ? 2 : 1);
        stmts(c, h->v.ExceptHandler.body);
        c->u->nfblocks--;
        if (name)
            pop_handler(c);
        emit(c, PY_POP_EXCEPT, 0);
        if (name)
            clear_name(c, name);
        emit(c, PY_JUMP, end);
        if (name) {
            bind(c, named_cleanup);
            clear_name(c, name);
            emit(c, PY_RERAISE, 0);
        }
        restore(c, saved);
        bind(c, next);
    }
    emit(c, PY_RERAISE, 0); /* no clause matched */
    pop_handler(c);
    bind(c, cleanup); /* prev, exc */
    emit(c, PY_SWAP, 2);
    emit(c, PY_POP_EXCEPT, 0);
    emit(c, PY_RERAISE, 0);
}

static void try_except(compiler *c, const py_node *n)
{
    int32_t handler = new_label(c), end = new_label(c);
    push_handler(c, handler);
    stmts(c, n->v.Try.body);
    pop_handler(c);
    stmts(c, n->v.Try.orelse);
    emit(c, PY_JUMP, end);
    except_clauses(c, n, handler, end);
    bind(c, end);
}

/* try/finally: the body (maybe a try/except itself), then the final
 * body on the normal way out, on every return/break/continue (unwind),
 * and with the exception being handled on the exceptional way, after
 * which it propagates. */
static void try_finally(compiler *c, const py_node *n)
{
    int32_t handler = new_label(c), cleanup = new_label(c), end = new_label(c);
    push_handler(c, handler);
    fblock *fb = push_fblock(c, FB_FINALLY);
    fb->finalbody = n->v.Try.finalbody;
    fb->handlers = c->u->nhandlers - 1;
    if (py_seq_len(n->v.Try.handlers))
        try_except(c, n);
    else
        stmts(c, n->v.Try.body);
    c->u->nfblocks--;
    pop_handler(c);
    stmts(c, n->v.Try.finalbody);
    emit(c, PY_JUMP, end);
    bind(c, handler); /* exc */
    emit(c, PY_PUSH_EXC_INFO, 0);
    push_cleanup(c, cleanup);
    fb = push_fblock(c, FB_HANDLER_CLEANUP);
    fb->handlers = c->u->nhandlers - 1;
    stmts(c, n->v.Try.finalbody);
    c->u->nfblocks--;
    pop_handler(c);
    emit(c, PY_RERAISE, 0); /* TOS is exc; the previous handled one under it */
    bind(c, cleanup);
    emit(c, PY_SWAP, 2);
    emit(c, PY_POP_EXCEPT, 0);
    emit(c, PY_RERAISE, 0);
    bind(c, end);
}

static void import(compiler *c, const py_node *n)
{
    for (size_t i = 0; i < py_seq_len(n->v.Import.names); i++) {
        const py_node *alias = n->v.Import.names->items[i];
        const char *name = alias->v.alias.name;
        if (strchr(name, '.')) {
            unsupported(c, alias, "importing submodules is");
            return;
        }
        emit(c, PY_IMPORT_NAME, (int32_t)add_name(c, py_str_intern(name)));
        name_op(c, alias->v.alias.asname ? alias->v.alias.asname : name, NAME_STORE);
    }
}

static void import_from(compiler *c, const py_node *n)
{
    if (n->v.ImportFrom.level || !n->v.ImportFrom.module || strchr(n->v.ImportFrom.module, '.')) {
        unsupported(c, n, "this form of import is");
        return;
    }
    emit(c, PY_IMPORT_NAME, (int32_t)add_name(c, py_str_intern(n->v.ImportFrom.module)));
    for (size_t i = 0; i < py_seq_len(n->v.ImportFrom.names); i++) {
        const py_node *alias = n->v.ImportFrom.names->items[i];
        if (!strcmp(alias->v.alias.name, "*")) {
            unsupported(c, alias, "'import *' is");
            return;
        }
        emit(c, PY_COPY, 1);
        emit(c, PY_LOAD_ATTR, (int32_t)add_name(c, py_str_intern(alias->v.alias.name)));
        name_op(c, alias->v.alias.asname ? alias->v.alias.asname : alias->v.alias.name, NAME_STORE);
    }
    emit(c, PY_POP_TOP, 0);
}

static void stmt(compiler *c, const py_node *n)
{
    if (c->failed)
        return;
    position saved = at(c, n);
    switch (n->kind) {
    case PY_AST_Expr:
        expr(c, n->v.Expr.value);
        emit(c, PY_POP_TOP, 0);
        break;
    case PY_AST_Assign: {
        const py_seq *targets = n->v.Assign.targets;
        expr(c, n->v.Assign.value);
        for (size_t i = 0; i < targets->count; i++) {
            if (i + 1 < targets->count)
                emit(c, PY_COPY, 1);
            store(c, targets->items[i]);
        }
        break;
    }
    case PY_AST_AugAssign:
        aug_assign(c, n);
        break;
    case PY_AST_AnnAssign:
        if (n->v.AnnAssign.value) {
            expr(c, n->v.AnnAssign.value);
            store(c, n->v.AnnAssign.target);
        }
        break;
    case PY_AST_Delete:
        for (size_t i = 0; i < py_seq_len(n->v.Delete.targets); i++)
            delete(c, n->v.Delete.targets->items[i]);
        break;
    case PY_AST_If: {
        int32_t orelse = new_label(c), end = new_label(c);
        expr(c, n->v.If.test);
        emit(c, PY_JUMP_IF_FALSE, orelse);
        stmts(c, n->v.If.body);
        if (py_seq_len(n->v.If.orelse))
            emit(c, PY_JUMP, end);
        bind(c, orelse);
        stmts(c, n->v.If.orelse);
        bind(c, end);
        break;
    }
    case PY_AST_While:
        while_stmt(c, n);
        break;
    case PY_AST_For:
        for_stmt(c, n);
        break;
    case PY_AST_Break:
        exit_blocks(c, n, true, true, 0);
        break;
    case PY_AST_Continue:
        exit_blocks(c, n, true, false, 0);
        break;
    case PY_AST_Return:
        if (c->u->scope->kind != PY_SCOPE_FUNCTION) {
            error_at(c, n, "'return' outside function");
            break;
        }
        if (n->v.Return.value)
            expr(c, n->v.Return.value);
        else
            load_const(c, py_none);
        exit_blocks(c, n, false, false, 1);
        at(c, n);
        emit(c, PY_RETURN, 0);
        break;
    case PY_AST_Pass:
        emit(c, PY_NOP, 0);
        break;
    case PY_AST_Raise:
        if (n->v.Raise.exc)
            expr(c, n->v.Raise.exc);
        if (n->v.Raise.cause)
            expr(c, n->v.Raise.cause);
        emit(c, PY_RAISE, n->v.Raise.cause ? 2 : n->v.Raise.exc ? 1 : 0);
        break;
    case PY_AST_Try:
        if (py_seq_len(n->v.Try.finalbody))
            try_finally(c, n);
        else
            try_except(c, n);
        break;
    case PY_AST_Assert: {
        int32_t end = new_label(c);
        expr(c, n->v.Assert.test);
        /* the raise is shown at the test, as CPython 3.11 shows it */
        position p = at(c, n->v.Assert.test);
        emit(c, PY_JUMP_IF_TRUE, end);
        emit(c, PY_LOAD_ASSERTION_ERROR, 0);
        if (n->v.Assert.msg) {
            expr(c, n->v.Assert.msg);
            emit(c, PY_CALL, 1);
        }
        emit(c, PY_RAISE, 1);
        restore(c, p);
        bind(c, end);
        break;
    }
    case PY_AST_FunctionDef:
        exprs(c, n->v.FunctionDef.decorator_list);
        make_function(c, n, n->v.FunctionDef.args, n->v.FunctionDef.name);
        for (size_t i = 0; i < py_seq_len(n->v.FunctionDef.decorator_list); i++)
            emit(c, PY_CALL, 1);
        name_op(c, n->v.FunctionDef.name, NAME_STORE);
        break;
    case PY_AST_Import:
        import(c, n);
        break;
    case PY_AST_ImportFrom:
        import_from(c, n);
        break;
    case PY_AST_Global:
    case PY_AST_Nonlocal:
        break;
    case PY_AST_ClassDef:
        unsupported(c, n, "class definitions are");
        break;
    case PY_AST_With:
    case PY_AST_AsyncWith:
        unsupported(c, n, "'with' statements are");
        break;
    case PY_AST_Match:
        unsupported(c, n, "'match' statements are");
        break;
    case PY_AST_TryStar:
        unsupported(c, n, "'except*' is");
        break;
    case PY_AST_AsyncFunctionDef:
    case PY_AST_AsyncFor:
        unsupported(c, n, "'async' is");
        break;
    default:
        unsupported(c, n, py_ast_kind_name(n->kind));
        break;
    }
    restore(c, saved);
}

static void stmts(compiler *c, const py_seq *body)
{
    for (size_t i = 0; i < py_seq_len(body) && !c->failed; i++)
        stmt(c, body->items[i]);
}

/* ---- code objects -------------------------------------------------------------------- */

static unit *enter_unit(compiler *c, py_scope *scope, const char *name, py_str *qualname,
                        const py_node *first)
{
    unit *u = mt_alloc(sizeof *u);
    u->scope = scope;
    u->reachable = true;
    u->name = py_str_intern(name);
    u->qualname = qualname;
    u->line = first ? first->lineno : 1;
    c->u = u;
    return u;
}

static py_global_ref *global_ref(compiler *c, py_str *name)
{
    py_global_ref *ref = mt_alloc(sizeof *ref);
    ref->global = py_module_global(c->module, name);
    ref->builtin = c->module->builtins ? py_module_global(c->module->builtins, name) : NULL;
    return ref;
}

/* Resolve labels into pcs, and make the code object. */
/* The docstring of a body: a string constant as its first statement. */
static py_val docstring(const py_seq *body)
{
    if (!py_seq_len(body))
        return py_none;
    const py_node *first = body->items[0];
    if (first->kind != PY_AST_Expr || first->v.Expr.value->kind != PY_AST_Constant)
        return py_none;
    const py_constant *k = first->v.Expr.value->v.Constant.value;
    return k->kind == PY_CONST_STR ? (py_val)py_str_new(k->bytes, k->length) : py_none;
}

static py_code *finish_unit(compiler *c, uint32_t flags, uint32_t first_line)
{
    unit *u = c->u;
    if (u->reachable) {
        load_const(c, py_none);
        emit(c, PY_RETURN, 0);
    }
    /* past the end: where deopt hands a raised exception to the interpreter */
    u->depth = 0;
    u->nhandlers = 0;
    u->reachable = true;
    emit(c, PY_UNWIND, 0);
    u->ninsns--;
    int32_t previous_line = -1;
    for (uint32_t i = 0; i < u->ninsns; i++) {
        py_insn *in = &u->insns[i];
        if (is_jump((py_opcode)in->op))
            in->arg = u->labels[in->arg].pc;
        if (in->handler >= 0)
            in->handler = u->labels[in->handler].pc;
        in->line_start = in->line != previous_line;
        previous_line = in->line;
        if (in->op == PY_LOAD_CONST)
            in->cache = u->consts[in->arg];
        else if (in->op == PY_LOAD_GLOBAL)
            in->cache = global_ref(c, u->names[in->arg]);
        else if (in->op == PY_STORE_GLOBAL || in->op == PY_DELETE_GLOBAL)
            in->cache = py_module_global(c->module, u->names[in->arg]);
    }
    py_scope *scope = u->scope;
    py_code *code = mt_alloc(sizeof *code);
    code->head.type = &py_code_type;
    code->name = u->name;
    code->qualname = u->qualname;
    code->filename = py_str_from_cstr(c->filename);
    code->flags = flags;
    code->nlocals = scope->nlocals;
    code->nfree = scope->nfree;
    code->nslots = scope->nlocals + scope->nfree + (uint32_t)u->maxdepth;
    code->varnames = mt_alloc((code->nlocals + code->nfree + 1) * sizeof *code->varnames);
    for (uint32_t i = 0; i < scope->nsymbols; i++) {
        const py_symbol *sym = &scope->symbols[i];
        if (scope->kind == PY_SCOPE_FUNCTION && sym->kind != PY_NAME_GLOBAL)
            code->varnames[sym->slot] = sym->name;
    }
    code->consts = u->consts;
    code->nconsts = u->nconsts;
    code->names = u->names;
    code->nnames = u->nnames;
    code->insns = u->insns;
    code->ninsns = u->ninsns;
    code->first_line = (int32_t)first_line;
    code->module = c->module;
    code->doc = py_none;
    code->source = c->source;
    code->source_size = c->size;
    return code;
}

static void make_cells(compiler *c)
{
    const py_scope *scope = c->u->scope;
    for (uint32_t i = 0; i < scope->nsymbols; i++)
        if (scope->symbols[i].kind == PY_NAME_CELL)
            emit(c, PY_MAKE_CELL, (int32_t)scope->symbols[i].slot);
}

static py_str *qualname_of(compiler *c, const char *name)
{
    const unit *outer = c->u;
    if (outer->scope->kind == PY_SCOPE_MODULE)
        return py_str_intern(name);
    return py_str_format("%s.<locals>.%s", outer->qualname->data, name);
}

/* The parameters' counts and flags of `args` for the code object. */
static uint32_t param_flags(const py_node *args, py_code *code)
{
    uint32_t flags = 0;
    code->nposonly = (uint32_t)py_seq_len(args->v.arguments.posonlyargs);
    code->nargs = code->nposonly + (uint32_t)py_seq_len(args->v.arguments.args);
    code->nkwonly = (uint32_t)py_seq_len(args->v.arguments.kwonlyargs);
    if (args->v.arguments.vararg)
        flags |= PY_CO_VARARGS;
    if (args->v.arguments.kwarg)
        flags |= PY_CO_VARKEYWORDS;
    return flags;
}

/* Compile the body of a def, lambda or comprehension into a code object,
 * then emit what makes the function where it stands. */
static void make_function(compiler *c, const py_node *n, const py_node *args, const char *name)
{
    unit *outer = c->u;
    py_scope *scope = py_scope_child(outer->scope, n);
    if (!scope)
        mt_die(70, "internal error: no scope for a %s", py_ast_kind_name(n->kind));
    /* defaults and keyword-only defaults, evaluated here */
    uint32_t fnflags = 0;
    if (args && py_seq_len(args->v.arguments.defaults)) {
        exprs(c, args->v.arguments.defaults);
        emit(c, PY_BUILD_TUPLE, (int32_t)py_seq_len(args->v.arguments.defaults));
        fnflags |= PY_FN_DEFAULTS;
    }
    if (args && py_seq_len(args->v.arguments.kwonlyargs)) {
        int pairs = 0;
        for (size_t i = 0; i < args->v.arguments.kwonlyargs->count; i++) {
            const py_node *d = args->v.arguments.kw_defaults->items[i];
            if (!d)
                continue;
            const py_node *a = args->v.arguments.kwonlyargs->items[i];
            load_const(c, (py_val)py_str_intern(a->v.arg.arg));
            expr(c, d);
            pairs++;
        }
        if (pairs) {
            emit(c, PY_BUILD_MAP, pairs);
            fnflags |= PY_FN_KWDEFAULTS;
        }
    }
    if (scope->nfree) {
        for (uint32_t i = 0; i < scope->nsymbols; i++)
            if (scope->symbols[i].kind == PY_NAME_FREE) {
                const py_symbol *outer_sym = py_scope_lookup(outer->scope, scope->symbols[i].name);
                emit(c, PY_LOAD_CLOSURE, (int32_t)outer_sym->slot);
            }
        emit(c, PY_BUILD_TUPLE, (int32_t)scope->nfree);
        fnflags |= PY_FN_CLOSURE;
    }
    /* the body */
    py_str *qualname = qualname_of(c, name);
    unit *inner = enter_unit(c, scope, name, qualname, n);
    make_cells(c);
    uint32_t flags = 0;
    py_code fake = {0};
    py_val doc = py_none;
    if (args)
        flags = param_flags(args, &fake);
    if (n->kind == PY_AST_Lambda) {
        position p = at(c, n->v.Lambda.body);
        expr(c, n->v.Lambda.body);
        emit(c, PY_RETURN, 0);
        restore(c, p);
    } else if (n->kind == PY_AST_FunctionDef) {
        doc = docstring(n->v.FunctionDef.body);
        stmts(c, n->v.FunctionDef.body);
    } else {
        /* a comprehension, called with the iterator in its parameter .0 */
        fake.nargs = 1;
        const py_seq *gens = n->kind == PY_AST_DictComp ? n->v.DictComp.generators
                                                        : n->v.ListComp.generators;
        bool genexp = n->kind == PY_AST_GeneratorExp;
        py_opcode build = n->kind == PY_AST_ListComp ? PY_BUILD_LIST
                          : n->kind == PY_AST_SetComp ? PY_BUILD_SET : PY_BUILD_MAP;
        if (!genexp)
            emit(c, build, 0);
        int32_t *ends = mt_alloc_atomic(gens->count * sizeof *ends);
        int32_t *loops = mt_alloc_atomic(gens->count * sizeof *loops);
        for (size_t i = 0; i < gens->count; i++) {
            const py_node *g = gens->items[i];
            position p = at(c, g->v.comprehension.iter);
            if (i == 0) {
                emit(c, PY_LOAD_FAST, 0);
            } else {
                expr(c, g->v.comprehension.iter);
                emit(c, PY_GET_ITER, 0);
            }
            loops[i] = new_label(c);
            ends[i] = new_label(c);
            bind(c, loops[i]);
            emit(c, PY_FOR_ITER, ends[i]);
            store(c, g->v.comprehension.target);
            for (size_t k = 0; k < py_seq_len(g->v.comprehension.ifs); k++) {
                expr(c, g->v.comprehension.ifs->items[k]);
                emit(c, PY_JUMP_IF_FALSE, loops[i]);
            }
            restore(c, p);
        }
        size_t depth = gens->count; /* iterators above the result */
        if (genexp) {
            expr(c, n->v.GeneratorExp.elt);
            emit(c, PY_YIELD_VALUE, 0);
            emit(c, PY_POP_TOP, 0);
        } else if (n->kind == PY_AST_DictComp) {
            expr(c, n->v.DictComp.key);
            expr(c, n->v.DictComp.value);
            emit(c, PY_MAP_ADD, (int32_t)depth + 1);
        } else {
            expr(c, n->v.ListComp.elt);
            emit(c, n->kind == PY_AST_ListComp ? PY_LIST_APPEND : PY_SET_ADD, (int32_t)depth + 1);
        }
        for (size_t i = gens->count; i-- > 0;) {
            emit(c, PY_JUMP_BACK, loops[i]);
            bind(c, ends[i]);
        }
        if (genexp)
            load_const(c, py_none);
        emit(c, PY_RETURN, 0);
    }
    if (scope->generator)
        flags |= PY_CO_GENERATOR;
    py_code *code = finish_unit(c, flags, (uint32_t)n->lineno);
    code->doc = doc;
    code->nargs = fake.nargs;
    code->nposonly = fake.nposonly;
    code->nkwonly = fake.nkwonly;
    if (!(flags & (PY_CO_VARARGS | PY_CO_VARKEYWORDS)) && !code->nkwonly) {
        bool cell_param = false;
        for (uint32_t i = 0; i < scope->nsymbols; i++)
            cell_param |= scope->symbols[i].kind == PY_NAME_CELL && (scope->symbols[i].flags & PY_SYM_PARAM);
        if (!cell_param)
            code->flags |= PY_CO_SIMPLE_ARGS;
    }
    (void)inner;
    c->u = outer;
    load_const(c, (py_val)code);
    emit(c, PY_MAKE_FUNCTION, (int32_t)fnflags);
}

py_code *py_compile_module(py_node *module_node, py_module *module, const char *filename,
                           const char *source, size_t size, py_syntax_error *err)
{
    py_scope *scope = py_symtable_build(module_node, filename, source, size, err);
    if (!scope)
        return NULL;
    compiler c = {filename, source, size, err, false, module, NULL};
    enter_unit(&c, scope, "<module>", py_str_intern("<module>"), NULL);
    stmts(&c, module_node->v.Module.body);
    if (c.failed)
        return NULL;
    py_code *code = finish_unit(&c, PY_CO_MODULE, 1);
    if (code)
        code->doc = docstring(module_node->v.Module.body);
    return c.failed ? NULL : code;
}
