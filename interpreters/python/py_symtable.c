/* py_symtable.c — scopes: which names each function binds, uses and
 * declares, resolved into locals, cells, free variables and globals as
 * CPython's symtable does (a comprehension is a function of its own whose
 * first iterable belongs to the enclosing scope; a walrus in a
 * comprehension binds in the nearest enclosing function or the module). */
#include "config.h"

#include <string.h>

#include "py_compile.h"

typedef struct builder {
    const char *filename, *source;
    size_t size;
    py_syntax_error *err;
    bool failed;
} builder;

/* ---- errors ------------------------------------------------------------------- */

static void fail(builder *b, const py_node *at, const char *message)
{
    if (b->failed)
        return;
    b->failed = true;
    /* a copy: callers format messages on their stack */
    py_syntax_error_at(b->err, PY_SYNTAX_ERROR, py_error_format("%s", message), b->filename, b->source,
                       b->size, at->lineno, at->col_offset + 1, at->end_lineno, at->end_col_offset + 1, false);
}

/* ---- symbols -------------------------------------------------------------------- */

py_symbol *py_scope_lookup(const py_scope *scope, py_str *name)
{
    for (uint32_t i = 0; i < scope->nsymbols; i++)
        if (scope->symbols[i].name == name)
            return &scope->symbols[i];
    return NULL;
}

static py_symbol *symbol(py_scope *scope, const char *name)
{
    py_str *s = py_str_intern(name);
    py_symbol *sym = py_scope_lookup(scope, s);
    if (sym)
        return sym;
    if (scope->nsymbols == scope->maxsymbols) {
        scope->maxsymbols = scope->maxsymbols ? 2 * scope->maxsymbols : 8;
        scope->symbols = mt_realloc(scope->symbols, scope->maxsymbols * sizeof *scope->symbols);
    }
    sym = &scope->symbols[scope->nsymbols++];
    *sym = (py_symbol){.name = s};
    return sym;
}

static py_scope *new_scope(builder *b, py_scope *parent, py_scope_kind kind, const py_node *node)
{
    (void)b;
    py_scope *s = mt_alloc(sizeof *s);
    s->kind = kind;
    s->node = node;
    s->parent = parent;
    if (parent) {
        if (parent->nchildren == parent->maxchildren) {
            parent->maxchildren = parent->maxchildren ? 2 * parent->maxchildren : 4;
            parent->children = mt_realloc(parent->children, parent->maxchildren * sizeof *parent->children);
        }
        parent->children[parent->nchildren++] = s;
    }
    return s;
}

py_scope *py_scope_child(const py_scope *scope, const py_node *node)
{
    for (uint32_t i = 0; i < scope->nchildren; i++)
        if (scope->children[i]->node == node)
            return scope->children[i];
    return NULL;
}

static bool is_comprehension(const py_node *n)
{
    return n && (n->kind == PY_AST_ListComp || n->kind == PY_AST_SetComp ||
                 n->kind == PY_AST_DictComp || n->kind == PY_AST_GeneratorExp);
}

/* A binding or use of `name`. */
static void note(builder *b, py_scope *scope, const py_node *at, const char *name, unsigned flag)
{
    (void)b;
    (void)at;
    symbol(scope, name)->flags |= flag;
}

static void declare(builder *b, py_scope *scope, const py_node *at, const char *name, bool global)
{
    py_symbol *sym = symbol(scope, name);
    const char *what = global ? "global" : "nonlocal";
    char message[256];
    if (sym->flags & PY_SYM_PARAM) {
        snprintf(message, sizeof message, "name '%s' is parameter and %s", name, what);
        fail(b, at, message);
    } else if (sym->flags & (global ? PY_SYM_NONLOCAL : PY_SYM_GLOBAL)) {
        snprintf(message, sizeof message, "name '%s' is nonlocal and global", name);
        fail(b, at, message);
    } else if (sym->flags & PY_SYM_BOUND) {
        snprintf(message, sizeof message, "name '%s' is assigned to before %s declaration", name, what);
        fail(b, at, message);
    } else if (sym->flags & PY_SYM_USED) {
        snprintf(message, sizeof message, "name '%s' is used prior to %s declaration", name, what);
        fail(b, at, message);
    }
    sym->flags |= global ? PY_SYM_GLOBAL : PY_SYM_NONLOCAL;
    sym->declared = at;
}

/* ---- the walk --------------------------------------------------------------------- */

/* Field types of every node kind, from the AST's one table. */
enum { F_OTHER, F_NODE, F_SEQ };
#define PY_FIELD_CLASS_node F_NODE
#define PY_FIELD_CLASS_node_opt F_NODE
#define PY_FIELD_CLASS_seq F_SEQ
#define PY_FIELD_CLASS_seq_or_none F_SEQ
#define PY_FIELD_CLASS_identifier F_OTHER
#define PY_FIELD_CLASS_identifier_opt F_OTHER
#define PY_FIELD_CLASS_identifiers F_OTHER
#define PY_FIELD_CLASS_constant F_OTHER
#define PY_FIELD_CLASS_string_opt F_OTHER
#define PY_FIELD_CLASS_int F_OTHER
#define PY_FIELD_CLASS_ctx F_OTHER
#define PY_FIELD_CLASS_boolop F_OTHER
#define PY_FIELD_CLASS_binop F_OTHER
#define PY_FIELD_CLASS_unaryop F_OTHER
#define PY_FIELD_CLASS_cmpops F_OTHER
#define PY_FIELD_ENTRY(type, name) PY_FIELD_CLASS_##type,
#define PY_KIND_FIELDS(kind, fields) [PY_AST_##kind] = {fields},
static const uint8_t field_class[PY_AST_KIND_COUNT][8] = {PY_AST_NODES(PY_KIND_FIELDS, PY_FIELD_ENTRY)};
#define PY_FIELD_COUNT(type, name) +1
#define PY_KIND_COUNT(kind, fields) [PY_AST_##kind] = 0 fields,
static const uint8_t field_count[PY_AST_KIND_COUNT] = {PY_AST_NODES(PY_KIND_COUNT, PY_FIELD_COUNT)};

static void visit(builder *b, py_scope *scope, const py_node *n);

static void visit_seq(builder *b, py_scope *scope, const py_seq *seq)
{
    for (size_t i = 0; i < py_seq_len(seq); i++)
        visit(b, scope, seq->items[i]);
}

static void visit_fields(builder *b, py_scope *scope, const py_node *n)
{
    for (int i = 0; i < field_count[n->kind]; i++) {
        if (field_class[n->kind][i] == F_NODE)
            visit(b, scope, n->v.words[i]);
        else if (field_class[n->kind][i] == F_SEQ)
            visit_seq(b, scope, n->v.words[i]);
    }
}

static void bind_params(builder *b, py_scope *scope, const py_node *args)
{
    const py_seq *lists[] = {args->v.arguments.posonlyargs, args->v.arguments.args,
                             args->v.arguments.kwonlyargs};
    for (int k = 0; k < 3; k++)
        for (size_t i = 0; i < py_seq_len(lists[k]); i++) {
            const py_node *a = lists[k]->items[i];
            if (py_scope_lookup(scope, py_str_intern(a->v.arg.arg))) {
                char message[256];
                snprintf(message, sizeof message, "duplicate argument '%s' in function definition",
                         a->v.arg.arg);
                fail(b, a, message);
            }
            note(b, scope, a, a->v.arg.arg, PY_SYM_BOUND | PY_SYM_PARAM);
        }
    if (args->v.arguments.vararg)
        note(b, scope, args, args->v.arguments.vararg->v.arg.arg, PY_SYM_BOUND | PY_SYM_PARAM);
    if (args->v.arguments.kwarg)
        note(b, scope, args, args->v.arguments.kwarg->v.arg.arg, PY_SYM_BOUND | PY_SYM_PARAM);
}

/* What a def or lambda evaluates where it stands: defaults, annotations. */
static void visit_signature(builder *b, py_scope *scope, const py_node *args)
{
    visit_seq(b, scope, args->v.arguments.defaults);
    visit_seq(b, scope, args->v.arguments.kw_defaults);
    const py_seq *lists[] = {args->v.arguments.posonlyargs, args->v.arguments.args,
                             args->v.arguments.kwonlyargs};
    for (int k = 0; k < 3; k++)
        for (size_t i = 0; i < py_seq_len(lists[k]); i++)
            visit(b, scope, ((const py_node *)lists[k]->items[i])->v.arg.annotation);
    if (args->v.arguments.vararg)
        visit(b, scope, args->v.arguments.vararg->v.arg.annotation);
    if (args->v.arguments.kwarg)
        visit(b, scope, args->v.arguments.kwarg->v.arg.annotation);
}

static void visit_comprehension(builder *b, py_scope *scope, const py_node *n)
{
    const py_seq *gens = n->kind == PY_AST_DictComp ? n->v.DictComp.generators : n->v.ListComp.generators;
    const py_node *first = gens->items[0];
    visit(b, scope, first->v.comprehension.iter); /* evaluated outside */
    py_scope *inner = new_scope(b, scope, PY_SCOPE_FUNCTION, n);
    inner->generator = n->kind == PY_AST_GeneratorExp;
    note(b, inner, n, ".0", PY_SYM_BOUND | PY_SYM_PARAM);
    for (size_t i = 0; i < gens->count; i++) {
        const py_node *g = gens->items[i];
        visit(b, inner, g->v.comprehension.target);
        if (i > 0)
            visit(b, inner, g->v.comprehension.iter);
        visit_seq(b, inner, g->v.comprehension.ifs);
    }
    if (n->kind == PY_AST_DictComp) {
        visit(b, inner, n->v.DictComp.key);
        visit(b, inner, n->v.DictComp.value);
    } else {
        visit(b, inner, n->v.ListComp.elt);
    }
}

/* A walrus in a comprehension binds in the nearest scope that is not a
 * comprehension; the comprehensions between take it as declared there. */
static void bind_walrus(builder *b, py_scope *scope, const py_node *target)
{
    const char *name = target->v.Name.id;
    if (!is_comprehension(scope->node)) {
        note(b, scope, target, name, PY_SYM_BOUND);
        return;
    }
    py_scope *owner = scope;
    while (is_comprehension(owner->node))
        owner = owner->parent;
    for (py_scope *s = scope; s != owner; s = s->parent) {
        if (py_scope_lookup(s, py_str_intern(name)) && (py_scope_lookup(s, py_str_intern(name))->flags & PY_SYM_PARAM)) {
            char message[256];
            snprintf(message, sizeof message,
                     "assignment expression cannot rebind comprehension iteration variable '%s'", name);
            fail(b, target, message);
            return;
        }
        symbol(s, name)->flags |= owner->kind == PY_SCOPE_MODULE ? PY_SYM_GLOBAL : PY_SYM_NONLOCAL;
    }
    note(b, owner, target, name, PY_SYM_BOUND);
}

static void visit(builder *b, py_scope *scope, const py_node *n)
{
    if (!n || b->failed)
        return;
    switch (n->kind) {
    case PY_AST_FunctionDef:
    case PY_AST_AsyncFunctionDef: {
        visit_seq(b, scope, n->v.FunctionDef.decorator_list);
        visit_signature(b, scope, n->v.FunctionDef.args);
        visit(b, scope, n->v.FunctionDef.returns);
        note(b, scope, n, n->v.FunctionDef.name, PY_SYM_BOUND);
        py_scope *inner = new_scope(b, scope, PY_SCOPE_FUNCTION, n);
        bind_params(b, inner, n->v.FunctionDef.args);
        visit_seq(b, inner, n->v.FunctionDef.body);
        return;
    }
    case PY_AST_Lambda: {
        visit_signature(b, scope, n->v.Lambda.args);
        py_scope *inner = new_scope(b, scope, PY_SCOPE_FUNCTION, n);
        bind_params(b, inner, n->v.Lambda.args);
        visit(b, inner, n->v.Lambda.body);
        return;
    }
    case PY_AST_ClassDef:
        /* class bodies are not compiled yet (the compiler says so) */
        visit_seq(b, scope, n->v.ClassDef.decorator_list);
        visit_seq(b, scope, n->v.ClassDef.bases);
        visit_seq(b, scope, n->v.ClassDef.keywords);
        note(b, scope, n, n->v.ClassDef.name, PY_SYM_BOUND);
        return;
    case PY_AST_ListComp:
    case PY_AST_SetComp:
    case PY_AST_DictComp:
    case PY_AST_GeneratorExp:
        visit_comprehension(b, scope, n);
        return;
    case PY_AST_Name:
        note(b, scope, n, n->v.Name.id, n->v.Name.ctx == PY_Load ? PY_SYM_USED : PY_SYM_BOUND);
        return;
    case PY_AST_NamedExpr:
        visit(b, scope, n->v.NamedExpr.value);
        bind_walrus(b, scope, n->v.NamedExpr.target);
        return;
    case PY_AST_Global:
    case PY_AST_Nonlocal: {
        bool global = n->kind == PY_AST_Global;
        if (!global && scope->kind == PY_SCOPE_MODULE) {
            fail(b, n, "nonlocal declaration not allowed at module level");
            return;
        }
        for (size_t i = 0; i < py_seq_len(n->v.Global.names); i++)
            declare(b, scope, n, n->v.Global.names->items[i], global);
        return;
    }
    case PY_AST_Import:
    case PY_AST_ImportFrom: {
        const py_seq *names = n->kind == PY_AST_Import ? n->v.Import.names : n->v.ImportFrom.names;
        for (size_t i = 0; i < py_seq_len(names); i++) {
            const py_node *alias = names->items[i];
            const char *name = alias->v.alias.asname ? alias->v.alias.asname : alias->v.alias.name;
            if (!strcmp(name, "*"))
                continue;
            char first[256];
            snprintf(first, sizeof first, "%.*s", (int)strcspn(name, "."), name);
            note(b, scope, alias, first, PY_SYM_BOUND);
        }
        return;
    }
    case PY_AST_ExceptHandler:
        if (n->v.ExceptHandler.name)
            note(b, scope, n, n->v.ExceptHandler.name, PY_SYM_BOUND);
        visit_fields(b, scope, n);
        return;
    case PY_AST_MatchAs:
    case PY_AST_MatchStar:
        if (n->kind == PY_AST_MatchAs ? n->v.MatchAs.name != NULL : n->v.MatchStar.name != NULL)
            note(b, scope, n, n->kind == PY_AST_MatchAs ? n->v.MatchAs.name : n->v.MatchStar.name,
                 PY_SYM_BOUND);
        visit_fields(b, scope, n);
        return;
    case PY_AST_MatchMapping:
        if (n->v.MatchMapping.rest)
            note(b, scope, n, n->v.MatchMapping.rest, PY_SYM_BOUND);
        visit_fields(b, scope, n);
        return;
    case PY_AST_Yield:
    case PY_AST_YieldFrom:
    case PY_AST_Await:
        scope->generator = true;
        visit_fields(b, scope, n);
        return;
    default:
        visit_fields(b, scope, n);
        return;
    }
}

/* ---- resolution ------------------------------------------------------------------ */

/* The function scope (not the module) around `scope` that binds `name`
 * as its own local, or NULL. */
static py_scope *binding_scope(py_scope *scope, py_str *name)
{
    for (py_scope *s = scope->parent; s; s = s->parent) {
        if (s->kind == PY_SCOPE_MODULE)
            return NULL;
        py_symbol *sym = py_scope_lookup(s, name);
        if (sym && (sym->flags & PY_SYM_GLOBAL))
            return NULL;
        if (sym && (sym->flags & PY_SYM_BOUND) && !(sym->flags & PY_SYM_NONLOCAL))
            return s;
    }
    return NULL;
}

/* `name` is free in `scope`, bound in `owner`: a cell there, free in
 * every scope between (they pass it on in their closures). */
static void make_free(py_scope *scope, py_scope *owner, py_str *name)
{
    for (py_scope *s = scope; s != owner; s = s->parent)
        symbol(s, name->data)->kind = PY_NAME_FREE;
    symbol(owner, name->data)->flags |= PY_SYM_CHILD_FREE;
}

static void resolve(builder *b, py_scope *scope)
{
    if (scope->kind == PY_SCOPE_FUNCTION)
        for (uint32_t i = 0; i < scope->nsymbols; i++) {
            py_symbol *sym = &scope->symbols[i];
            if (sym->flags & PY_SYM_GLOBAL) {
                sym->kind = PY_NAME_GLOBAL;
            } else if (sym->flags & PY_SYM_NONLOCAL) {
                py_scope *owner = binding_scope(scope, sym->name);
                if (!owner) {
                    char message[256];
                    snprintf(message, sizeof message, "no binding for nonlocal '%s' found", sym->name->data);
                    fail(b, sym->declared ? sym->declared : scope->node, message);
                    return;
                }
                make_free(scope, owner, sym->name);
                sym = &scope->symbols[i]; /* the table may have moved */
            } else if (sym->flags & PY_SYM_BOUND) {
                sym->kind = PY_NAME_LOCAL;
            } else if (sym->kind != PY_NAME_FREE) {
                py_scope *owner = binding_scope(scope, sym->name);
                if (owner) {
                    make_free(scope, owner, sym->name);
                    sym = &scope->symbols[i];
                } else {
                    sym->kind = PY_NAME_GLOBAL;
                }
            }
        }
    for (uint32_t i = 0; i < scope->nchildren && !b->failed; i++)
        resolve(b, scope->children[i]);
}

/* Slots: parameters in their order, then the other locals, then the
 * free variables; locals an inner scope uses are cells. */
static void assign_slots(py_scope *scope)
{
    if (scope->kind == PY_SCOPE_FUNCTION) {
        uint32_t n = 0;
        for (int pass = 0; pass < 2; pass++)
            for (uint32_t i = 0; i < scope->nsymbols; i++) {
                py_symbol *sym = &scope->symbols[i];
                if (sym->kind != PY_NAME_LOCAL || !!(sym->flags & PY_SYM_PARAM) != (pass == 0))
                    continue;
                if (sym->flags & PY_SYM_CHILD_FREE) {
                    sym->kind = PY_NAME_CELL;
                    scope->ncells++;
                }
                sym->slot = n++;
            }
        scope->nlocals = n;
        for (uint32_t i = 0; i < scope->nsymbols; i++)
            if (scope->symbols[i].kind == PY_NAME_FREE) {
                scope->symbols[i].slot = n++;
                scope->nfree++;
            }
    }
    for (uint32_t i = 0; i < scope->nchildren; i++)
        assign_slots(scope->children[i]);
}

py_scope *py_symtable_build(py_node *module_node, const char *filename, const char *source,
                            size_t size, py_syntax_error *err)
{
    builder b = {filename, source, size, err, false};
    py_scope *top = new_scope(&b, NULL, PY_SCOPE_MODULE, module_node);
    visit_seq(&b, top, module_node->v.Module.body);
    if (!b.failed)
        resolve(&b, top);
    if (b.failed)
        return NULL;
    assign_slots(top);
    return top;
}
