/* py_parse.c — the parser's entry point and shared machinery: the token
 * cursor, node positions, CPython's error locations, speculative parsing,
 * assignment targets and the sub-parser for f-string expressions. */
#include <string.h>

#include "mt.h"
#include "py_parser.h"

/* Deeper recursion than this is refused; CPython's parser stops near 6000
 * rule calls (its stack limit), but one of our levels is a smaller frame. */
enum { MAX_DEPTH = 3000 };

/* ---- errors ----------------------------------------------------------------- */

__attribute__((noreturn)) static void fail(py_parser *p, const py_syntax_error *err,
                                           py_failure failure)
{
    p->error = *err;
    p->failure = failure;
    longjmp(*p->on_error, 1);
}

__attribute__((noreturn)) void py_fail_error(py_parser *p, const py_syntax_error *err)
{
    fail(p, err, PY_FAILED_RAISED);
}

/* Error at 1-based byte columns (0 end: one caret). */
static py_syntax_error error_at(py_parser *p, py_error_kind kind, const char *msg, int lineno,
                                int col, int end_lineno, int end_col)
{
    py_syntax_error err;
    py_syntax_error_at(&err, kind, msg, p->filename, p->source, p->size, lineno, col, end_lineno,
                       end_col, false);
    return err;
}

__attribute__((noreturn)) static void fail_at(py_parser *p, py_error_kind kind, const char *msg,
                                              int lineno, int col, int end_lineno, int end_col)
{
    py_syntax_error err = error_at(p, kind, msg, lineno, col, end_lineno, end_col);
    fail(p, &err, PY_FAILED_RAISED);
}

/* The column of an INDENT/DEDENT token (stored as -1): its first character. */
static int indentation_col(const py_parser *p, const py_token *t)
{
    const char *line = t->start;
    while (line > p->source && line[-1] != '\n')
        line--;
    return (int)(t->start - line);
}

__attribute__((noreturn)) void py_fail_generic(py_parser *p)
{
    const py_token *t = &p->tokens[p->furthest];
    py_syntax_error err;
    if (t->type == PY_TOK_INDENT || t->type == PY_TOK_DEDENT) {
        err = error_at(p, PY_INDENTATION_ERROR,
                       t->type == PY_TOK_INDENT ? "unexpected indent" : "unexpected unindent",
                       t->lineno, indentation_col(p, t), t->lineno, 0);
        fail(p, &err, PY_FAILED_AT_INDENT);
    }
    err = error_at(p, PY_SYNTAX_ERROR, "invalid syntax", t->lineno, t->col + 1, t->end_lineno,
                   t->end_col + 1);
    fail(p, &err, PY_FAILED_MISMATCH);
}
/* CPython's RAISE_SYNTAX_ERROR covers the furthest token read, lookaheads
 * included; an IndentationError, or a token without columns, gets one caret. */
__attribute__((noreturn)) void py_fail_here(py_parser *p, py_error_kind kind, const char *msg)
{
    const py_token *t = &p->tokens[p->furthest_any];
    if (t->col < 0)
        fail_at(p, kind, msg, t->lineno, t->type == PY_TOK_ENDMARKER ? 0 : indentation_col(p, t),
                t->lineno, 0);
    fail_at(p, kind, msg, t->lineno, t->col + 1, t->end_lineno,
            kind == PY_SYNTAX_ERROR ? t->end_col + 1 : 0);
}

__attribute__((noreturn)) void py_fail_token(py_parser *p, const py_token *t, const char *msg)
{
    fail_at(p, PY_SYNTAX_ERROR, msg, t->lineno, t->col + 1, t->end_lineno, t->end_col + 1);
}

__attribute__((noreturn)) void py_fail_node(py_parser *p, const py_node *n, const char *msg)
{
    fail_at(p, PY_SYNTAX_ERROR, msg, n->lineno, n->col_offset + 1, n->end_lineno,
            n->end_col_offset + 1);
}

__attribute__((noreturn)) void py_fail_range(py_parser *p, int lineno, int col, int end_lineno,
                                             int end_col, const char *msg)
{
    fail_at(p, PY_SYNTAX_ERROR, msg, lineno, col + 1, end_lineno, end_col + 1);
}

void py_enter(py_parser *p)
{
    if (++p->depth > MAX_DEPTH)
        py_fail_token(p, py_cur(p), "too many nested expressions: the parser's stack limit");
}

/* ---- tokens ----------------------------------------------------------------- */

const py_token *py_peek(py_parser *p, size_t ahead)
{
    size_t index = p->pos + ahead;
    if (index >= p->list->count)
        index = p->list->count - 1;
    if (index > p->furthest)
        p->furthest = index;
    if (index > p->furthest_any)
        p->furthest_any = index;
    const py_token *t = &p->tokens[index];
    if (t->type == PY_TOK_ERROR)
        fail(p, &p->list->error, PY_FAILED_TOKENIZER);
    return t;
}

const py_token *py_advance(py_parser *p)
{
    const py_token *t = py_cur(p);
    if (t->type != PY_TOK_ENDMARKER)
        p->pos++;
    return t;
}

const py_token *py_prev(const py_parser *p) { return &p->tokens[p->pos ? p->pos - 1 : 0]; }

bool py_at_op(py_parser *p, py_operator_code op)
{
    const py_token *t = py_cur(p);
    return t->type == PY_TOK_OP && t->code == (int)op;
}

bool py_at_kw(py_parser *p, py_keyword_code kw)
{
    const py_token *t = py_cur(p);
    return t->type == PY_TOK_NAME && t->code == (int)kw;
}

bool py_accept_op(py_parser *p, py_operator_code op)
{
    if (!py_at_op(p, op))
        return false;
    py_advance(p);
    return true;
}

bool py_accept_kw(py_parser *p, py_keyword_code kw)
{
    if (!py_at_kw(p, kw))
        return false;
    py_advance(p);
    return true;
}

const py_token *py_expect_op(py_parser *p, py_operator_code op)
{
    if (!py_at_op(p, op))
        py_fail_generic(p);
    return py_advance(p);
}

const py_token *py_expect_kw(py_parser *p, py_keyword_code kw)
{
    if (!py_at_kw(p, kw))
        py_fail_generic(p);
    return py_advance(p);
}

bool py_at_name(py_parser *p)
{
    const py_token *t = py_cur(p);
    return t->type == PY_TOK_NAME && t->code == PY_KW_NONE;
}

bool py_token_is_soft(const py_token *t, const char *word)
{
    size_t n = strlen(word);
    return t->type == PY_TOK_NAME && (size_t)(t->end - t->start) == n && !memcmp(t->start, word, n);
}

const char *py_token_text(const py_token *t)
{
    size_t n = (size_t)(t->end - t->start);
    char *s = mt_alloc_atomic(n + 1);
    memcpy(s, t->start, n);
    s[n] = '\0';
    return s;
}

const char *py_expect_name(py_parser *p)
{
    if (!py_at_name(p))
        py_fail_generic(p);
    return py_token_text(py_advance(p));
}

/* ---- nodes ------------------------------------------------------------------ */

py_node *py_new_at(py_parser *p, py_ast_kind kind, const py_token *start)
{
    const py_token *end = py_prev(p);
    return py_node_new(kind, start->lineno, start->col, end->end_lineno, end->end_col);
}

py_node *py_new_from(py_parser *p, py_ast_kind kind, const py_node *start)
{
    const py_token *end = py_prev(p);
    return py_node_new(kind, start->lineno, start->col_offset, end->end_lineno, end->end_col);
}

void py_set_end(py_parser *p, py_node *n)
{
    const py_token *end = py_prev(p);
    n->end_lineno = end->end_lineno;
    n->end_col_offset = end->end_col;
}

py_node *py_try(py_parser *p, py_node *(*rule)(py_parser *p))
{
    jmp_buf handler;
    jmp_buf *outer = p->on_error;
    size_t start = p->pos;
    int depth = p->depth, skip_juxtaposed_at = p->skip_juxtaposed_at;
    bool no_invalid = p->no_invalid;
    p->on_error = &handler;
    if (setjmp(handler)) {
        p->on_error = outer;
        p->no_invalid = no_invalid;
        p->skip_juxtaposed_at = skip_juxtaposed_at;
        if (p->failure != PY_FAILED_MISMATCH && p->failure != PY_FAILED_AT_INDENT)
            longjmp(*outer, 1);
        p->pos = start;
        p->depth = depth;
        return NULL;
    }
    py_node *n = rule(p);
    p->on_error = outer;
    return n;
}

/* ---- targets ---------------------------------------------------------------- */

const char *py_expr_name(const py_node *e)
{
    switch (e->kind) {
    case PY_AST_Attribute:
        return "attribute";
    case PY_AST_Subscript:
        return "subscript";
    case PY_AST_Starred:
        return "starred";
    case PY_AST_Name:
        return "name";
    case PY_AST_List:
        return "list";
    case PY_AST_Tuple:
        return "tuple";
    case PY_AST_Lambda:
        return "lambda";
    case PY_AST_Call:
        return "function call";
    case PY_AST_BoolOp:
    case PY_AST_BinOp:
    case PY_AST_UnaryOp:
        return "expression";
    case PY_AST_GeneratorExp:
        return "generator expression";
    case PY_AST_Yield:
    case PY_AST_YieldFrom:
        return "yield expression";
    case PY_AST_Await:
        return "await expression";
    case PY_AST_ListComp:
        return "list comprehension";
    case PY_AST_SetComp:
        return "set comprehension";
    case PY_AST_DictComp:
        return "dict comprehension";
    case PY_AST_Dict:
        return "dict literal";
    case PY_AST_Set:
        return "set display";
    case PY_AST_JoinedStr:
    case PY_AST_FormattedValue:
        return "f-string expression";
    case PY_AST_Constant:
        switch (e->v.Constant.value->kind) {
        case PY_CONST_NONE:
            return "None";
        case PY_CONST_TRUE:
            return "True";
        case PY_CONST_FALSE:
            return "False";
        case PY_CONST_ELLIPSIS:
            return "ellipsis";
        default:
            return "literal";
        }
    case PY_AST_Compare:
        return "comparison";
    case PY_AST_IfExp:
        return "conditional expression";
    case PY_AST_NamedExpr:
        return "named expression";
    default:
        return "expression";
    }
}

const py_node *py_invalid_target(const py_node *e, py_target_kind kind)
{
    switch (e->kind) {
    case PY_AST_List:
    case PY_AST_Tuple: {
        py_seq *elts = e->kind == PY_AST_List ? e->v.List.elts : e->v.Tuple.elts;
        for (size_t i = 0; i < py_seq_len(elts); i++) {
            const py_node *bad = py_invalid_target(elts->items[i], kind);
            if (bad)
                return bad;
        }
        return NULL;
    }
    case PY_AST_Starred:
        return kind == PY_TARGET_DEL ? e : py_invalid_target(e->v.Starred.value, kind);
    case PY_AST_Compare:
        if (kind == PY_TARGET_FOR) {
            if ((intptr_t)e->v.Compare.ops->items[0] == PY_In)
                return py_invalid_target(e->v.Compare.left, kind);
            return NULL;
        }
        return e;
    case PY_AST_Name:
    case PY_AST_Subscript:
    case PY_AST_Attribute:
        return NULL;
    default:
        return e;
    }
}

void py_set_context(py_node *e, py_expr_context ctx)
{
    switch (e->kind) {
    case PY_AST_Name:
        e->v.Name.ctx = ctx;
        break;
    case PY_AST_Attribute:
        e->v.Attribute.ctx = ctx;
        break;
    case PY_AST_Subscript:
        e->v.Subscript.ctx = ctx;
        break;
    case PY_AST_Starred:
        e->v.Starred.ctx = ctx;
        py_set_context(e->v.Starred.value, ctx);
        break;
    case PY_AST_List:
    case PY_AST_Tuple: {
        py_seq *elts = e->kind == PY_AST_List ? e->v.List.elts : e->v.Tuple.elts;
        e->v.List.ctx = ctx; /* List and Tuple share the field layout */
        for (size_t i = 0; i < py_seq_len(elts); i++)
            py_set_context(elts->items[i], ctx);
        break;
    }
    default:
        break;
    }
}

void py_make_target(py_parser *p, py_node *e, py_target_kind kind)
{
    const py_node *bad = py_invalid_target(e, kind);
    if (bad)
        py_fail_node(p, bad,
                     py_error_format(kind == PY_TARGET_DEL ? "cannot delete %s" : "cannot assign to %s",
                                     py_expr_name(bad)));
    py_set_context(e, kind == PY_TARGET_DEL ? PY_Del : PY_Store);
}

/* ---- entry points ------------------------------------------------------------- */

/* \r\n and \r become \n, as CPython's universal newlines; the copy is
 * NUL-terminated and ends with a newline unless empty. */
static char *normalize_newlines(const char *source, size_t size, size_t *out_size)
{
    char *copy = mt_alloc_atomic(size + 2);
    size_t n = 0;
    for (size_t i = 0; i < size; i++) {
        if (source[i] == '\r') {
            copy[n++] = '\n';
            if (i + 1 < size && source[i + 1] == '\n')
                i++;
        } else {
            copy[n++] = source[i];
        }
    }
    if (n > 0 && copy[n - 1] != '\n')
        copy[n++] = '\n';
    copy[n] = '\0';
    *out_size = n;
    return copy;
}

static void start_parser(py_parser *p, const char *source, size_t size, const char *filename,
                         py_token_list *list)
{
    memset(p, 0, sizeof *p);
    p->source = source;
    p->size = size;
    p->filename = filename;
    py_tokenize(source, size, filename, list);
    p->list = list;
    p->tokens = list->tokens;
}

/* The error CPython reports when the parser stopped before the tokenizer's
 * error: CPython then tokenizes the rest of the file, and a tokenizer error
 * there wins, except over "unexpected indent" and except an EOF inside
 * brackets opened on or after the line the parser stopped at. */
static py_syntax_error reported_error(const py_parser *p)
{
    const py_token_list *list = p->list;
    if (p->failure == PY_FAILED_TOKENIZER || p->failure == PY_FAILED_AT_INDENT)
        return p->error;
    if (list->has_number_warning && list->number_warning_token > p->furthest_any)
        return list->number_warning;
    if (!list->failed)
        return p->error;
    if (list->error_overrides)
        return list->error;
    if (!list->error_at_eof)
        return p->error;
    bool brackets_open_before = list->open_bracket_line > 0 &&
                                p->tokens[p->furthest_any].lineno > list->open_bracket_line;
    return brackets_open_before ? list->error : p->error;
}

py_node *py_parse_module(const char *source, size_t size, const char *filename,
                         py_syntax_error *err)
{
    py_parser *p = mt_alloc(sizeof *p);
    py_token_list *list = mt_alloc(sizeof *list);
    size_t normalized_size;
    const char *normalized = normalize_newlines(source, size, &normalized_size);
    start_parser(p, normalized, normalized_size, filename, list);
    jmp_buf handler;
    p->on_error = &handler;
    if (setjmp(handler)) {
        *err = reported_error(p);
        return NULL;
    }
    const py_token *first = py_cur(p);
    py_seq *body = py_statements_until_end(p);
    py_node *module = py_node_new(PY_AST_Module, first->lineno, 0, 0, 0);
    module->v.Module.body = body;
    return module;
}

py_node *py_parse_fstring_expression(py_parser *p, const char *text, size_t len, int lineno,
                                     int col)
{
    char *source = mt_alloc_atomic(len + 3);
    source[0] = '(';
    memcpy(source + 1, text, len);
    source[len + 1] = ')';
    source[len + 2] = '\0';
    py_parser *sub = mt_alloc(sizeof *sub);
    py_token_list *list = mt_alloc(sizeof *list);
    start_parser(sub, source, len + 2, p->filename, list);
    sub->in_fstring = true;
    sub->depth = p->depth;
    py_syntax_error err;
    py_node *e = NULL;
    if (list->failed && !list->error_at_eof) {
        err = list->error;
    } else {
        jmp_buf handler;
        sub->on_error = &handler;
        if (setjmp(handler))
            err = sub->error;
        else
            e = py_star_expressions(sub);
    }
    if (!e) {
        err.message = py_error_format("f-string: %s", err.message);
        if (err.lineno > 0) {
            err.lineno += lineno - 1;
            err.end_lineno += lineno - 1;
        }
        py_fail_error(p, &err);
    }
    py_ast_shift(e, lineno - 1, col - 1);
    return e;
}
