/* py_parser.h — state and helpers shared by the parser's files
 * (py_parse.c: entry, tokens, errors, targets; py_parse_expr.c;
 * py_parse_stmt.c; py_parse_pattern.c; py_parse_string.c).
 *
 * Errors unwind with longjmp to the innermost handler: the top-level entry,
 * or a speculative parse that backs up and tries another reading. */
#ifndef PY_PARSER_H
#define PY_PARSER_H

#include <setjmp.h>

#include "py_ast.h"
#include "py_parse.h"
#include "py_token.h"

/* How a parse attempt stopped.  A mismatch is a rule that did not match
 * (backtracking undoes it); a raised error (a specific message, an error in
 * a literal) or the tokenizer's error ends the whole parse, as in CPython. */
typedef enum {
    PY_FAILED_MISMATCH,
    PY_FAILED_AT_INDENT, /* a mismatch at INDENT/DEDENT: "unexpected indent" */
    PY_FAILED_RAISED,
    PY_FAILED_TOKENIZER,
} py_failure;

typedef struct py_parser {
    const py_token_list *list;
    const py_token *tokens;
    size_t pos;
    size_t furthest;          /* the furthest token the plain rules looked at */
    size_t furthest_any;      /* ... and the invalid_* lookaheads (CPython's fill - 1) */
    const char *source;       /* normalized: \n line ends, NUL at source[size] */
    size_t size;
    const char *filename;
    int depth;
    jmp_buf *on_error;
    py_syntax_error error;
    py_failure failure;
    int line_shift;           /* f-string expressions: lines before the expression */
    int col_shift;            /* and the column of its first line */
    bool in_fstring;
    bool no_invalid;          /* inside a lookahead for an error message: plain rules only */
    int skip_juxtaposed_at;   /* the depth of an expression not checked for `a b` */
    py_node *trailer_value;   /* the primary a call or subscript applies to */
    const py_token *trailer_start;
} py_parser;

/* ---- tokens (py_parse.c) ---- */
const py_token *py_peek(py_parser *p, size_t ahead);
static inline const py_token *py_cur(py_parser *p) { return py_peek(p, 0); }
const py_token *py_advance(py_parser *p);
const py_token *py_prev(const py_parser *p); /* the last consumed token */
bool py_at_op(py_parser *p, py_operator_code op);
bool py_at_kw(py_parser *p, py_keyword_code kw);
bool py_accept_op(py_parser *p, py_operator_code op);
bool py_accept_kw(py_parser *p, py_keyword_code kw);
const py_token *py_expect_op(py_parser *p, py_operator_code op);
const py_token *py_expect_kw(py_parser *p, py_keyword_code kw);
bool py_at_name(py_parser *p);                      /* a NAME that is not a keyword */
bool py_token_is_soft(const py_token *t, const char *word);
const char *py_expect_name(py_parser *p);
const char *py_token_text(const py_token *t);       /* a copy of the token's bytes */

/* ---- nodes ---- */
py_node *py_new_at(py_parser *p, py_ast_kind kind, const py_token *start);
py_node *py_new_from(py_parser *p, py_ast_kind kind, const py_node *start);
void py_set_end(py_parser *p, py_node *n);          /* end at the last consumed token */

/* ---- errors: none of these return ---- */
/* "invalid syntax" at the furthest token, as CPython's generic error */
__attribute__((noreturn)) void py_fail_generic(py_parser *p);
/* RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR at the furthest token */
__attribute__((noreturn)) void py_fail_here(py_parser *p, py_error_kind kind, const char *msg);
/* RAISE_SYNTAX_ERROR_KNOWN_LOCATION on a token or a node */
__attribute__((noreturn)) void py_fail_token(py_parser *p, const py_token *t, const char *msg);
__attribute__((noreturn)) void py_fail_node(py_parser *p, const py_node *n, const char *msg);
/* RAISE_SYNTAX_ERROR_KNOWN_RANGE: from a's start to b's end */
__attribute__((noreturn)) void py_fail_range(py_parser *p, int lineno, int col, int end_lineno,
                                             int end_col, const char *msg);
__attribute__((noreturn)) void py_fail_error(py_parser *p, const py_syntax_error *err);

/* Nesting guard for recursive rules (a clean error instead of a C stack overflow). */
void py_enter(py_parser *p);
static inline void py_leave(py_parser *p) { p->depth--; }

/* Run `rule` speculatively: if it does not match, back up to where it
 * started and return NULL; raised errors go on unwinding. */
py_node *py_try(py_parser *p, py_node *(*rule)(py_parser *p));

/* ---- targets (py_parse.c) ---- */
typedef enum { PY_TARGET_STAR, PY_TARGET_FOR, PY_TARGET_DEL } py_target_kind;
const char *py_expr_name(const py_node *e);
/* CPython's _PyPegen_get_invalid_target: the sub-expression that cannot be a target. */
const py_node *py_invalid_target(const py_node *e, py_target_kind kind);
/* Give a valid target (and its elements) the Store or Del context. */
void py_set_context(py_node *e, py_expr_context ctx);
/* Check and convert an assignment / for / del target, with CPython's message. */
void py_make_target(py_parser *p, py_node *e, py_target_kind kind);

/* ---- expressions (py_parse_expr.c) ---- */
py_node *py_expression(py_parser *p);
py_node *py_named_expression(py_parser *p);
py_node *py_star_expressions(py_parser *p);
py_node *py_star_named_expression(py_parser *p);
py_node *py_star_targets(py_parser *p);   /* parsed as expressions, not yet checked */
py_node *py_star_target(py_parser *p);
py_node *py_bitwise_or(py_parser *p);
py_node *py_disjunction(py_parser *p);
py_node *py_yield_expr(py_parser *p);
py_node *py_primary(py_parser *p);
/* '(' arguments ')' after `func`, which started at `start` */
py_node *py_arguments_call(py_parser *p, py_node *func, const py_token *start);
py_node *py_parameters(py_parser *p, bool lambda);      /* an `arguments` node */
py_seq *py_comprehension_clauses(py_parser *p);
/* The target after `for`, in the Store context, with CPython's messages. */
py_node *py_for_target(py_parser *p);
bool py_is_bitwise_or_level(const py_node *e);
/* After a named_expression position failed on '=': CPython's
 * invalid_named_expression messages. */
void py_check_named_assignment(py_parser *p, py_node *e, const py_token *start);

/* ---- strings and numbers (py_parse_string.c) ---- */
py_node *py_strings(py_parser *p);
py_node *py_number(py_parser *p);

/* ---- statements (py_parse_stmt.c) ---- */
py_seq *py_statements_until_end(py_parser *p);
py_seq *py_simple_statements(py_parser *p);
py_seq *py_block(py_parser *p, const char *what, int lineno);

/* ---- match patterns (py_parse_pattern.c) ---- */
py_node *py_match_statement(py_parser *p); /* NULL when `match` is a name here */

/* Parse the text of an f-string expression with a sub-parser; errors are
 * reported with CPython's "f-string: " prefix and the copied line. */
py_node *py_parse_fstring_expression(py_parser *p, const char *text, size_t len, int lineno,
                                     int col);

#endif
