/* py_ast.h — the Python 3.11 abstract syntax tree.
 *
 * Node kinds and field names follow CPython's Parser/Python.asdl for 3.11.
 * PY_AST_NODES is the one list of kinds and fields: the node structs, the
 * dumper's field tables and the kind names are all expanded from it.  Every
 * field is one machine word, so field i of a node sits at word i of `v`. */
#ifndef PY_AST_H
#define PY_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* A sequence of nodes, identifiers or operator codes; NULL is the empty one. */
typedef struct py_seq {
    size_t count;
    void *items[];
} py_seq;

static inline size_t py_seq_len(const py_seq *seq) { return seq ? seq->count : 0; }

typedef enum {
    PY_CONST_NONE,
    PY_CONST_TRUE,
    PY_CONST_FALSE,
    PY_CONST_ELLIPSIS,
    PY_CONST_INT,
    PY_CONST_FLOAT,
    PY_CONST_COMPLEX, /* an imaginary literal: 0 + value j */
    PY_CONST_STR,
    PY_CONST_BYTES,
} py_constant_kind;

typedef struct py_constant {
    py_constant_kind kind;
    /* INT: the literal's digits without prefix or underscores, in `base`;
     * `fits` says whether `small` holds the value. */
    const char *digits;
    int base;
    bool fits;
    int64_t small;
    double number;        /* FLOAT, COMPLEX (the imaginary part) */
    const char *bytes;    /* STR (UTF-8; lone surrogates as 3-byte sequences), BYTES */
    size_t length;
} py_constant;

/* Operator and context enums; values index the name tables in py_ast.c. */
#define PY_EXPR_CONTEXTS(X) X(Load) X(Store) X(Del)
#define PY_BOOLOPS(X) X(And) X(Or)
#define PY_BINOPS(X)                                                                     \
    X(Add) X(Sub) X(Mult) X(MatMult) X(Div) X(Mod) X(Pow) X(LShift) X(RShift) X(BitOr)  \
    X(BitXor) X(BitAnd) X(FloorDiv)
#define PY_UNARYOPS(X) X(Invert) X(Not) X(UAdd) X(USub)
#define PY_CMPOPS(X) X(Eq) X(NotEq) X(Lt) X(LtE) X(Gt) X(GtE) X(Is) X(IsNot) X(In) X(NotIn)

#define PY_ENUM_MEMBER(name) PY_##name,
typedef enum { PY_EXPR_CONTEXTS(PY_ENUM_MEMBER) } py_expr_context;
typedef enum { PY_BOOLOPS(PY_ENUM_MEMBER) } py_boolop;
typedef enum { PY_BINOPS(PY_ENUM_MEMBER) } py_binop;
typedef enum { PY_UNARYOPS(PY_ENUM_MEMBER) } py_unaryop;
typedef enum { PY_CMPOPS(PY_ENUM_MEMBER) } py_cmpop;
#undef PY_ENUM_MEMBER

/* Field types.  `*_opt` fields may be NULL (ast.dump leaves them out);
 * `seq_expr_or_none` may hold NULL items (Dict.keys, kw_defaults). */
#define PY_CTYPE_node struct py_node *
#define PY_CTYPE_node_opt struct py_node *
#define PY_CTYPE_seq py_seq *
#define PY_CTYPE_seq_or_none py_seq *
#define PY_CTYPE_identifier const char *
#define PY_CTYPE_identifier_opt const char *
#define PY_CTYPE_identifiers py_seq *
#define PY_CTYPE_constant py_constant *
#define PY_CTYPE_string_opt const char *
#define PY_CTYPE_int long
#define PY_CTYPE_ctx long
#define PY_CTYPE_boolop long
#define PY_CTYPE_binop long
#define PY_CTYPE_unaryop long
#define PY_CTYPE_cmpops py_seq *

/* Every node kind in ASDL order: NODE(Kind, fields), F(type, name). */
#define PY_AST_NODES(NODE, F)                                                           \
    NODE(Module, F(seq, body) F(seq, type_ignores))                                     \
    NODE(FunctionDef, F(identifier, name) F(node, args) F(seq, body)                    \
         F(seq, decorator_list) F(node_opt, returns) F(string_opt, type_comment))       \
    NODE(AsyncFunctionDef, F(identifier, name) F(node, args) F(seq, body)               \
         F(seq, decorator_list) F(node_opt, returns) F(string_opt, type_comment))       \
    NODE(ClassDef, F(identifier, name) F(seq, bases) F(seq, keywords) F(seq, body)      \
         F(seq, decorator_list))                                                        \
    NODE(Return, F(node_opt, value))                                                    \
    NODE(Delete, F(seq, targets))                                                       \
    NODE(Assign, F(seq, targets) F(node, value) F(string_opt, type_comment))            \
    NODE(AugAssign, F(node, target) F(binop, op) F(node, value))                        \
    NODE(AnnAssign, F(node, target) F(node, annotation) F(node_opt, value) F(int, simple)) \
    NODE(For, F(node, target) F(node, iter) F(seq, body) F(seq, orelse)                 \
         F(string_opt, type_comment))                                                   \
    NODE(AsyncFor, F(node, target) F(node, iter) F(seq, body) F(seq, orelse)            \
         F(string_opt, type_comment))                                                   \
    NODE(While, F(node, test) F(seq, body) F(seq, orelse))                              \
    NODE(If, F(node, test) F(seq, body) F(seq, orelse))                                 \
    NODE(With, F(seq, items) F(seq, body) F(string_opt, type_comment))                  \
    NODE(AsyncWith, F(seq, items) F(seq, body) F(string_opt, type_comment))             \
    NODE(Match, F(node, subject) F(seq, cases))                                         \
    NODE(Raise, F(node_opt, exc) F(node_opt, cause))                                    \
    NODE(Try, F(seq, body) F(seq, handlers) F(seq, orelse) F(seq, finalbody))           \
    NODE(TryStar, F(seq, body) F(seq, handlers) F(seq, orelse) F(seq, finalbody))       \
    NODE(Assert, F(node, test) F(node_opt, msg))                                        \
    NODE(Import, F(seq, names))                                                         \
    NODE(ImportFrom, F(identifier_opt, module) F(seq, names) F(int, level))             \
    NODE(Global, F(identifiers, names))                                                 \
    NODE(Nonlocal, F(identifiers, names))                                               \
    NODE(Expr, F(node, value))                                                          \
    NODE(Pass, )                                                                        \
    NODE(Break, )                                                                       \
    NODE(Continue, )                                                                    \
    NODE(BoolOp, F(boolop, op) F(seq, values))                                          \
    NODE(NamedExpr, F(node, target) F(node, value))                                     \
    NODE(BinOp, F(node, left) F(binop, op) F(node, right))                              \
    NODE(UnaryOp, F(unaryop, op) F(node, operand))                                      \
    NODE(Lambda, F(node, args) F(node, body))                                           \
    NODE(IfExp, F(node, test) F(node, body) F(node, orelse))                            \
    NODE(Dict, F(seq_or_none, keys) F(seq, values))                                     \
    NODE(Set, F(seq, elts))                                                             \
    NODE(ListComp, F(node, elt) F(seq, generators))                                     \
    NODE(SetComp, F(node, elt) F(seq, generators))                                      \
    NODE(DictComp, F(node, key) F(node, value) F(seq, generators))                      \
    NODE(GeneratorExp, F(node, elt) F(seq, generators))                                 \
    NODE(Await, F(node, value))                                                         \
    NODE(Yield, F(node_opt, value))                                                     \
    NODE(YieldFrom, F(node, value))                                                     \
    NODE(Compare, F(node, left) F(cmpops, ops) F(seq, comparators))                     \
    NODE(Call, F(node, func) F(seq, args) F(seq, keywords))                             \
    NODE(FormattedValue, F(node, value) F(int, conversion) F(node_opt, format_spec))    \
    NODE(JoinedStr, F(seq, values))                                                     \
    NODE(Constant, F(constant, value) F(string_opt, kind))                              \
    NODE(Attribute, F(node, value) F(identifier, attr) F(ctx, ctx))                     \
    NODE(Subscript, F(node, value) F(node, slice) F(ctx, ctx))                          \
    NODE(Starred, F(node, value) F(ctx, ctx))                                           \
    NODE(Name, F(identifier, id) F(ctx, ctx))                                           \
    NODE(List, F(seq, elts) F(ctx, ctx))                                                \
    NODE(Tuple, F(seq, elts) F(ctx, ctx))                                               \
    NODE(Slice, F(node_opt, lower) F(node_opt, upper) F(node_opt, step))                \
    NODE(comprehension, F(node, target) F(node, iter) F(seq, ifs) F(int, is_async))     \
    NODE(ExceptHandler, F(node_opt, type) F(identifier_opt, name) F(seq, body))         \
    NODE(arguments, F(seq, posonlyargs) F(seq, args) F(node_opt, vararg)                \
         F(seq, kwonlyargs) F(seq_or_none, kw_defaults) F(node_opt, kwarg) F(seq, defaults)) \
    NODE(arg, F(identifier, arg) F(node_opt, annotation) F(string_opt, type_comment))   \
    NODE(keyword, F(identifier_opt, arg) F(node, value))                                \
    NODE(alias, F(identifier, name) F(identifier_opt, asname))                          \
    NODE(withitem, F(node, context_expr) F(node_opt, optional_vars))                    \
    NODE(match_case, F(node, pattern) F(node_opt, guard) F(seq, body))                  \
    NODE(MatchValue, F(node, value))                                                    \
    NODE(MatchSingleton, F(constant, value))                                            \
    NODE(MatchSequence, F(seq, patterns))                                               \
    NODE(MatchMapping, F(seq, keys) F(seq, patterns) F(identifier_opt, rest))           \
    NODE(MatchClass, F(node, cls) F(seq, patterns) F(identifiers, kwd_attrs)            \
         F(seq, kwd_patterns))                                                          \
    NODE(MatchStar, F(identifier_opt, name))                                            \
    NODE(MatchAs, F(node_opt, pattern) F(identifier_opt, name))                         \
    NODE(MatchOr, F(seq, patterns))

typedef enum {
#define PY_AST_KIND(kind, fields) PY_AST_##kind,
    PY_AST_NODES(PY_AST_KIND, )
#undef PY_AST_KIND
    PY_AST_KIND_COUNT
} py_ast_kind;

typedef struct py_node {
    py_ast_kind kind;
    int lineno, col_offset;         /* col: 0-based UTF-8 byte offset, as CPython */
    int end_lineno, end_col_offset;
    union {
#define PY_AST_FIELD(type, name) PY_CTYPE_##type name;
#define PY_AST_STRUCT(kind, fields) struct { fields } kind;
        PY_AST_NODES(PY_AST_STRUCT, PY_AST_FIELD)
#undef PY_AST_STRUCT
#undef PY_AST_FIELD
        void *words[7];
    } v;
} py_node;

typedef py_node py_expr;
typedef py_node py_stmt;

/* A new node of `kind` spanning the given positions; fields zeroed. */
py_node *py_node_new(py_ast_kind kind, int lineno, int col_offset, int end_lineno,
                     int end_col_offset);

/* Sequences: py_seq_append returns the (possibly moved) sequence. */
py_seq *py_seq_new(size_t count);
py_seq *py_seq_append(py_seq *seq, void *item);

const char *py_ast_kind_name(py_ast_kind kind);

/* Decimal digits of an int constant (for printing and for building a bignum). */
const char *py_constant_int_decimal(const py_constant *c);

/* Move every position in `tree` down `lines` lines; columns on the tree's
 * first line (line 1 before the move) also move right by `cols`.  For trees
 * parsed from a copied piece of source, such as an f-string expression. */
void py_ast_shift(py_node *tree, int lines, int cols);

/* Write `tree` exactly as CPython 3.11's ast.dump(tree) prints it, or with
 * `positions` as ast.dump(tree, include_attributes=True). */
void py_ast_dump(const py_node *tree, bool positions, FILE *out);

#endif
