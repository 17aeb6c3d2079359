/* py_parse_expr.c — expressions, one function per rule of CPython 3.11's
 * grammar (named_expression, expression, disjunction ... primary, atom),
 * plus calls, subscripts, displays, comprehensions, lambda and parameter
 * lists.  The invalid_* rules CPython uses for better messages are checked
 * where the plain rules would fail. */
#include <string.h>

#include "mt.h"
#include "py_parser.h"

static py_node *atom(py_parser *p);

/* ---- small helpers ---------------------------------------------------------- */

static py_seq *seq_of(py_node *first) { return py_seq_append(NULL, first); }

static py_node *name_node(const py_token *t, py_expr_context ctx)
{
    py_node *n = py_node_new(PY_AST_Name, t->lineno, t->col, t->end_lineno, t->end_col);
    n->v.Name.id = py_token_text(t);
    n->v.Name.ctx = ctx;
    return n;
}

/* Whether `t` can begin an expression (used to find where comma lists end). */
static bool starts_expression(const py_token *t)
{
    switch (t->type) {
    case PY_TOK_NUMBER:
    case PY_TOK_STRING:
        return true;
    case PY_TOK_NAME:
        return t->code == PY_KW_NONE || t->code == PY_KW_NOT || t->code == PY_KW_LAMBDA ||
               t->code == PY_KW_AWAIT || t->code == PY_KW_NONE_ || t->code == PY_KW_TRUE ||
               t->code == PY_KW_FALSE;
    case PY_TOK_OP:
        return t->code == PY_OP_LPAR || t->code == PY_OP_LSQB || t->code == PY_OP_LBRACE ||
               t->code == PY_OP_MINUS || t->code == PY_OP_PLUS || t->code == PY_OP_TILDE ||
               t->code == PY_OP_STAR || t->code == PY_OP_ELLIPSIS;
    default:
        return false;
    }
}

static py_node *tuple_of(py_parser *p, py_seq *elts, const py_token *start)
{
    py_node *t = py_new_at(p, PY_AST_Tuple, start);
    t->v.Tuple.elts = elts;
    t->v.Tuple.ctx = PY_Load;
    return t;
}

bool py_is_bitwise_or_level(const py_node *e)
{
    switch (e->kind) {
    case PY_AST_Compare:
    case PY_AST_BoolOp:
    case PY_AST_IfExp:
    case PY_AST_Lambda:
    case PY_AST_NamedExpr:
    case PY_AST_Starred:
        return false;
    case PY_AST_UnaryOp:
        return e->v.UnaryOp.op != PY_Not;
    default:
        return true;
    }
}

/* ---- the invalid_* checks ------------------------------------------------- */

static py_node *expression_without_invalid(py_parser *p)
{
    bool saved = p->no_invalid;
    p->no_invalid = true;
    py_node *e = py_expression(p);
    p->no_invalid = saved;
    return e;
}

/* The leftmost atom of an expression. */
static const py_node *leftmost(const py_node *e)
{
    for (;;) {
        switch (e->kind) {
        case PY_AST_BinOp:
            e = e->v.BinOp.left;
            break;
        case PY_AST_Attribute:
            e = e->v.Attribute.value;
            break;
        case PY_AST_Subscript:
            e = e->v.Subscript.value;
            break;
        case PY_AST_Call:
            e = e->v.Call.func;
            break;
        default:
            return e;
        }
    }
}

/* CPython's lookahead !(list|tuple|genexp|'True'|'None'|'False') at `start`. */
static bool starts_with_display(const py_node *e, const py_token *start)
{
    if (start->type == PY_TOK_NAME &&
        (start->code == PY_KW_TRUE || start->code == PY_KW_NONE_ || start->code == PY_KW_FALSE))
        return true;
    const py_node *first = leftmost(e);
    bool display = first->kind == PY_AST_List || first->kind == PY_AST_GeneratorExp ||
                   (first->kind == PY_AST_Tuple && start->type == PY_TOK_OP &&
                    start->code == PY_OP_LPAR);
    return display && first->lineno == start->lineno && first->col_offset == start->col;
}

void py_check_named_assignment(py_parser *p, py_node *e, const py_token *start)
{
    if (p->no_invalid || !py_at_op(p, PY_OP_EQUAL))
        return;
    bool is_name = e->kind == PY_AST_Name && start->end == start->start + strlen(e->v.Name.id) &&
                   e->col_offset == start->col;
    if (!is_name && (!py_is_bitwise_or_level(e) || starts_with_display(e, start)))
        return;
    size_t saved = p->pos, furthest = p->furthest;
    py_advance(p);
    py_node *value = py_try(p, py_bitwise_or);
    if (value && !py_at_op(p, PY_OP_EQUAL) && !py_at_op(p, PY_OP_COLONEQUAL)) {
        if (is_name)
            py_fail_range(p, e->lineno, e->col_offset, value->end_lineno, value->end_col_offset,
                          "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        py_fail_node(p, e,
                     py_error_format("cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                     py_expr_name(e)));
    }
    p->pos = saved;
    p->furthest = furthest;
}

static py_node *star_expressions_rule(py_parser *p) { return py_star_expressions(p); }

static py_node *star_expressions_without_invalid(py_parser *p)
{
    bool saved = p->no_invalid;
    p->no_invalid = true;
    py_node *e = py_star_expressions(p);
    p->no_invalid = saved;
    return e;
}
static py_node *expression_rule(py_parser *p) { return py_expression(p); }

/* The lookaheads of check_juxtaposed, in CPython's order: invalid_expression
 * (`a b` inside brackets: a missing comma), then invalid_legacy_expression
 * (`print x`; any other name followed by an expression is read too, which
 * can reach an error further on, as in CPython). */
static void look_for_juxtaposed(py_parser *p, py_node *a, const py_token *start)
{
    size_t saved = p->pos;
    bool single_name = a->kind == PY_AST_Name && start->type == PY_TOK_NAME &&
                       start == &p->tokens[saved - 1];
    bool legacy = single_name && (!strcmp(a->v.Name.id, "print") || !strcmp(a->v.Name.id, "exec"));
    bool soft = py_token_is_soft(start, "match") || py_token_is_soft(start, "case") ||
                py_token_is_soft(start, "_");
    bool comma_check = !(single_name && py_cur(p)->type == PY_TOK_STRING) && !soft;
    if (comma_check) {
        py_node *b = py_try(p, expression_without_invalid);
        if (b && !legacy && py_prev(p)->level > 0)
            py_fail_range(p, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset,
                          "invalid syntax. Perhaps you forgot a comma?");
        p->pos = saved;
    }
    if (single_name && !py_at_op(p, PY_OP_LPAR)) {
        /* CPython memoizes the expression the comma check just read without
         * the invalid_* rules, and reuses it here */
        py_node *b = py_try(p, comma_check ? star_expressions_without_invalid : star_expressions_rule);
        if (b && legacy)
            py_fail_range(p, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset,
                          py_error_format("Missing parentheses in call to '%s'. Did you mean %s(...)?",
                                          a->v.Name.id, a->v.Name.id));
        p->pos = saved;
    }
}

/* invalid_expression and invalid_legacy_expression: an expression directly
 * followed by another one.  Like all the invalid_* lookaheads, it leaves the
 * furthest token where the plain rules left it (CPython's first pass). */
static void check_juxtaposed(py_parser *p, py_node *a, const py_token *start)
{
    if (p->no_invalid || p->skip_juxtaposed_at == p->depth || !starts_expression(py_cur(p)))
        return;
    size_t furthest = p->furthest;
    look_for_juxtaposed(p, a, start);
    p->furthest = furthest;
}

/* ---- expression levels -------------------------------------------------------- */

static py_node *lambdef(py_parser *p)
{
    const py_token *start = py_expect_kw(p, PY_KW_LAMBDA);
    py_node *args = py_parameters(p, true);
    py_expect_op(p, PY_OP_COLON);
    py_node *body = py_expression(p);
    py_node *n = py_new_at(p, PY_AST_Lambda, start);
    n->v.Lambda.args = args;
    n->v.Lambda.body = body;
    return n;
}

py_node *py_expression(py_parser *p)
{
    py_enter(p);
    if (py_at_kw(p, PY_KW_LAMBDA)) {
        py_node *lambda = lambdef(p);
        py_leave(p);
        return lambda;
    }
    const py_token *start = py_cur(p);
    py_node *e = py_disjunction(p);
    if (py_accept_kw(p, PY_KW_IF)) {
        py_node *test = py_disjunction(p);
        if (!py_at_kw(p, PY_KW_ELSE) && !py_at_op(p, PY_OP_COLON) && !p->no_invalid)
            py_fail_range(p, e->lineno, e->col_offset, test->end_lineno, test->end_col_offset,
                          "expected 'else' after 'if' expression");
        py_expect_kw(p, PY_KW_ELSE);
        py_node *orelse = py_expression(p);
        py_node *n = py_new_at(p, PY_AST_IfExp, start);
        n->v.IfExp.test = test;
        n->v.IfExp.body = e;
        n->v.IfExp.orelse = orelse;
        e = n;
    } else {
        check_juxtaposed(p, e, start);
    }
    py_leave(p);
    return e;
}

/* assignment_expression | expression, without the invalid_* checks of
 * named_expression (call arguments, where `=` means a keyword). */
static py_node *walrus_or_expression(py_parser *p)
{
    const py_token *start = py_cur(p);
    if (py_at_name(p) && py_peek(p, 1)->type == PY_TOK_OP && py_peek(p, 1)->code == PY_OP_COLONEQUAL) {
        py_node *target = name_node(py_advance(p), PY_Store);
        py_advance(p);
        py_node *value = py_expression(p);
        py_node *n = py_new_at(p, PY_AST_NamedExpr, start);
        n->v.NamedExpr.target = target;
        n->v.NamedExpr.value = value;
        return n;
    }
    return py_expression(p);
}

py_node *py_named_expression(py_parser *p)
{
    const py_token *start = py_cur(p);
    if (py_at_name(p) && py_peek(p, 1)->type == PY_TOK_OP && py_peek(p, 1)->code == PY_OP_COLONEQUAL)
        return walrus_or_expression(p);
    py_node *e = py_expression(p);
    if (py_at_op(p, PY_OP_COLONEQUAL) && !p->no_invalid) {
        /* invalid_named_expression: `expr := expr` must parse first */
        size_t saved = p->pos;
        py_advance(p);
        if (py_try(p, expression_rule))
            py_fail_node(p, e, py_error_format("cannot use assignment expressions with %s",
                                               py_expr_name(e)));
        p->pos = saved;
    }
    py_check_named_assignment(p, e, start);
    return e;
}

static py_node *bool_op(py_parser *p, py_keyword_code kw, py_boolop op,
                        py_node *(*operand)(py_parser *p))
{
    const py_token *start = py_cur(p);
    py_node *first = operand(p);
    if (!py_at_kw(p, kw))
        return first;
    py_seq *values = seq_of(first);
    while (py_accept_kw(p, kw))
        values = py_seq_append(values, operand(p));
    py_node *n = py_new_at(p, PY_AST_BoolOp, start);
    n->v.BoolOp.op = op;
    n->v.BoolOp.values = values;
    return n;
}

static py_node *comparison(py_parser *p);

static py_node *inversion(py_parser *p)
{
    if (!py_at_kw(p, PY_KW_NOT))
        return comparison(p);
    py_enter(p);
    const py_token *start = py_advance(p);
    py_node *operand = inversion(p);
    py_node *n = py_new_at(p, PY_AST_UnaryOp, start);
    n->v.UnaryOp.op = PY_Not;
    n->v.UnaryOp.operand = operand;
    py_leave(p);
    return n;
}

static py_node *conjunction(py_parser *p) { return bool_op(p, PY_KW_AND, PY_And, inversion); }

py_node *py_disjunction(py_parser *p) { return bool_op(p, PY_KW_OR, PY_Or, conjunction); }

/* The comparison operator at the cursor (consumed), or -1. */
static int compare_op(py_parser *p)
{
    const py_token *t = py_cur(p);
    int op = -1;
    if (t->type == PY_TOK_OP) {
        switch (t->code) {
        case PY_OP_EQEQUAL: op = PY_Eq; break;
        case PY_OP_NOTEQUAL: op = PY_NotEq; break;
        case PY_OP_LESS: op = PY_Lt; break;
        case PY_OP_LESSEQUAL: op = PY_LtE; break;
        case PY_OP_GREATER: op = PY_Gt; break;
        case PY_OP_GREATEREQUAL: op = PY_GtE; break;
        default: return -1;
        }
        py_advance(p);
        return op;
    }
    if (t->type != PY_TOK_NAME)
        return -1;
    if (t->code == PY_KW_IN) {
        py_advance(p);
        return PY_In;
    }
    if (t->code == PY_KW_IS) {
        py_advance(p);
        return py_accept_kw(p, PY_KW_NOT) ? PY_IsNot : PY_Is;
    }
    if (t->code == PY_KW_NOT && py_peek(p, 1)->type == PY_TOK_NAME && py_peek(p, 1)->code == PY_KW_IN) {
        py_advance(p);
        py_advance(p);
        return PY_NotIn;
    }
    return -1;
}

static py_node *comparison(py_parser *p)
{
    const py_token *start = py_cur(p);
    py_node *left = py_bitwise_or(p);
    py_seq *ops = NULL, *comparators = NULL;
    for (;;) {
        size_t before = p->pos;
        int op = compare_op(p);
        if (op < 0)
            break;
        py_node *right = py_try(p, py_bitwise_or);
        if (!right) {
            p->pos = before;
            break;
        }
        ops = py_seq_append(ops, (void *)(intptr_t)op);
        comparators = py_seq_append(comparators, right);
    }
    if (!ops)
        return left;
    py_node *n = py_new_at(p, PY_AST_Compare, start);
    n->v.Compare.left = left;
    n->v.Compare.ops = ops;
    n->v.Compare.comparators = comparators;
    return n;
}

/* The binary operator of `level` at the cursor, or -1. */
typedef enum { LEVEL_OR, LEVEL_XOR, LEVEL_AND, LEVEL_SHIFT, LEVEL_SUM, LEVEL_TERM } binary_level;

static int binary_op_at(py_parser *p, binary_level level)
{
    const py_token *t = py_cur(p);
    if (t->type != PY_TOK_OP)
        return -1;
    switch (level) {
    case LEVEL_OR:
        return t->code == PY_OP_VBAR ? PY_BitOr : -1;
    case LEVEL_XOR:
        return t->code == PY_OP_CIRCUMFLEX ? PY_BitXor : -1;
    case LEVEL_AND:
        return t->code == PY_OP_AMPER ? PY_BitAnd : -1;
    case LEVEL_SHIFT:
        return t->code == PY_OP_LEFTSHIFT ? PY_LShift : t->code == PY_OP_RIGHTSHIFT ? PY_RShift : -1;
    case LEVEL_SUM:
        return t->code == PY_OP_PLUS ? PY_Add : t->code == PY_OP_MINUS ? PY_Sub : -1;
    case LEVEL_TERM:
        switch (t->code) {
        case PY_OP_STAR: return PY_Mult;
        case PY_OP_SLASH: return PY_Div;
        case PY_OP_DOUBLESLASH: return PY_FloorDiv;
        case PY_OP_PERCENT: return PY_Mod;
        case PY_OP_AT: return PY_MatMult;
        default: return -1;
        }
    }
    return -1;
}

static py_node *factor(py_parser *p);

static py_node *binary(py_parser *p, binary_level level);
static py_node *xor_level(py_parser *p) { return binary(p, LEVEL_XOR); }
static py_node *and_level(py_parser *p) { return binary(p, LEVEL_AND); }
static py_node *shift_level(py_parser *p) { return binary(p, LEVEL_SHIFT); }
static py_node *sum_level(py_parser *p) { return binary(p, LEVEL_SUM); }
static py_node *term_level(py_parser *p) { return binary(p, LEVEL_TERM); }

/* The operand rule below each level. */
static py_node *(*const operand_rules[])(py_parser *p) = {
    [LEVEL_OR] = xor_level,     [LEVEL_XOR] = and_level, [LEVEL_AND] = shift_level,
    [LEVEL_SHIFT] = sum_level,  [LEVEL_SUM] = term_level, [LEVEL_TERM] = factor,
};

/* Left-associative binary operators, lowest level first.  As in a PEG, an
 * operator whose right operand does not parse is left for the caller.
 * Each operator of a chain nests the tree one level deeper, so it counts
 * as nesting. */
static py_node *binary(py_parser *p, binary_level level)
{
    const py_token *start = py_cur(p);
    py_node *left = operand_rules[level](p);
    int op, chain = 0;
    while ((op = binary_op_at(p, level)) >= 0) {
        size_t before = p->pos;
        py_enter(p);
        chain++;
        py_advance(p);
        py_node *right = py_try(p, operand_rules[level]);
        if (!right) {
            p->pos = before;
            break;
        }
        py_node *n = py_new_at(p, PY_AST_BinOp, start);
        n->v.BinOp.left = left;
        n->v.BinOp.op = op;
        n->v.BinOp.right = right;
        left = n;
    }
    p->depth -= chain;
    return left;
}

py_node *py_bitwise_or(py_parser *p) { return binary(p, LEVEL_OR); }

static py_node *await_primary(py_parser *p)
{
    if (!py_at_kw(p, PY_KW_AWAIT))
        return py_primary(p);
    const py_token *start = py_advance(p);
    py_node *value = py_primary(p);
    py_node *n = py_new_at(p, PY_AST_Await, start);
    n->v.Await.value = value;
    return n;
}

/* power: await_primary ['**' factor] — `**` binds tighter than a unary
 * minus on its left and takes one on its right. */
static py_node *power(py_parser *p)
{
    const py_token *start = py_cur(p);
    py_node *left = await_primary(p);
    if (!py_accept_op(p, PY_OP_DOUBLESTAR))
        return left;
    py_enter(p);
    py_node *right = factor(p);
    py_leave(p);
    py_node *n = py_new_at(p, PY_AST_BinOp, start);
    n->v.BinOp.left = left;
    n->v.BinOp.op = PY_Pow;
    n->v.BinOp.right = right;
    return n;
}

static py_node *factor(py_parser *p)
{
    const py_token *t = py_cur(p);
    int op = -1;
    if (t->type == PY_TOK_OP)
        op = t->code == PY_OP_PLUS ? PY_UAdd : t->code == PY_OP_MINUS ? PY_USub
           : t->code == PY_OP_TILDE ? PY_Invert : -1;
    if (op < 0)
        return power(p);
    py_enter(p);
    py_advance(p);
    py_node *operand = factor(p);
    py_node *n = py_new_at(p, PY_AST_UnaryOp, t);
    n->v.UnaryOp.op = op;
    n->v.UnaryOp.operand = operand;
    py_leave(p);
    return n;
}

/* ---- star expressions and lists of them -------------------------------------- */

static py_node *starred(py_parser *p, py_node *(*value_rule)(py_parser *p))
{
    const py_token *start = py_expect_op(p, PY_OP_STAR);
    py_enter(p);
    py_node *value = value_rule(p);
    py_leave(p);
    py_node *n = py_new_at(p, PY_AST_Starred, start);
    n->v.Starred.value = value;
    n->v.Starred.ctx = PY_Load;
    return n;
}

static py_node *star_expression(py_parser *p)
{
    if (py_at_op(p, PY_OP_STAR))
        return starred(p, py_bitwise_or);
    return py_expression(p);
}

py_node *py_star_named_expression(py_parser *p)
{
    if (py_at_op(p, PY_OP_STAR))
        return starred(p, py_bitwise_or);
    return py_named_expression(p);
}

/* element (',' element)* [','] — a tuple when there is a comma. */
static py_node *comma_list(py_parser *p, py_node *(*element)(py_parser *p))
{
    const py_token *start = py_cur(p);
    py_node *first = element(p);
    if (!py_at_op(p, PY_OP_COMMA))
        return first;
    py_seq *elts = seq_of(first);
    while (py_accept_op(p, PY_OP_COMMA) && starts_expression(py_cur(p)))
        elts = py_seq_append(elts, element(p));
    return tuple_of(p, elts, start);
}

py_node *py_star_expressions(py_parser *p) { return comma_list(p, star_expression); }

py_node *py_star_target(py_parser *p)
{
    if (py_at_op(p, PY_OP_STAR))
        return starred(p, py_star_target);
    return py_bitwise_or(p);
}

py_node *py_star_targets(py_parser *p) { return comma_list(p, py_star_target); }

py_node *py_yield_expr(py_parser *p)
{
    const py_token *start = py_expect_kw(p, PY_KW_YIELD);
    if (py_accept_kw(p, PY_KW_FROM)) {
        py_node *value = py_expression(p);
        py_node *n = py_new_at(p, PY_AST_YieldFrom, start);
        n->v.YieldFrom.value = value;
        return n;
    }
    py_node *value = starts_expression(py_cur(p)) ? py_star_expressions(p) : NULL;
    py_node *n = py_new_at(p, PY_AST_Yield, start);
    n->v.Yield.value = value;
    return n;
}

/* ---- comprehensions ----------------------------------------------------------- */

py_node *py_for_target(py_parser *p)
{
    size_t start = p->pos;
    py_node *target = py_star_targets(p);
    if (!py_invalid_target(target, PY_TARGET_FOR) && py_at_kw(p, PY_KW_IN)) {
        py_set_context(target, PY_Store);
        return target;
    }
    if (!p->no_invalid) {
        /* invalid_for_target: the same words read as star_expressions */
        size_t end = p->pos, furthest = p->furthest;
        p->pos = start;
        py_make_target(p, py_star_expressions(p), PY_TARGET_FOR);
        p->pos = end;
        p->furthest = furthest;
    }
    py_make_target(p, target, PY_TARGET_FOR);
    return target;
}

static bool at_for(py_parser *p)
{
    return py_at_kw(p, PY_KW_FOR) ||
           (py_at_kw(p, PY_KW_ASYNC) && py_peek(p, 1)->type == PY_TOK_NAME &&
            py_peek(p, 1)->code == PY_KW_FOR);
}

py_seq *py_comprehension_clauses(py_parser *p)
{
    py_seq *clauses = NULL;
    while (at_for(p)) {
        const py_token *start = py_cur(p);
        bool is_async = py_accept_kw(p, PY_KW_ASYNC);
        py_expect_kw(p, PY_KW_FOR);
        py_node *target = py_for_target(p);
        py_expect_kw(p, PY_KW_IN);
        py_node *iter = py_disjunction(p);
        py_seq *ifs = NULL;
        while (py_accept_kw(p, PY_KW_IF))
            ifs = py_seq_append(ifs, py_disjunction(p));
        py_node *c = py_new_at(p, PY_AST_comprehension, start);
        c->v.comprehension.target = target;
        c->v.comprehension.iter = iter;
        c->v.comprehension.ifs = ifs;
        c->v.comprehension.is_async = is_async;
        clauses = py_seq_append(clauses, c);
    }
    return clauses;
}

/* The end of the last part of the last clause (for error ranges). */
static const py_node *last_comprehension_item(py_seq *clauses)
{
    const py_node *last = clauses->items[clauses->count - 1];
    py_seq *ifs = last->v.comprehension.ifs;
    return py_seq_len(ifs) ? ifs->items[ifs->count - 1] : last->v.comprehension.iter;
}

static py_node *comprehension_node(py_parser *p, py_ast_kind kind, const py_token *start,
                                   py_node *elt)
{
    py_seq *generators = py_comprehension_clauses(p);
    py_node *n = py_new_at(p, kind, start);
    n->v.ListComp.elt = elt; /* ListComp, SetComp, GeneratorExp share the layout */
    n->v.ListComp.generators = generators;
    return n;
}

/* ---- atoms ------------------------------------------------------------------- */

static py_node *constant_node(const py_token *t, py_constant_kind kind)
{
    py_node *n = py_node_new(PY_AST_Constant, t->lineno, t->col, t->end_lineno, t->end_col);
    py_constant *c = mt_alloc(sizeof *c);
    c->kind = kind;
    n->v.Constant.value = c;
    return n;
}

static py_node *clauses_rule(py_parser *p)
{
    py_seq *clauses = py_comprehension_clauses(p);
    return clauses->items[clauses->count - 1];
}

/* Comprehension clauses read by an invalid_* rule, then `close` if it is
 * not -1: whether they parse.  Nothing moves: not the cursor, not the error
 * token of the plain rules. */
static bool lookahead_clauses(py_parser *p, int close)
{
    size_t pos = p->pos, furthest = p->furthest;
    bool parsed = py_try(p, clauses_rule) != NULL && (close < 0 || py_at_op(p, close));
    p->pos = pos;
    p->furthest = furthest;
    return parsed;
}

/* invalid_comprehension: `[*a for ...]`, once the clauses parse */
static void check_starred_comprehension(py_parser *p, const py_node *first)
{
    if (first && first->kind == PY_AST_Starred && at_for(p) && !p->no_invalid &&
        lookahead_clauses(p, -1))
        py_fail_node(p, first, "iterable unpacking cannot be used in comprehension");
}

/* The elements of a display up to `close`; the first is already parsed.
 * `[a, b for ...]` gets invalid_comprehension's message. */
static py_seq *display_elements(py_parser *p, py_node *first, py_operator_code close)
{
    py_seq *elts = first ? seq_of(first) : NULL;
    const py_token *comma = NULL;
    while (first && py_at_op(p, PY_OP_COMMA)) {
        comma = py_advance(p);
        if (py_at_op(p, close) || at_for(p))
            break;
        elts = py_seq_append(elts, py_star_named_expression(p));
        comma = NULL;
    }
    if (first && close != PY_OP_RPAR && at_for(p) && !p->no_invalid && lookahead_clauses(p, -1)) {
        const py_node *last = elts->items[elts->count - 1];
        if (comma && elts->count == 1)
            py_fail_range(p, first->lineno, first->col_offset, comma->end_lineno, comma->end_col,
                          "did you forget parentheses around the comprehension target?");
        py_fail_range(p, first->lineno, first->col_offset, last->end_lineno, last->end_col_offset,
                      "did you forget parentheses around the comprehension target?");
    }
    return elts;
}

/* invalid_group / invalid_comprehension checks on the first element. */
static void check_group_element(py_parser *p, const py_node *e)
{
    if (e->kind == PY_AST_Starred && py_at_op(p, PY_OP_RPAR))
        py_fail_node(p, e, "cannot use starred expression here");
}

static py_node *paren_atom(py_parser *p)
{
    const py_token *start = py_expect_op(p, PY_OP_LPAR);
    if (py_accept_op(p, PY_OP_RPAR)) {
        py_node *t = py_new_at(p, PY_AST_Tuple, start);
        t->v.Tuple.ctx = PY_Load;
        return t;
    }
    if (py_at_kw(p, PY_KW_YIELD)) {
        py_node *e = py_yield_expr(p);
        py_expect_op(p, PY_OP_RPAR);
        return e;
    }
    if (py_at_op(p, PY_OP_DOUBLESTAR) && !p->no_invalid) {
        /* invalid_group, read only in CPython's error pass */
        size_t furthest = p->furthest;
        const py_token *stars = py_advance(p);
        if (py_try(p, expression_rule) && py_at_op(p, PY_OP_RPAR))
            py_fail_token(p, stars, "cannot use double starred expression here");
        p->furthest = furthest;
        py_fail_generic(p);
    }
    py_node *first = py_star_named_expression(p);
    check_starred_comprehension(p, first);
    if (at_for(p)) {
        py_node *g = comprehension_node(p, PY_AST_GeneratorExp, start, first);
        py_expect_op(p, PY_OP_RPAR);
        py_set_end(p, g);
        return g;
    }
    if (!py_at_op(p, PY_OP_COMMA)) {
        check_group_element(p, first);
        py_expect_op(p, PY_OP_RPAR);
        return first;
    }
    py_seq *elts = display_elements(p, first, PY_OP_RPAR);
    py_expect_op(p, PY_OP_RPAR);
    py_node *t = py_new_at(p, PY_AST_Tuple, start);
    t->v.Tuple.elts = elts;
    t->v.Tuple.ctx = PY_Load;
    return t;
}

static py_node *list_atom(py_parser *p)
{
    const py_token *start = py_expect_op(p, PY_OP_LSQB);
    py_node *first = py_at_op(p, PY_OP_RSQB) ? NULL : py_star_named_expression(p);
    check_starred_comprehension(p, first);
    if (first && at_for(p)) {
        py_node *c = comprehension_node(p, PY_AST_ListComp, start, first);
        py_expect_op(p, PY_OP_RSQB);
        py_set_end(p, c);
        return c;
    }
    py_seq *elts = display_elements(p, first, PY_OP_RSQB);
    py_expect_op(p, PY_OP_RSQB);
    py_node *n = py_new_at(p, PY_AST_List, start);
    n->v.List.elts = elts;
    n->v.List.ctx = PY_Load;
    return n;
}

/* A dict value; `*x` there gets CPython's invalid_kvpair message. */
static py_node *dict_value(py_parser *p)
{
    if (py_at_op(p, PY_OP_STAR) && !p->no_invalid) {
        py_node *s = starred(p, py_bitwise_or);
        py_fail_node(p, s, "cannot use a starred expression in a dictionary value");
    }
    return py_expression(p);
}

/* One dict item: '**' bitwise_or (a None key) or key ':' value. */
static void dict_item(py_parser *p, py_seq **keys, py_seq **values)
{
    if (py_accept_op(p, PY_OP_DOUBLESTAR)) {
        *keys = py_seq_append(*keys, NULL);
        *values = py_seq_append(*values, py_bitwise_or(p));
        return;
    }
    /* after the first item, `k v` is "':' expected", not a missing comma */
    int saved_skip = p->skip_juxtaposed_at;
    if (*keys)
        p->skip_juxtaposed_at = p->depth + 1;
    py_node *key = py_expression(p);
    p->skip_juxtaposed_at = saved_skip;
    if (!py_at_op(p, PY_OP_COLON) && *keys && !p->no_invalid)
        py_fail_range(p, key->end_lineno, key->end_col_offset - 1, key->end_lineno, -2,
                      "':' expected after dictionary key");
    const py_token *colon = py_expect_op(p, PY_OP_COLON);
    if ((py_at_op(p, PY_OP_RBRACE) || py_at_op(p, PY_OP_COMMA)) && !p->no_invalid)
        py_fail_token(p, colon, "expression expected after dictionary key and ':'");
    *keys = py_seq_append(*keys, key);
    *values = py_seq_append(*values, dict_value(p));
}

static py_node *dict_rest(py_parser *p, const py_token *start, py_seq *keys, py_seq *values)
{
    while (py_accept_op(p, PY_OP_COMMA) && !py_at_op(p, PY_OP_RBRACE))
        dict_item(p, &keys, &values);
    py_expect_op(p, PY_OP_RBRACE);
    py_node *n = py_new_at(p, PY_AST_Dict, start);
    n->v.Dict.keys = keys;
    n->v.Dict.values = values;
    return n;
}

static py_node *brace_atom(py_parser *p)
{
    const py_token *start = py_expect_op(p, PY_OP_LBRACE);
    py_seq *keys = NULL, *values = NULL;
    if (py_accept_op(p, PY_OP_RBRACE))
        return py_new_at(p, PY_AST_Dict, start);
    if (py_at_op(p, PY_OP_DOUBLESTAR)) {
        const py_token *stars = py_cur(p);
        dict_item(p, &keys, &values);
        if (at_for(p) && !p->no_invalid && lookahead_clauses(p, PY_OP_RBRACE))
            py_fail_token(p, stars, "dict unpacking cannot be used in dict comprehension");
        return dict_rest(p, start, keys, values);
    }
    py_node *first = py_star_named_expression(p);
    if (py_at_op(p, PY_OP_COLON)) {
        if (first->kind == PY_AST_Starred)
            py_fail_generic(p);
        const py_token *colon = py_advance(p);
        if ((py_at_op(p, PY_OP_RBRACE) || py_at_op(p, PY_OP_COMMA)) && !p->no_invalid)
            py_fail_token(p, colon, "expression expected after dictionary key and ':'");
        py_node *value = dict_value(p);
        if (at_for(p)) {
            py_seq *generators = py_comprehension_clauses(p);
            py_expect_op(p, PY_OP_RBRACE);
            py_node *n = py_new_at(p, PY_AST_DictComp, start);
            n->v.DictComp.key = first;
            n->v.DictComp.value = value;
            n->v.DictComp.generators = generators;
            return n;
        }
        return dict_rest(p, start, seq_of(first), seq_of(value));
    }
    check_starred_comprehension(p, first);
    if (at_for(p)) {
        py_node *c = comprehension_node(p, PY_AST_SetComp, start, first);
        py_expect_op(p, PY_OP_RBRACE);
        py_set_end(p, c);
        return c;
    }
    py_seq *elts = display_elements(p, first, PY_OP_RBRACE);
    py_expect_op(p, PY_OP_RBRACE);
    py_node *n = py_new_at(p, PY_AST_Set, start);
    n->v.Set.elts = elts;
    return n;
}

static py_node *atom(py_parser *p)
{
    const py_token *t = py_cur(p);
    switch (t->type) {
    case PY_TOK_NAME:
        if (t->code == PY_KW_NONE)
            return name_node(py_advance(p), PY_Load);
        if (t->code == PY_KW_TRUE || t->code == PY_KW_FALSE || t->code == PY_KW_NONE_) {
            py_advance(p);
            return constant_node(t, t->code == PY_KW_TRUE    ? PY_CONST_TRUE
                                    : t->code == PY_KW_FALSE ? PY_CONST_FALSE
                                                             : PY_CONST_NONE);
        }
        break;
    case PY_TOK_NUMBER:
        return py_number(p);
    case PY_TOK_STRING:
        return py_strings(p);
    case PY_TOK_OP:
        switch (t->code) {
        case PY_OP_LPAR:
            return paren_atom(p);
        case PY_OP_LSQB:
            return list_atom(p);
        case PY_OP_LBRACE:
            return brace_atom(p);
        case PY_OP_ELLIPSIS:
            py_advance(p);
            return constant_node(t, PY_CONST_ELLIPSIS);
        default:
            break;
        }
        break;
    default:
        break;
    }
    py_fail_generic(p);
}

/* ---- primaries: attribute, call, subscript --------------------------------- */

static py_node *slice_item(py_parser *p)
{
    const py_token *start = py_cur(p);
    py_node *lower = NULL;
    if (py_at_op(p, PY_OP_STAR))
        return starred(p, py_bitwise_or);
    if (!py_at_op(p, PY_OP_COLON)) {
        lower = py_named_expression(p);
        if (!py_at_op(p, PY_OP_COLON))
            return lower;
    }
    py_expect_op(p, PY_OP_COLON);
    py_node *upper = NULL, *step = NULL;
    if (!py_at_op(p, PY_OP_COLON) && starts_expression(py_cur(p)))
        upper = py_expression(p);
    if (py_accept_op(p, PY_OP_COLON) && starts_expression(py_cur(p)))
        step = py_expression(p);
    py_node *n = py_new_at(p, PY_AST_Slice, start);
    n->v.Slice.lower = lower;
    n->v.Slice.upper = upper;
    n->v.Slice.step = step;
    return n;
}

static py_node *slices(py_parser *p)
{
    const py_token *start = py_cur(p);
    py_node *first = slice_item(p);
    if (!py_at_op(p, PY_OP_COMMA) && first->kind != PY_AST_Starred)
        return first;
    py_seq *elts = seq_of(first);
    while (py_accept_op(p, PY_OP_COMMA) && !py_at_op(p, PY_OP_RSQB))
        elts = py_seq_append(elts, slice_item(p));
    return tuple_of(p, elts, start);
}

static py_node *keyword_node(py_parser *p, const py_token *start, const char *arg, py_node *value)
{
    py_node *k = py_new_at(p, PY_AST_keyword, start);
    k->v.keyword.arg = arg;
    k->v.keyword.value = value;
    return k;
}

typedef struct call_args {
    py_seq *args, *keywords;
    bool seen_keyword, seen_double_star;
} call_args;

/* invalid_kwarg: `expr = value` where expr is not a plain name. */
static void check_keyword_target(py_parser *p, const py_node *e, const py_token *start)
{
    if (!py_at_op(p, PY_OP_EQUAL) || p->no_invalid)
        return;
    const py_token *eq = py_cur(p);
    if (start->type == PY_TOK_NAME &&
        (start->code == PY_KW_TRUE || start->code == PY_KW_FALSE || start->code == PY_KW_NONE_) &&
        e->kind == PY_AST_Constant)
        py_fail_range(p, start->lineno, start->col, eq->end_lineno, eq->end_col,
                      py_error_format("cannot assign to %s", py_token_text(start)));
    py_fail_range(p, e->lineno, e->col_offset, eq->end_lineno, eq->end_col,
                  "expression cannot contain assignment, perhaps you meant \"==\"?");
}

/* Any one argument, order unchecked (the error lookahead below). */
static py_node *any_argument(py_parser *p)
{
    if (py_accept_op(p, PY_OP_STAR) || py_accept_op(p, PY_OP_DOUBLESTAR))
        return py_expression(p);
    if (py_at_name(p) && py_peek(p, 1)->type == PY_TOK_OP && py_peek(p, 1)->code == PY_OP_EQUAL) {
        py_advance(p);
        py_advance(p);
    }
    return walrus_or_expression(p);
}

/* CPython reports this from invalid_arguments (`args ',' args`), after
 * reading the arguments that follow: the caret is past them. */
static void positional_after_keywords(py_parser *p, const call_args *a)
{
    if (p->no_invalid)
        py_fail_generic(p);
    while (py_accept_op(p, PY_OP_COMMA) && !py_at_op(p, PY_OP_RPAR) && py_try(p, any_argument))
        ;
    py_cur(p);
    py_fail_here(p, PY_SYNTAX_ERROR,
                 a->seen_double_star ? "positional argument follows keyword argument unpacking"
                                     : "positional argument follows keyword argument");
}

static void genexp_must_be_parenthesized(py_parser *p, const py_node *elt, py_seq *clauses)
{
    const py_node *last = last_comprehension_item(clauses);
    py_fail_range(p, elt->lineno, elt->col_offset, last->end_lineno, last->end_col_offset,
                  "Generator expression must be parenthesized");
}

/* One argument of a call. `open` is the '(' token (a lone generator
 * expression argument spans the parentheses). */
static void call_argument(py_parser *p, call_args *a, const py_token *open, bool first)
{
    const py_token *start = py_cur(p);
    if (py_at_name(p) && py_peek(p, 1)->type == PY_TOK_OP && py_peek(p, 1)->code == PY_OP_EQUAL) {
        const char *name = py_token_text(py_advance(p));
        const py_token *equal = py_advance(p);
        py_node *value = py_expression(p);
        if (at_for(p) && !p->no_invalid && lookahead_clauses(p, -1))
            py_fail_range(p, start->lineno, start->col, equal->end_lineno, equal->end_col,
                          "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        a->keywords = py_seq_append(a->keywords, keyword_node(p, start, name, value));
        a->seen_keyword = true;
        return;
    }
    if (py_accept_op(p, PY_OP_DOUBLESTAR)) {
        py_node *value = py_expression(p);
        a->keywords = py_seq_append(a->keywords, keyword_node(p, start, NULL, value));
        a->seen_double_star = true;
        return;
    }
    if (py_at_op(p, PY_OP_STAR)) {
        if (a->seen_double_star && !p->no_invalid)
            py_fail_token(p, start, "iterable argument unpacking follows keyword argument unpacking");
        a->args = py_seq_append(a->args, starred(p, py_expression));
        return;
    }
    py_node *e = walrus_or_expression(p);
    if (at_for(p)) {
        py_seq *clauses = py_comprehension_clauses(p);
        if (!first || py_at_op(p, PY_OP_COMMA))
            genexp_must_be_parenthesized(p, e, clauses);
        if (!py_at_op(p, PY_OP_RPAR))
            py_fail_generic(p);
        const py_token *close = py_cur(p);
        py_node *g = py_node_new(PY_AST_GeneratorExp, open->lineno, open->col, close->end_lineno,
                                 close->end_col);
        g->v.GeneratorExp.elt = e;
        g->v.GeneratorExp.generators = clauses;
        e = g;
    }
    check_keyword_target(p, e, start);
    if (a->seen_keyword || a->seen_double_star)
        positional_after_keywords(p, a);
    a->args = py_seq_append(a->args, e);
}

py_node *py_arguments_call(py_parser *p, py_node *func, const py_token *start)
{
    const py_token *open = py_expect_op(p, PY_OP_LPAR);
    call_args a = {0};
    bool first = true;
    while (!py_at_op(p, PY_OP_RPAR)) {
        call_argument(p, &a, open, first);
        first = false;
        if (!py_accept_op(p, PY_OP_COMMA))
            break;
    }
    py_expect_op(p, PY_OP_RPAR);
    py_node *n = py_new_at(p, PY_AST_Call, start);
    n->v.Call.func = func;
    n->v.Call.args = a.args;
    n->v.Call.keywords = a.keywords;
    return n;
}

/* The trailer rules below read the primary so far from the parser. */
static py_node *call_trailer(py_parser *p)
{
    return py_arguments_call(p, p->trailer_value, p->trailer_start);
}

static py_node *subscript_trailer(py_parser *p)
{
    py_node *value = p->trailer_value;
    const py_token *start = p->trailer_start;
    py_expect_op(p, PY_OP_LSQB);
    py_node *slice = slices(p);
    py_expect_op(p, PY_OP_RSQB);
    py_node *n = py_new_at(p, PY_AST_Subscript, start);
    n->v.Subscript.value = value;
    n->v.Subscript.slice = slice;
    n->v.Subscript.ctx = PY_Load;
    return n;
}

/* atom followed by .name, (args) and [slices].  As in a PEG, a trailer that
 * does not parse is left for the caller; like a binary chain, each trailer
 * nests the tree one level deeper. */
py_node *py_primary(py_parser *p)
{
    py_enter(p);
    int chain = 1;
    const py_token *start = py_cur(p);
    py_node *e = atom(p);
    for (;; chain++) {
        py_enter(p);
        py_node *next = NULL;
        if (py_at_op(p, PY_OP_DOT) && py_peek(p, 1)->type == PY_TOK_NAME &&
            py_peek(p, 1)->code == PY_KW_NONE) {
            py_advance(p);
            const char *attr = py_expect_name(p);
            next = py_new_at(p, PY_AST_Attribute, start);
            next->v.Attribute.value = e;
            next->v.Attribute.attr = attr;
            next->v.Attribute.ctx = PY_Load;
        } else if (py_at_op(p, PY_OP_LPAR) || py_at_op(p, PY_OP_LSQB)) {
            p->trailer_value = e;
            p->trailer_start = start;
            next = py_try(p, py_at_op(p, PY_OP_LPAR) ? call_trailer : subscript_trailer);
        }
        if (!next)
            break;
        e = next;
    }
    p->depth -= chain + 1;
    return e;
}

/* ---- parameters (def and lambda) ------------------------------------------- */

typedef struct params_state {
    py_seq *posonly, *args, *defaults, *kwonly, *kw_defaults;
    py_node *vararg, *kwarg;
    bool seen_slash, seen_star, seen_default;
    const py_token *kwarg_token;
} params_state;

static py_node *parameter(py_parser *p, bool lambda, bool star_annotation)
{
    const py_token *start = py_cur(p);
    const char *name = py_expect_name(p);
    py_node *annotation = NULL;
    if (!lambda && py_accept_op(p, PY_OP_COLON))
        annotation = star_annotation ? star_expression(p) : py_expression(p);
    py_node *a = py_new_at(p, PY_AST_arg, start);
    a->v.arg.arg = name;
    a->v.arg.annotation = annotation;
    return a;
}

static py_node *typed_parameter(py_parser *p) { return parameter(p, false, false); }

static void slash_parameter(py_parser *p, params_state *s)
{
    const py_token *slash = py_advance(p);
    if (p->no_invalid)
        py_fail_generic(p);
    if (s->seen_star)
        py_fail_token(p, slash, "/ must be ahead of *");
    if (s->seen_slash)
        py_fail_token(p, slash, "/ may appear only once");
    if (!py_seq_len(s->args)) {
        size_t furthest = p->furthest;
        if (py_at_op(p, PY_OP_COMMA))
            py_fail_token(p, slash, "at least one argument must precede /");
        p->furthest = furthest;
        py_fail_generic(p);
    }
    s->posonly = s->args;
    s->args = NULL;
    s->seen_slash = true;
}

static py_node *plain_parameter(py_parser *p) { return parameter(p, true, false); }

/* invalid_star_etc: a second '*' counts only before ',' or a parameter
 * without default (then ',' or the closing token). */
static bool star_follows_plain_parameter(py_parser *p, bool lambda, py_operator_code close)
{
    if (py_at_op(p, PY_OP_COMMA))
        return true;
    size_t pos = p->pos, furthest = p->furthest;
    bool plain = (lambda ? py_try(p, plain_parameter) : py_try(p, typed_parameter)) &&
                 (py_at_op(p, PY_OP_COMMA) || py_at_op(p, close));
    p->pos = pos;
    p->furthest = furthest;
    return plain;
}

static void star_parameter(py_parser *p, params_state *s, bool lambda, py_operator_code close)
{
    const py_token *star = py_advance(p);
    if (s->seen_star) {
        /* the plain rules stop at a second '*' */
        if (!p->no_invalid && star_follows_plain_parameter(p, lambda, close))
            py_fail_token(p, star, "* argument may appear only once");
        p->furthest = p->pos - 1;
        py_fail_generic(p);
    }
    s->seen_star = true;
    if (py_at_op(p, PY_OP_COMMA)) {
        const py_token *after = py_peek(p, 1);
        if (after->type == PY_TOK_OP && (after->code == (int)close || after->code == PY_OP_DOUBLESTAR))
            py_fail_token(p, star, "named arguments must follow bare *");
        return;
    }
    if (py_at_op(p, close))
        py_fail_token(p, star, "named arguments must follow bare *");
    s->vararg = parameter(p, lambda, true);
    if (py_at_op(p, PY_OP_EQUAL))
        py_fail_token(p, py_cur(p), "var-positional argument cannot have default value");
}

static void named_parameter(py_parser *p, params_state *s, bool lambda, py_operator_code close)
{
    py_node *a = parameter(p, lambda, false);
    py_node *value = NULL;
    if (py_at_op(p, PY_OP_EQUAL)) {
        const py_token *equal = py_advance(p);
        if ((py_at_op(p, PY_OP_RPAR) || py_at_op(p, PY_OP_COMMA)) && !p->no_invalid)
            py_fail_token(p, equal, "expected default value expression");
        value = py_expression(p);
    }
    if (s->seen_star) {
        s->kwonly = py_seq_append(s->kwonly, a);
        s->kw_defaults = py_seq_append(s->kw_defaults, value);
        return;
    }
    if (value) {
        s->defaults = py_seq_append(s->defaults, value);
        s->seen_default = true;
    } else if (s->seen_default && (py_at_op(p, PY_OP_COMMA) || py_at_op(p, close))) {
        py_fail_node(p, a, "non-default argument follows default argument");
    }
    s->args = py_seq_append(s->args, a);
}

py_node *py_parameters(py_parser *p, bool lambda)
{
    py_operator_code close = lambda ? PY_OP_COLON : PY_OP_RPAR;
    params_state s = {0};
    const py_token *start = py_cur(p);
    while (!py_at_op(p, close)) {
        if (s.kwarg) {
            if (py_at_name(p) || py_at_op(p, PY_OP_STAR) || py_at_op(p, PY_OP_DOUBLESTAR) ||
                py_at_op(p, PY_OP_SLASH))
                py_fail_token(p, py_cur(p), "arguments cannot follow var-keyword argument");
            py_fail_generic(p);
        }
        if (py_at_op(p, PY_OP_SLASH)) {
            slash_parameter(p, &s);
        } else if (py_at_op(p, PY_OP_STAR)) {
            star_parameter(p, &s, lambda, close);
        } else if (py_accept_op(p, PY_OP_DOUBLESTAR)) {
            s.kwarg = parameter(p, lambda, false);
            if (py_at_op(p, PY_OP_EQUAL))
                py_fail_token(p, py_cur(p), "var-keyword argument cannot have default value");
        } else {
            named_parameter(p, &s, lambda, close);
        }
        if (!py_accept_op(p, PY_OP_COMMA))
            break;
    }
    py_node *n = py_node_new(PY_AST_arguments, start->lineno, start->col, start->lineno, start->col);
    n->v.arguments.posonlyargs = s.posonly;
    n->v.arguments.args = s.args;
    n->v.arguments.vararg = s.vararg;
    n->v.arguments.kwonlyargs = s.kwonly;
    n->v.arguments.kw_defaults = s.kw_defaults;
    n->v.arguments.kwarg = s.kwarg;
    n->v.arguments.defaults = s.defaults;
    return n;
}
