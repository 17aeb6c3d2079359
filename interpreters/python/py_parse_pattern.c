/* py_parse_pattern.c — the match statement and its patterns (PEP 634):
 * literal, capture, wildcard, value, group, sequence, mapping, class, star,
 * or- and as-patterns.  `match` and `case` are soft keywords: a line that
 * does not parse as a match header is an ordinary statement. */
#include <string.h>

#include "mt.h"
#include "py_parser.h"

static py_node *pattern(py_parser *p);
static py_node *closed_pattern(py_parser *p);

static py_node *pattern_node(py_parser *p, py_ast_kind kind, const py_token *start)
{
    return py_new_at(p, kind, start);
}

static bool at_soft(py_parser *p, const char *word) { return py_token_is_soft(py_cur(p), word); }

static bool next_is_op(py_parser *p, size_t ahead, py_operator_code op)
{
    const py_token *t = py_peek(p, ahead);
    return t->type == PY_TOK_OP && t->code == (int)op;
}

/* ---- literals ------------------------------------------------------------------ */

static bool is_imaginary(const py_node *e)
{
    return e->kind == PY_AST_Constant && e->v.Constant.value->kind == PY_CONST_COMPLEX;
}

/* signed_number ['+'|'-' imaginary]: -1, 2.5, 1+2j, -1-2j */
static py_node *number_literal(py_parser *p)
{
    const py_token *start = py_cur(p);
    py_node *e;
    if (py_accept_op(p, PY_OP_MINUS)) {
        if (py_cur(p)->type != PY_TOK_NUMBER)
            py_fail_generic(p);
        py_node *operand = py_number(p);
        e = py_new_at(p, PY_AST_UnaryOp, start);
        e->v.UnaryOp.op = PY_USub;
        e->v.UnaryOp.operand = operand;
    } else {
        if (start->type != PY_TOK_NUMBER)
            py_fail_generic(p);
        e = py_number(p);
    }
    if (!py_at_op(p, PY_OP_PLUS) && !py_at_op(p, PY_OP_MINUS))
        return e;
    int op = py_at_op(p, PY_OP_PLUS) ? PY_Add : PY_Sub;
    const py_node *real = e->kind == PY_AST_UnaryOp ? e->v.UnaryOp.operand : e;
    if (is_imaginary(real))
        py_fail_node(p, e, "real number required in complex literal");
    py_advance(p);
    if (py_cur(p)->type != PY_TOK_NUMBER)
        py_fail_generic(p);
    py_node *imag = py_number(p);
    if (!is_imaginary(imag))
        py_fail_node(p, imag, "imaginary number required in complex literal");
    py_node *n = py_new_at(p, PY_AST_BinOp, start);
    n->v.BinOp.left = e;
    n->v.BinOp.op = op;
    n->v.BinOp.right = imag;
    return n;
}

/* A literal as an expression: numbers, strings, None/True/False (mapping
 * keys and MatchValue). */
static py_node *literal_expression(py_parser *p)
{
    const py_token *t = py_cur(p);
    if (t->type == PY_TOK_STRING)
        return py_strings(p); /* f-strings too: the compiler rejects them */
    if (t->type == PY_TOK_NAME &&
        (t->code == PY_KW_NONE_ || t->code == PY_KW_TRUE || t->code == PY_KW_FALSE))
        return py_primary(p);
    return number_literal(p);
}

/* NAME ('.' NAME)* as Name / Attribute loads. */
static py_node *name_or_attribute(py_parser *p)
{
    const py_token *start = py_cur(p);
    const char *id = py_expect_name(p);
    py_node *e = py_new_at(p, PY_AST_Name, start);
    e->v.Name.id = id;
    e->v.Name.ctx = PY_Load;
    while (py_accept_op(p, PY_OP_DOT)) {
        const char *attr = py_expect_name(p);
        py_node *a = py_new_from(p, PY_AST_Attribute, e);
        a->v.Attribute.value = e;
        a->v.Attribute.attr = attr;
        a->v.Attribute.ctx = PY_Load;
        e = a;
    }
    return e;
}

/* ---- compound patterns ----------------------------------------------------------- */

static py_node *star_pattern(py_parser *p)
{
    const py_token *start = py_expect_op(p, PY_OP_STAR);
    const char *name = py_expect_name(p);
    py_node *n = pattern_node(p, PY_AST_MatchStar, start);
    n->v.MatchStar.name = strcmp(name, "_") ? name : NULL;
    return n;
}

static py_node *maybe_star_pattern(py_parser *p)
{
    return py_at_op(p, PY_OP_STAR) ? star_pattern(p) : pattern(p);
}

/* Sequence elements up to `close`; the first may already be parsed. */
static py_seq *sequence_elements(py_parser *p, py_seq *patterns, py_operator_code close)
{
    while (!py_at_op(p, close)) {
        patterns = py_seq_append(patterns, maybe_star_pattern(p));
        if (!py_accept_op(p, PY_OP_COMMA))
            break;
    }
    py_expect_op(p, close);
    return patterns;
}

static py_node *sequence_node(py_parser *p, const py_token *start, py_seq *patterns)
{
    py_node *n = pattern_node(p, PY_AST_MatchSequence, start);
    n->v.MatchSequence.patterns = patterns;
    return n;
}

static py_node *paren_pattern(py_parser *p)
{
    const py_token *start = py_expect_op(p, PY_OP_LPAR);
    if (py_accept_op(p, PY_OP_RPAR))
        return sequence_node(p, start, NULL);
    py_node *first = maybe_star_pattern(p);
    if (first->kind != PY_AST_MatchStar && py_accept_op(p, PY_OP_RPAR))
        return first;
    py_expect_op(p, PY_OP_COMMA);
    return sequence_node(p, start, sequence_elements(p, py_seq_append(NULL, first), PY_OP_RPAR));
}

static py_node *list_pattern(py_parser *p)
{
    const py_token *start = py_expect_op(p, PY_OP_LSQB);
    return sequence_node(p, start, sequence_elements(p, NULL, PY_OP_RSQB));
}

static py_node *mapping_pattern(py_parser *p)
{
    const py_token *start = py_expect_op(p, PY_OP_LBRACE);
    py_seq *keys = NULL, *patterns = NULL;
    const char *rest = NULL;
    while (!py_at_op(p, PY_OP_RBRACE)) {
        if (rest)
            py_fail_generic(p); /* **rest comes last */
        if (py_accept_op(p, PY_OP_DOUBLESTAR)) {
            if (py_token_is_soft(py_cur(p), "_"))
                py_fail_generic(p);
            rest = py_expect_name(p);
        } else {
            const py_token *t = py_cur(p);
            py_node *key = t->type == PY_TOK_NAME && t->code == PY_KW_NONE ? name_or_attribute(p)
                                                                           : literal_expression(p);
            if (key->kind == PY_AST_Name)
                py_fail_generic(p);
            py_expect_op(p, PY_OP_COLON);
            keys = py_seq_append(keys, key);
            patterns = py_seq_append(patterns, pattern(p));
        }
        if (!py_accept_op(p, PY_OP_COMMA))
            break;
    }
    py_expect_op(p, PY_OP_RBRACE);
    py_node *n = pattern_node(p, PY_AST_MatchMapping, start);
    n->v.MatchMapping.keys = keys;
    n->v.MatchMapping.patterns = patterns;
    n->v.MatchMapping.rest = rest;
    return n;
}

static py_node *class_pattern(py_parser *p, py_node *cls, const py_token *start)
{
    py_expect_op(p, PY_OP_LPAR);
    py_seq *patterns = NULL, *kwd_attrs = NULL, *kwd_patterns = NULL;
    py_node *first_late = NULL, *last_late = NULL;
    while (!py_at_op(p, PY_OP_RPAR)) {
        if (py_at_name(p) && next_is_op(p, 1, PY_OP_EQUAL)) {
            kwd_attrs = py_seq_append(kwd_attrs, (void *)py_expect_name(p));
            py_advance(p);
            kwd_patterns = py_seq_append(kwd_patterns, pattern(p));
        } else {
            py_node *positional = pattern(p);
            if (kwd_attrs) {
                first_late = first_late ? first_late : positional;
                last_late = positional;
            }
            patterns = py_seq_append(patterns, positional);
        }
        if (!py_accept_op(p, PY_OP_COMMA))
            break;
    }
    if (first_late && py_at_op(p, PY_OP_RPAR))
        py_fail_range(p, first_late->lineno, first_late->col_offset, last_late->end_lineno,
                      last_late->end_col_offset, "positional patterns follow keyword patterns");
    py_expect_op(p, PY_OP_RPAR);
    py_node *n = pattern_node(p, PY_AST_MatchClass, start);
    n->v.MatchClass.cls = cls;
    n->v.MatchClass.patterns = patterns;
    n->v.MatchClass.kwd_attrs = kwd_attrs;
    n->v.MatchClass.kwd_patterns = kwd_patterns;
    return n;
}

/* A pattern starting with a name: wildcard, capture, value or class. */
static py_node *name_pattern(py_parser *p)
{
    const py_token *start = py_cur(p);
    bool dotted = next_is_op(p, 1, PY_OP_DOT), call = next_is_op(p, 1, PY_OP_LPAR);
    if (!dotted && !call) {
        const char *name = py_expect_name(p);
        py_node *n = pattern_node(p, PY_AST_MatchAs, start);
        n->v.MatchAs.name = strcmp(name, "_") ? name : NULL;
        return n;
    }
    py_node *value = name_or_attribute(p);
    if (py_at_op(p, PY_OP_LPAR))
        return class_pattern(p, value, start);
    py_node *n = pattern_node(p, PY_AST_MatchValue, start);
    n->v.MatchValue.value = value;
    return n;
}

static py_node *closed_pattern(py_parser *p)
{
    const py_token *t = py_cur(p);
    if (t->type == PY_TOK_NAME && t->code == PY_KW_NONE)
        return name_pattern(p);
    if (t->type == PY_TOK_NAME &&
        (t->code == PY_KW_NONE_ || t->code == PY_KW_TRUE || t->code == PY_KW_FALSE)) {
        py_advance(p);
        py_node *n = pattern_node(p, PY_AST_MatchSingleton, t);
        py_constant *c = mt_alloc(sizeof *c);
        c->kind = t->code == PY_KW_NONE_ ? PY_CONST_NONE : t->code == PY_KW_TRUE ? PY_CONST_TRUE
                                                                            : PY_CONST_FALSE;
        n->v.MatchSingleton.value = c;
        return n;
    }
    if (t->type == PY_TOK_OP && t->code == PY_OP_LPAR)
        return paren_pattern(p);
    if (t->type == PY_TOK_OP && t->code == PY_OP_LSQB)
        return list_pattern(p);
    if (t->type == PY_TOK_OP && t->code == PY_OP_LBRACE)
        return mapping_pattern(p);
    if (t->type == PY_TOK_STRING || t->type == PY_TOK_NUMBER ||
        (t->type == PY_TOK_OP && t->code == PY_OP_MINUS)) {
        py_node *value = literal_expression(p);
        py_node *n = pattern_node(p, PY_AST_MatchValue, t);
        n->v.MatchValue.value = value;
        return n;
    }
    py_fail_generic(p);
}

static py_node *or_pattern(py_parser *p)
{
    const py_token *start = py_cur(p);
    py_node *first = closed_pattern(p);
    if (!py_at_op(p, PY_OP_VBAR))
        return first;
    py_seq *patterns = py_seq_append(NULL, first);
    while (py_accept_op(p, PY_OP_VBAR))
        patterns = py_seq_append(patterns, closed_pattern(p));
    py_node *n = pattern_node(p, PY_AST_MatchOr, start);
    n->v.MatchOr.patterns = patterns;
    return n;
}

static py_node *pattern(py_parser *p)
{
    py_enter(p);
    const py_token *start = py_cur(p);
    py_node *inner = or_pattern(p);
    if (py_accept_kw(p, PY_KW_AS)) {
        const py_token *target = py_cur(p);
        if (py_token_is_soft(target, "_"))
            py_fail_token(p, target, "cannot use '_' as a target");
        if (!py_at_name(p)) {
            py_node *e = py_expression(p);
            py_fail_node(p, e, "invalid pattern target");
        }
        const char *name = py_expect_name(p);
        py_node *n = pattern_node(p, PY_AST_MatchAs, start);
        n->v.MatchAs.pattern = inner;
        n->v.MatchAs.name = name;
        inner = n;
    }
    py_leave(p);
    return inner;
}

/* patterns: an open sequence (a, *b) or one pattern. */
static py_node *case_patterns(py_parser *p)
{
    const py_token *start = py_cur(p);
    py_node *first = maybe_star_pattern(p);
    if (!py_at_op(p, PY_OP_COMMA)) {
        if (first->kind == PY_AST_MatchStar)
            py_fail_generic(p);
        return first;
    }
    py_seq *patterns = py_seq_append(NULL, first);
    while (py_accept_op(p, PY_OP_COMMA) && !py_at_op(p, PY_OP_COLON) && !py_at_kw(p, PY_KW_IF))
        patterns = py_seq_append(patterns, maybe_star_pattern(p));
    return sequence_node(p, start, patterns);
}

static py_node *case_block(py_parser *p)
{
    const py_token *start = py_advance(p);
    py_node *pat = case_patterns(p);
    py_node *guard = py_accept_kw(p, PY_KW_IF) ? py_named_expression(p) : NULL;
    if (py_cur(p)->type == PY_TOK_NEWLINE)
        py_fail_here(p, PY_SYNTAX_ERROR, "expected ':'");
    py_expect_op(p, PY_OP_COLON);
    py_seq *body = py_block(p, "'case' statement", start->lineno);
    py_node *c = pattern_node(p, PY_AST_match_case, start);
    c->v.match_case.pattern = pat;
    c->v.match_case.guard = guard;
    c->v.match_case.body = body;
    return c;
}

/* ---- the statement ---------------------------------------------------------------- */

/* subject_expr: star_named_expression ',' star_named_expressions? | named_expression */
static py_node *match_subject(py_parser *p)
{
    py_advance(p);
    const py_token *start = py_cur(p);
    py_node *first = py_star_named_expression(p);
    if (!py_at_op(p, PY_OP_COMMA)) {
        if (first->kind == PY_AST_Starred)
            py_fail_generic(p);
        return first;
    }
    py_seq *elts = py_seq_append(NULL, first);
    while (py_accept_op(p, PY_OP_COMMA) && !py_at_op(p, PY_OP_COLON) &&
           py_cur(p)->type != PY_TOK_NEWLINE)
        elts = py_seq_append(elts, py_star_named_expression(p));
    py_node *t = py_new_at(p, PY_AST_Tuple, start);
    t->v.Tuple.elts = elts;
    t->v.Tuple.ctx = PY_Load;
    return t;
}

static py_node *simple_statement_line(py_parser *p)
{
    py_simple_statements(p);
    return py_node_new(PY_AST_Pass, 0, 0, 0, 0);
}

py_node *py_match_statement(py_parser *p)
{
    const py_token *start = py_cur(p);
    size_t saved = p->pos;
    py_node *subject = py_try(p, match_subject);
    if (!subject)
        return NULL;
    if (py_cur(p)->type == PY_TOK_NEWLINE) {
        p->pos = saved;
        if (py_try(p, simple_statement_line)) {
            p->pos = saved;
            return NULL;
        }
        py_fail_here(p, PY_SYNTAX_ERROR, "expected ':'");
    }
    if (!py_at_op(p, PY_OP_COLON)) {
        p->pos = saved;
        return NULL;
    }
    py_advance(p);
    if (py_cur(p)->type != PY_TOK_NEWLINE)
        py_fail_generic(p);
    py_advance(p);
    if (py_cur(p)->type != PY_TOK_INDENT)
        py_fail_here(p, PY_INDENTATION_ERROR,
                     py_error_format("expected an indented block after 'match' statement on line %d",
                                     start->lineno));
    py_advance(p);
    py_seq *cases = NULL;
    while (at_soft(p, "case"))
        cases = py_seq_append(cases, case_block(p));
    if (!cases || py_cur(p)->type != PY_TOK_DEDENT)
        py_fail_generic(p);
    py_advance(p);
    py_node *n = py_new_at(p, PY_AST_Match, start);
    n->v.Match.subject = subject;
    n->v.Match.cases = cases;
    const py_node *last_case = cases->items[cases->count - 1];
    py_seq *body = last_case->v.match_case.body;
    const py_node *last = body->items[body->count - 1];
    n->end_lineno = last->end_lineno;
    n->end_col_offset = last->end_col_offset;
    return n;
}
