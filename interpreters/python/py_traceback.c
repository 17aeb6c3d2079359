/* py_traceback.c — reporting an uncaught exception exactly as CPython 3.11
 * does: the chain of causes and contexts, each traceback with its source
 * lines and the carets under the part of the line that failed (with the
 * operator or subscript of a binary operation or subscription picked out,
 * PEP 657), runs of a repeated line folded, then "Type: message". */
#include "config.h"

#include <string.h>

#include "py_parse.h"
#include "py_sys.h"

/* The text of line `line` (1-based) of `source`: start and length. */
static bool source_line(const py_code *code, int32_t line, const char **start, size_t *size)
{
    const char *p = code->source, *end = code->source + code->source_size;
    if (!p || line < 1)
        return false;
    for (int32_t n = 1; n < line; n++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return false;
        p = nl + 1;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *start = p;
    *size = (size_t)((nl ? nl : end) - p);
    if (*size && (*start)[*size - 1] == '\r')
        (*size)--;
    return true;
}

static size_t chars(const char *s, size_t bytes) { return py_utf8_length(s, bytes); }

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

/* PEP 657's anchors within the failing segment (character offsets from
 * its start): for a binary operation, the operator; for a subscription,
 * the brackets.  False when the segment is neither. */
static bool anchors(const char *segment, size_t size, size_t *left, size_t *right)
{
    char *text = mt_alloc_atomic(size + 3);
    memcpy(text, segment, size);
    text[size] = '\n';
    py_syntax_error err;
    py_node *mod = py_parse_module(text, size + 1, "<segment>", &err);
    if (!mod || py_seq_len(mod->v.Module.body) != 1)
        return false;
    const py_node *stmt = mod->v.Module.body->items[0];
    if (stmt->kind != PY_AST_Expr)
        return false;
    const py_node *e = stmt->v.Expr.value;
    if (e->kind == PY_AST_BinOp) {
        size_t start = (size_t)e->v.BinOp.left->end_col_offset, end = (size_t)e->v.BinOp.right->col_offset;
        size_t offset = 0; /* the operator after spaces and closing parentheses */
        while (start + offset < end && (is_space(text[start + offset]) || text[start + offset] == ')' ||
                                        text[start + offset] == '\\' || text[start + offset] == '\n'))
            offset++;
        size_t l = start + offset, r = l + 1;
        if (r < end && !is_space(text[r]) && text[r] != '(')
            r++;
        *left = chars(text, l);
        *right = chars(text, r);
        return true;
    }
    if (e->kind == PY_AST_Subscript) {
        *left = chars(text, (size_t)e->v.Subscript.value->end_col_offset);
        *right = chars(text, (size_t)e->v.Subscript.slice->end_col_offset + 1);
        return true;
    }
    return false;
}

/* One frame of the traceback: where, the stripped source line, carets. */
static void print_entry(const py_code *code, int64_t pc, FILE *out)
{
    const py_insn *in = &code->insns[pc];
    fprintf(out, "  File \"%s\", line %d, in %s\n", code->filename->data, in->line, code->name->data);
    const char *line;
    size_t size;
    /* CPython reads the line from the file: "<string>" (-c) and
     * "<stdin>" have none to read */
    if (code->filename->data[0] == '<' || !source_line(code, in->line, &line, &size))
        return;
    size_t lead = 0, trail = size;
    while (lead < size && (is_space(line[lead]) || line[lead] == '\n'))
        lead++;
    while (trail > lead && (is_space(line[trail - 1]) || line[trail - 1] == '\n'))
        trail--;
    if (lead == trail)
        return;
    fprintf(out, "    %.*s\n", (int)(trail - lead), line + lead);
    if (in->col < 0 || in->end_col < 0 || (size_t)in->col > size)
        return;
    size_t stripped_chars = chars(line, lead), stripped_len = chars(line + lead, trail - lead);
    size_t start = chars(line, (size_t)in->col);
    size_t end = in->end_line == in->line && (size_t)in->end_col <= size ? chars(line, (size_t)in->end_col)
                                                                        : stripped_chars + stripped_len;
    size_t left = 0, right = 0;
    bool anchored = in->end_line == in->line && (size_t)in->end_col <= size &&
                    anchors(line + in->col, (size_t)(in->end_col - in->col), &left, &right);
    if (end <= start || (end - start >= stripped_len && !(anchored && right > left)))
        return;
    fprintf(out, "    %*s", (int)(start - stripped_chars), "");
    for (size_t i = 0; i < end - start; i++)
        fputc(!anchored ? '^' : i < left || i >= right ? '~' : '^', out);
    fputc('\n', out);
}

enum { TB_LIMIT = 1000, TB_RECURSIVE_CUTOFF = 3 };

static void print_repeated(int64_t count, FILE *out)
{
    count -= TB_RECURSIVE_CUTOFF;
    fprintf(out, "  [Previous line repeated %lld more time%s]\n", (long long)count, count > 1 ? "s" : "");
}

/* The traceback entries (appended innermost first), most recent call last:
 * at most the last TB_LIMIT, a line repeated more than three times in a
 * row folded. */
static void print_traceback(const py_list *tb, FILE *out)
{
    fputs("Traceback (most recent call last):\n", out);
    const py_code *last = NULL;
    int32_t last_line = -1;
    int64_t count = 0;
    for (int64_t i = tb->length < TB_LIMIT ? tb->length : TB_LIMIT; i-- > 0;) {
        const py_tuple *entry = (const py_tuple *)tb->items[i];
        const py_code *code = (const py_code *)entry->items[0];
        int64_t pc = py_small_value(entry->items[1]);
        int32_t line = code->insns[pc].line;
        if (!last || strcmp(code->filename->data, last->filename->data) || line != last_line ||
            strcmp(code->name->data, last->name->data)) {
            if (count > TB_RECURSIVE_CUTOFF)
                print_repeated(count, out);
            last = code;
            last_line = line;
            count = 0;
        }
        if (++count <= TB_RECURSIVE_CUTOFF)
            print_entry(code, pc, out);
    }
    if (count > TB_RECURSIVE_CUTOFF)
        print_repeated(count, out);
}

/* ---- "Did you mean" ------------------------------------------------------------ */

/* The bound globals of a module, in the order they were first bound
 * (the module's list has the newest first). */
static py_list *global_names(const py_module *m)
{
    py_list *names = py_list_new(0);
    for (const py_global *g = m->globals; g; g = g->next)
        if (g->cell.value)
            py_list_append(names, (py_val)g->name);
    for (int64_t i = 0, j = names->length - 1; i < j; i++, j--) {
        py_val t = names->items[i];
        names->items[i] = names->items[j];
        names->items[j] = t;
    }
    return names;
}

static py_str *suggest_from(py_str *name, const py_list *names)
{
    return py_suggest_name(name, (py_str *const *)names->items, (size_t)names->length);
}

/* What CPython suggests for a NameError (the innermost frame's variables,
 * then its globals, then the builtins) or an AttributeError (the
 * object's attributes); NULL for none. */
static py_str *suggestion(py_val exc)
{
    const py_exception *e = (const py_exception *)exc;
    if (!e->name || py_type_of(e->name) != &py_str_type)
        return NULL;
    py_str *name = (py_str *)e->name;
    if (py_type_of(exc) == &py_exc_NameError) {
        const py_list *tb = (const py_list *)e->traceback;
        if (!tb || !tb->length)
            return NULL;
        const py_code *code = (const py_code *)((const py_tuple *)tb->items[0])->items[0];
        py_str *s = NULL;
        if (!(code->flags & PY_CO_MODULE))
            s = py_suggest_name(name, code->varnames, code->nlocals + code->nfree);
        if (!s)
            s = suggest_from(name, global_names(code->module));
        if (!s && code->module->builtins)
            s = suggest_from(name, global_names(code->module->builtins));
        return s;
    }
    if (py_isinstance(exc, &py_exc_AttributeError) && e->obj) {
        if (py_type_of(e->obj) == &py_module_type)
            return suggest_from(name, global_names((const py_module *)e->obj));
        return py_attribute_suggestion(e->obj, name);
    }
    return NULL;
}

/* "Type: message", or "Type" when str(exc) is empty; then what the name
 * that was not found may have meant. */
static void print_message(py_val exc, FILE *out)
{
    py_str *text = (py_str *)py_to_str(exc);
    if (!text) {
        py_err_take();
        fprintf(out, "%s: <exception str() failed>\n", py_type_name(exc));
        return;
    }
    py_str *meant = suggestion(exc);
    if (text->size)
        fprintf(out, "%s: %s", py_type_name(exc), text->data);
    else
        fputs(py_type_name(exc), out);
    if (meant)
        fprintf(out, ". Did you mean: '%s'?", meant->data);
    fputc('\n', out);
}

static void print_chain(py_val exc, py_list *seen, FILE *out)
{
    py_list_append(seen, exc);
    const py_exception *e = (const py_exception *)exc;
    bool cause_seen = false, context_seen = false;
    for (int64_t i = 0; i < seen->length; i++) {
        cause_seen |= e->cause && seen->items[i] == e->cause;
        context_seen |= e->context && seen->items[i] == e->context;
    }
    if (e->cause && !cause_seen) {
        print_chain(e->cause, seen, out);
        fputs("\nThe above exception was the direct cause of the following exception:\n\n", out);
    } else if (e->context && !e->suppress_context && !context_seen) {
        print_chain(e->context, seen, out);
        fputs("\nDuring handling of the above exception, another exception occurred:\n\n", out);
    }
    if (e->traceback && ((const py_list *)e->traceback)->length)
        print_traceback((const py_list *)e->traceback, out);
    print_message(exc, out);
}

void py_print_exception(py_val exc, FILE *out)
{
    print_chain(exc, py_list_new(0), out);
}
