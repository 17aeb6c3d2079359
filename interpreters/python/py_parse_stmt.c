/* py_parse_stmt.c — statements: blocks and indentation, compound statements
 * (if/while/for/with/try/def/class, decorators, async forms) and simple
 * statements (assignments of every kind, import, raise, del, ...), with
 * CPython 3.11's messages for missing colons and indented blocks. */
#include <string.h>

#include "mt.h"
#include "py_parser.h"

static py_seq *statement(py_parser *p);
static py_seq *simple_statements(py_parser *p);

static py_seq *append_all(py_seq *seq, py_seq *more)
{
    for (size_t i = 0; i < py_seq_len(more); i++)
        seq = py_seq_append(seq, more->items[i]);
    return seq;
}

static bool at_type(py_parser *p, py_token_type type) { return py_cur(p)->type == type; }

/* block: NEWLINE INDENT statements DEDENT | simple_stmts.  `what` names the
 * statement for "expected an indented block after ...". */
static py_seq *block(py_parser *p, const char *what, int lineno)
{
    if (!at_type(p, PY_TOK_NEWLINE))
        return simple_statements(p);
    py_advance(p);
    if (!at_type(p, PY_TOK_INDENT))
        py_fail_here(p, PY_INDENTATION_ERROR,
                     py_error_format("expected an indented block after %s on line %d", what, lineno));
    py_advance(p);
    py_seq *body = NULL;
    while (!at_type(p, PY_TOK_DEDENT) && !at_type(p, PY_TOK_ENDMARKER))
        body = append_all(body, statement(p));
    py_advance(p);
    return body;
}

/* The ':' of a compound statement header: missing before a NEWLINE it is
 * CPython's "expected ':'". */
static void header_colon(py_parser *p)
{
    if (at_type(p, PY_TOK_NEWLINE))
        py_fail_here(p, PY_SYNTAX_ERROR, "expected ':'");
    py_expect_op(p, PY_OP_COLON);
}

/* CPython's forced tokens (&&':'): "expected ':'" wherever it is missing. */
static void forced_op(py_parser *p, py_operator_code op)
{
    if (!py_at_op(p, op))
        py_fail_token(p, py_cur(p), py_error_format("expected '%s'", py_operator_text(op)));
    py_advance(p);
}

static const char *statement_name(const char *keyword)
{
    return py_error_format("'%s' statement", keyword);
}

static py_node *stmt_node(py_parser *p, py_ast_kind kind, const py_token *start)
{
    return py_new_at(p, kind, start);
}

/* A compound statement ends where the last statement of its last block
 * ends, not at the NEWLINE or DEDENT that closed the block. */
static py_node *ends_with(py_node *n, py_seq *block)
{
    if (py_seq_len(block)) {
        const py_node *last = block->items[block->count - 1];
        n->end_lineno = last->end_lineno;
        n->end_col_offset = last->end_col_offset;
    }
    return n;
}

/* The last non-empty block, for ends_with. */
static py_seq *last_block(py_seq *a, py_seq *b) { return py_seq_len(b) ? b : a; }

/* ---- compound statements ------------------------------------------------------ */

static py_seq *else_block(py_parser *p)
{
    const py_token *t = py_advance(p);
    forced_op(p, PY_OP_COLON);
    return block(p, statement_name("else"), t->lineno);
}

static py_node *if_statement(py_parser *p, const char *keyword)
{
    const py_token *start = py_advance(p);
    py_node *test = py_named_expression(p);
    header_colon(p);
    py_seq *body = block(p, statement_name(keyword), start->lineno);
    py_seq *orelse = NULL;
    if (py_at_kw(p, PY_KW_ELIF))
        orelse = py_seq_append(NULL, if_statement(p, "elif"));
    else if (py_at_kw(p, PY_KW_ELSE))
        orelse = else_block(p);
    py_node *n = stmt_node(p, PY_AST_If, start);
    n->v.If.test = test;
    n->v.If.body = body;
    n->v.If.orelse = orelse;
    return ends_with(n, last_block(body, orelse));
}

static py_node *while_statement(py_parser *p)
{
    const py_token *start = py_advance(p);
    py_node *test = py_named_expression(p);
    header_colon(p);
    py_seq *body = block(p, statement_name("while"), start->lineno);
    py_seq *orelse = py_at_kw(p, PY_KW_ELSE) ? else_block(p) : NULL;
    py_node *n = stmt_node(p, PY_AST_While, start);
    n->v.While.test = test;
    n->v.While.body = body;
    n->v.While.orelse = orelse;
    return ends_with(n, last_block(body, orelse));
}

static py_node *for_statement(py_parser *p, const py_token *start, bool is_async)
{
    const py_token *keyword = py_expect_kw(p, PY_KW_FOR);
    py_node *target = py_for_target(p);
    py_expect_kw(p, PY_KW_IN);
    py_node *iter = py_star_expressions(p);
    header_colon(p);
    py_seq *body = block(p, statement_name("for"), keyword->lineno);
    py_seq *orelse = py_at_kw(p, PY_KW_ELSE) ? else_block(p) : NULL;
    py_node *n = stmt_node(p, is_async ? PY_AST_AsyncFor : PY_AST_For, start);
    n->v.For.target = target;
    n->v.For.iter = iter;
    n->v.For.body = body;
    n->v.For.orelse = orelse;
    return ends_with(n, last_block(body, orelse));
}

static py_node *with_item(py_parser *p)
{
    py_node *context = py_expression(p);
    py_node *vars = NULL;
    if (py_accept_kw(p, PY_KW_AS)) {
        vars = py_star_target(p);
        py_make_target(p, vars, PY_TARGET_STAR);
    }
    py_node *item = py_new_from(p, PY_AST_withitem, context);
    item->v.withitem.context_expr = context;
    item->v.withitem.optional_vars = vars;
    return item;
}

/* with '(' items ','? ')' ':' — the parenthesized form, tried first. */
static py_node *parenthesized_with_items(py_parser *p)
{
    const py_token *open = py_expect_op(p, PY_OP_LPAR);
    py_seq *items = NULL;
    do {
        if (py_at_op(p, PY_OP_RPAR) && items)
            break;
        items = py_seq_append(items, with_item(p));
    } while (py_accept_op(p, PY_OP_COMMA));
    py_expect_op(p, PY_OP_RPAR);
    if (!py_at_op(p, PY_OP_COLON))
        py_fail_generic(p);
    py_node *holder = py_new_at(p, PY_AST_With, open);
    holder->v.With.items = items;
    return holder;
}

static py_node *with_statement(py_parser *p, const py_token *start, bool is_async)
{
    const py_token *keyword = py_expect_kw(p, PY_KW_WITH);
    py_seq *items = NULL;
    py_node *parenthesized = py_at_op(p, PY_OP_LPAR) ? py_try(p, parenthesized_with_items) : NULL;
    if (parenthesized) {
        items = parenthesized->v.With.items;
    } else {
        do
            items = py_seq_append(items, with_item(p));
        while (py_accept_op(p, PY_OP_COMMA));
    }
    header_colon(p);
    py_seq *body = block(p, statement_name("with"), keyword->lineno);
    py_node *n = stmt_node(p, is_async ? PY_AST_AsyncWith : PY_AST_With, start);
    n->v.With.items = items;
    n->v.With.body = body;
    return ends_with(n, body);
}

static py_node *except_handler(py_parser *p, bool *star, bool first)
{
    const py_token *start = py_advance(p);
    const py_token *star_token = py_at_op(p, PY_OP_STAR) ? py_advance(p) : NULL;
    if (first)
        *star = star_token != NULL;
    else if (*star != (star_token != NULL)) {
        if (star_token)
            py_fail_range(p, start->lineno, start->col, star_token->end_lineno, star_token->end_col,
                          "cannot have both 'except' and 'except*' on the same 'try'");
        py_fail_token(p, start, "cannot have both 'except' and 'except*' on the same 'try'");
    }
    if (star_token && (py_at_op(p, PY_OP_COLON) || at_type(p, PY_TOK_NEWLINE)))
        py_fail_here(p, PY_SYNTAX_ERROR, "expected one or more exception types");
    py_node *type = NULL;
    const char *name = NULL;
    if (!py_at_op(p, PY_OP_COLON) && !at_type(p, PY_TOK_NEWLINE)) {
        type = py_expression(p);
        if (py_accept_op(p, PY_OP_COMMA)) {
            py_node *rest = py_star_expressions(p);
            py_fail_range(p, type->lineno, type->col_offset, rest->end_lineno, rest->end_col_offset,
                          "multiple exception types must be parenthesized");
        }
        if (py_accept_kw(p, PY_KW_AS))
            name = py_expect_name(p);
    }
    header_colon(p);
    py_seq *body = block(p, statement_name(star_token ? "except*" : "except"), start->lineno);
    py_node *h = py_new_at(p, PY_AST_ExceptHandler, start);
    h->v.ExceptHandler.type = type;
    h->v.ExceptHandler.name = name;
    h->v.ExceptHandler.body = body;
    return ends_with(h, body);
}

static py_node *try_statement(py_parser *p)
{
    const py_token *start = py_advance(p);
    forced_op(p, PY_OP_COLON);
    py_seq *body = block(p, statement_name("try"), start->lineno);
    py_seq *handlers = NULL, *orelse = NULL, *finalbody = NULL;
    bool star = false;
    while (py_at_kw(p, PY_KW_EXCEPT))
        handlers = py_seq_append(handlers, except_handler(p, &star, handlers == NULL));
    if (handlers && py_at_kw(p, PY_KW_ELSE))
        orelse = else_block(p);
    if (py_at_kw(p, PY_KW_FINALLY)) {
        const py_token *t = py_advance(p);
        forced_op(p, PY_OP_COLON);
        finalbody = block(p, statement_name("finally"), t->lineno);
    }
    if (!handlers && !finalbody)
        py_fail_here(p, PY_SYNTAX_ERROR, "expected 'except' or 'finally' block");
    py_node *n = stmt_node(p, star ? PY_AST_TryStar : PY_AST_Try, start);
    n->v.Try.body = body;
    n->v.Try.handlers = handlers;
    n->v.Try.orelse = orelse;
    n->v.Try.finalbody = finalbody;
    return ends_with(n, last_block(last_block(handlers, orelse), finalbody));
}

static py_node *function_def(py_parser *p, const py_token *start, bool is_async, py_seq *decorators)
{
    const py_token *keyword = py_expect_kw(p, PY_KW_DEF);
    const char *name = py_expect_name(p);
    forced_op(p, PY_OP_LPAR);
    py_node *args = py_parameters(p, false);
    py_expect_op(p, PY_OP_RPAR);
    py_node *returns = NULL;
    if (py_accept_op(p, PY_OP_RARROW))
        returns = py_expression(p);
    forced_op(p, PY_OP_COLON);
    py_seq *body = block(p, "function definition", keyword->lineno);
    py_node *n = stmt_node(p, is_async ? PY_AST_AsyncFunctionDef : PY_AST_FunctionDef, start);
    n->v.FunctionDef.name = name;
    n->v.FunctionDef.args = args;
    n->v.FunctionDef.body = body;
    n->v.FunctionDef.decorator_list = decorators;
    n->v.FunctionDef.returns = returns;
    return ends_with(n, body);
}

static py_node *class_def(py_parser *p, py_seq *decorators)
{
    const py_token *start = py_advance(p);
    const char *name = py_expect_name(p);
    py_seq *bases = NULL, *keywords = NULL;
    if (py_at_op(p, PY_OP_LPAR)) {
        py_node *call = py_arguments_call(p, py_new_at(p, PY_AST_Name, start), start);
        bases = call->v.Call.args;
        keywords = call->v.Call.keywords;
    }
    header_colon(p);
    py_seq *body = block(p, "class definition", start->lineno);
    py_node *n = stmt_node(p, PY_AST_ClassDef, start);
    n->v.ClassDef.name = name;
    n->v.ClassDef.bases = bases;
    n->v.ClassDef.keywords = keywords;
    n->v.ClassDef.body = body;
    n->v.ClassDef.decorator_list = decorators;
    return ends_with(n, body);
}

static py_node *async_statement(py_parser *p, py_seq *decorators)
{
    const py_token *start = py_advance(p);
    if (py_at_kw(p, PY_KW_DEF))
        return function_def(p, start, true, decorators);
    if (!decorators && py_at_kw(p, PY_KW_FOR))
        return for_statement(p, start, true);
    if (!decorators && py_at_kw(p, PY_KW_WITH))
        return with_statement(p, start, true);
    py_fail_generic(p);
}

static py_node *decorated(py_parser *p)
{
    py_seq *decorators = NULL;
    while (py_accept_op(p, PY_OP_AT)) {
        decorators = py_seq_append(decorators, py_named_expression(p));
        if (!at_type(p, PY_TOK_NEWLINE))
            py_fail_generic(p);
        py_advance(p);
    }
    if (py_at_kw(p, PY_KW_DEF))
        return function_def(p, py_cur(p), false, decorators);
    if (py_at_kw(p, PY_KW_ASYNC))
        return async_statement(p, decorators);
    if (py_at_kw(p, PY_KW_CLASS))
        return class_def(p, decorators);
    py_fail_generic(p);
}

/* A compound statement at the cursor, or NULL when it starts a simple one. */
static py_node *compound_statement(py_parser *p)
{
    const py_token *t = py_cur(p);
    if (t->type == PY_TOK_OP && t->code == PY_OP_AT)
        return decorated(p);
    if (t->type != PY_TOK_NAME)
        return NULL;
    switch (t->code) {
    case PY_KW_IF:
        return if_statement(p, "if");
    case PY_KW_WHILE:
        return while_statement(p);
    case PY_KW_FOR:
        return for_statement(p, t, false);
    case PY_KW_WITH:
        return with_statement(p, t, false);
    case PY_KW_TRY:
        return try_statement(p);
    case PY_KW_DEF:
        return function_def(p, t, false, NULL);
    case PY_KW_CLASS:
        return class_def(p, NULL);
    case PY_KW_ASYNC:
        return async_statement(p, NULL);
    case PY_KW_NONE:
        return py_token_is_soft(t, "match") ? py_match_statement(p) : NULL;
    default:
        return NULL;
    }
}

/* ---- simple statements ------------------------------------------------------- */

static const char *dotted_name(py_parser *p)
{
    const char *name = py_expect_name(p);
    while (py_accept_op(p, PY_OP_DOT))
        name = py_error_format("%s.%s", name, py_expect_name(p));
    return name;
}

static py_node *alias_node(py_parser *p, const py_token *start, const char *name)
{
    const char *asname = py_accept_kw(p, PY_KW_AS) ? py_expect_name(p) : NULL;
    py_node *a = py_new_at(p, PY_AST_alias, start);
    a->v.alias.name = name;
    a->v.alias.asname = asname;
    return a;
}

static py_node *import_name(py_parser *p, const py_token *start)
{
    py_seq *names = NULL;
    do {
        const py_token *t = py_cur(p);
        names = py_seq_append(names, alias_node(p, t, dotted_name(p)));
    } while (py_accept_op(p, PY_OP_COMMA));
    py_node *n = stmt_node(p, PY_AST_Import, start);
    n->v.Import.names = names;
    return n;
}

static py_seq *import_from_names(py_parser *p)
{
    if (py_at_op(p, PY_OP_STAR)) {
        const py_token *t = py_advance(p);
        return py_seq_append(NULL, alias_node(p, t, "*"));
    }
    bool parenthesized = py_accept_op(p, PY_OP_LPAR);
    py_seq *names = NULL;
    do {
        if (parenthesized && names && py_at_op(p, PY_OP_RPAR))
            break;
        if (!parenthesized && names && at_type(p, PY_TOK_NEWLINE))
            py_fail_here(p, PY_SYNTAX_ERROR,
                         "trailing comma not allowed without surrounding parentheses");
        const py_token *t = py_cur(p);
        names = py_seq_append(names, alias_node(p, t, py_expect_name(p)));
    } while (py_accept_op(p, PY_OP_COMMA));
    if (parenthesized)
        py_expect_op(p, PY_OP_RPAR);
    return names;
}

static py_node *import_from(py_parser *p, const py_token *start)
{
    long level = 0;
    for (;;) {
        if (py_accept_op(p, PY_OP_DOT))
            level++;
        else if (py_accept_op(p, PY_OP_ELLIPSIS))
            level += 3;
        else
            break;
    }
    const char *module = level == 0 || !py_at_kw(p, PY_KW_IMPORT) ? dotted_name(p) : NULL;
    py_expect_kw(p, PY_KW_IMPORT);
    py_seq *names = import_from_names(p);
    py_node *n = stmt_node(p, PY_AST_ImportFrom, start);
    n->v.ImportFrom.module = module;
    n->v.ImportFrom.names = names;
    n->v.ImportFrom.level = level;
    return n;
}

static py_seq *name_list(py_parser *p)
{
    py_seq *names = NULL;
    do
        names = py_seq_append(names, (void *)py_expect_name(p));
    while (py_accept_op(p, PY_OP_COMMA));
    return names;
}

static bool at_statement_end(py_parser *p)
{
    return at_type(p, PY_TOK_NEWLINE) || py_at_op(p, PY_OP_SEMI);
}

static py_node *del_statement(py_parser *p, const py_token *start)
{
    py_seq *targets = NULL;
    do {
        if (targets && at_statement_end(p))
            break;
        py_node *target = py_star_target(p);
        py_make_target(p, target, PY_TARGET_DEL);
        targets = py_seq_append(targets, target);
    } while (py_accept_op(p, PY_OP_COMMA));
    if (!at_statement_end(p))
        py_fail_generic(p);
    py_node *n = stmt_node(p, PY_AST_Delete, start);
    n->v.Delete.targets = targets;
    return n;
}

static py_node *annotated_rhs(py_parser *p)
{
    return py_at_kw(p, PY_KW_YIELD) ? py_yield_expr(p) : py_star_expressions(p);
}

static int augmented_operator(const py_token *t)
{
    if (t->type != PY_TOK_OP)
        return -1;
    switch (t->code) {
    case PY_OP_PLUSEQUAL: return PY_Add;
    case PY_OP_MINEQUAL: return PY_Sub;
    case PY_OP_STAREQUAL: return PY_Mult;
    case PY_OP_ATEQUAL: return PY_MatMult;
    case PY_OP_SLASHEQUAL: return PY_Div;
    case PY_OP_PERCENTEQUAL: return PY_Mod;
    case PY_OP_AMPEREQUAL: return PY_BitAnd;
    case PY_OP_VBAREQUAL: return PY_BitOr;
    case PY_OP_CIRCUMFLEXEQUAL: return PY_BitXor;
    case PY_OP_LEFTSHIFTEQUAL: return PY_LShift;
    case PY_OP_RIGHTSHIFTEQUAL: return PY_RShift;
    case PY_OP_DOUBLESTAREQUAL: return PY_Pow;
    case PY_OP_DOUBLESLASHEQUAL: return PY_FloorDiv;
    default: return -1;
    }
}

static bool is_single_target(const py_node *e)
{
    return e->kind == PY_AST_Name || e->kind == PY_AST_Attribute || e->kind == PY_AST_Subscript;
}

static py_node *expression_rule(py_parser *p) { return py_expression(p); }

/* After an invalid target, CPython reads the rest only in its error pass:
 * it must parse, but it does not move the error token of the plain rules. */
static void lookahead_or_fail(py_parser *p, py_node *(*rule)(py_parser *p))
{
    size_t furthest = p->furthest;
    bool parsed = py_try(p, rule) != NULL;
    p->furthest = furthest;
    if (!parsed)
        py_fail_generic(p);
}

static py_node *annotated_assignment(py_parser *p, py_node *target, const py_token *start)
{
    py_advance(p);
    if (!is_single_target(target)) {
        lookahead_or_fail(p, expression_rule);
        if (target->kind != PY_AST_Tuple && target->kind != PY_AST_List)
            py_fail_node(p, target, "illegal target for annotation");
        /* an unparenthesized tuple is reported at its first element */
        bool bare = target->kind == PY_AST_Tuple &&
                    !(start->type == PY_TOK_OP && start->code == PY_OP_LPAR);
        py_fail_node(p, bare ? target->v.Tuple.elts->items[0] : target,
                     py_error_format("only single target (not %s) can be annotated",
                                     py_expr_name(target)));
    }
    py_node *annotation = py_expression(p);
    py_node *value = py_accept_op(p, PY_OP_EQUAL) ? annotated_rhs(p) : NULL;
    py_set_context(target, PY_Store);
    py_node *n = stmt_node(p, PY_AST_AnnAssign, start);
    n->v.AnnAssign.target = target;
    n->v.AnnAssign.annotation = annotation;
    n->v.AnnAssign.value = value;
    n->v.AnnAssign.simple = target->kind == PY_AST_Name && start->type == PY_TOK_NAME;
    return n;
}

static py_node *augmented_assignment(py_parser *p, py_node *target, const py_token *start, int op)
{
    py_advance(p);
    if (!is_single_target(target)) {
        lookahead_or_fail(p, annotated_rhs);
        py_fail_node(p, target, py_error_format("'%s' is an illegal expression for augmented assignment",
                                                py_expr_name(target)));
    }
    py_node *value = annotated_rhs(p);
    py_set_context(target, PY_Store);
    py_node *n = stmt_node(p, PY_AST_AugAssign, start);
    n->v.AugAssign.target = target;
    n->v.AugAssign.op = op;
    n->v.AugAssign.value = value;
    return n;
}

/* A target of `t1 = t2 = ... = value`, checked when its '=' is reached, as
 * CPython's invalid_assignment does: the first target's "Maybe you meant
 * '=='" comes first; an unparenthesized yield has a message of its own. */
static void check_assignment_target(py_parser *p, py_node *target, bool bare_yield,
                                    const py_token *first_start)
{
    if (!bare_yield && !py_invalid_target(target, PY_TARGET_STAR))
        return;
    if (bare_yield)
        py_fail_node(p, target, "assignment to yield expression not possible");
    if (first_start)
        py_check_named_assignment(p, target, first_start);
    py_make_target(p, target, PY_TARGET_STAR);
}

static py_node *assignment(py_parser *p, py_node *first, const py_token *start)
{
    py_seq *targets = NULL;
    py_node *target = first;
    bool bare_yield = start->type == PY_TOK_NAME && start->code == PY_KW_YIELD;
    for (;;) {
        check_assignment_target(p, target, bare_yield, targets ? NULL : start);
        targets = py_seq_append(targets, target);
        py_advance(p);
        bare_yield = py_at_kw(p, PY_KW_YIELD);
        py_node *value = annotated_rhs(p);
        if (!py_at_op(p, PY_OP_EQUAL)) {
            for (size_t i = 0; i < targets->count; i++)
                py_set_context(targets->items[i], PY_Store);
            py_node *n = stmt_node(p, PY_AST_Assign, start);
            n->v.Assign.targets = targets;
            n->v.Assign.value = value;
            return n;
        }
        target = value;
    }
}

/* An expression statement or an assignment of any kind. */
static py_node *expression_statement(py_parser *p)
{
    const py_token *start = py_cur(p);
    py_node *e = py_at_kw(p, PY_KW_YIELD) ? py_yield_expr(p) : py_star_expressions(p);
    if (py_at_op(p, PY_OP_COLON))
        return annotated_assignment(p, e, start);
    if (py_at_op(p, PY_OP_EQUAL))
        return assignment(p, e, start);
    int op = augmented_operator(py_cur(p));
    if (op >= 0)
        return augmented_assignment(p, e, start, op);
    py_node *n = stmt_node(p, PY_AST_Expr, start);
    n->v.Expr.value = e;
    return n;
}

static py_node *raise_statement(py_parser *p, const py_token *start)
{
    py_node *exc = NULL, *cause = NULL;
    if (!at_statement_end(p)) {
        exc = py_expression(p);
        if (py_accept_kw(p, PY_KW_FROM))
            cause = py_expression(p);
    }
    py_node *n = stmt_node(p, PY_AST_Raise, start);
    n->v.Raise.exc = exc;
    n->v.Raise.cause = cause;
    return n;
}

static py_node *simple_statement(py_parser *p)
{
    const py_token *t = py_cur(p);
    if (t->type != PY_TOK_NAME || t->code == PY_KW_NONE || t->code == PY_KW_YIELD ||
        t->code == PY_KW_NOT || t->code == PY_KW_LAMBDA || t->code == PY_KW_AWAIT ||
        t->code == PY_KW_TRUE || t->code == PY_KW_FALSE || t->code == PY_KW_NONE_)
        return expression_statement(p);
    py_advance(p);
    py_node *n;
    switch (t->code) {
    case PY_KW_PASS:
        return stmt_node(p, PY_AST_Pass, t);
    case PY_KW_BREAK:
        return stmt_node(p, PY_AST_Break, t);
    case PY_KW_CONTINUE:
        return stmt_node(p, PY_AST_Continue, t);
    case PY_KW_RETURN: {
        py_node *value = at_statement_end(p) ? NULL : py_star_expressions(p);
        n = stmt_node(p, PY_AST_Return, t);
        n->v.Return.value = value;
        return n;
    }
    case PY_KW_RAISE:
        return raise_statement(p, t);
    case PY_KW_GLOBAL:
    case PY_KW_NONLOCAL: {
        py_seq *names = name_list(p);
        n = stmt_node(p, t->code == PY_KW_GLOBAL ? PY_AST_Global : PY_AST_Nonlocal, t);
        n->v.Global.names = names;
        return n;
    }
    case PY_KW_DEL:
        return del_statement(p, t);
    case PY_KW_ASSERT: {
        py_node *test = py_expression(p);
        py_node *msg = py_accept_op(p, PY_OP_COMMA) ? py_expression(p) : NULL;
        n = stmt_node(p, PY_AST_Assert, t);
        n->v.Assert.test = test;
        n->v.Assert.msg = msg;
        return n;
    }
    case PY_KW_IMPORT:
        return import_name(p, t);
    case PY_KW_FROM:
        return import_from(p, t);
    default:
        py_fail_generic(p);
    }
}

static py_seq *simple_statements(py_parser *p)
{
    py_seq *body = NULL;
    do {
        if (body && at_type(p, PY_TOK_NEWLINE))
            break;
        body = py_seq_append(body, simple_statement(p));
    } while (py_accept_op(p, PY_OP_SEMI));
    if (!at_type(p, PY_TOK_NEWLINE))
        py_fail_generic(p);
    py_advance(p);
    return body;
}

/* Used by the match statement to tell `match(x)` (a call) from a header. */
py_seq *py_simple_statements(py_parser *p) { return simple_statements(p); }

static py_seq *statement(py_parser *p)
{
    py_node *compound = compound_statement(p);
    if (compound)
        return py_seq_append(NULL, compound);
    return simple_statements(p);
}

py_seq *py_statements_until_end(py_parser *p)
{
    py_seq *body = NULL;
    while (!at_type(p, PY_TOK_ENDMARKER))
        body = append_all(body, statement(p));
    return body;
}

py_seq *py_block(py_parser *p, const char *what, int lineno) { return block(p, what, lineno); }
