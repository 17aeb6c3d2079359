/* tiny_load.c — reading mttiny's assembly text into functions, resolving
 * labels, calls and locals, and computing the stack height before every
 * instruction (which must be the same on every path that reaches it). */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tiny.h"

static const struct {
    const char *name;
    tiny_opcode op;
    int pops, pushes; /* CALL: from the callee */
    bool operand;
} ops[] = {
    {"push", T_PUSH, 0, 1, true},     {"pop", T_POP, 1, 0, false},
    {"dup", T_DUP, 1, 2, false},      {"load", T_LOAD, 0, 1, true},
    {"store", T_STORE, 1, 0, true},   {"add", T_ADD, 2, 1, false},
    {"sub", T_SUB, 2, 1, false},      {"mul", T_MUL, 2, 1, false},
    {"pow", T_POW, 2, 1, false},
    {"lt", T_LT, 2, 1, false},        {"le", T_LE, 2, 1, false},
    {"eq", T_EQ, 2, 1, false},        {"ne", T_NE, 2, 1, false},
    {"jump", T_JUMP, 0, 0, true},     {"jumpif", T_JUMPIF, 1, 0, true},
    {"jumpifnot", T_JUMPIFNOT, 1, 0, true}, {"call", T_CALL, 0, 1, true},
    {"ret", T_RET, 1, 0, false},      {"print", T_PRINT, 1, 0, false},
    {"gget", T_GGET, 0, 1, true},     {"gset", T_GSET, 1, 0, true},
};

typedef struct loader {
    char *err;
    size_t errsize;
    tiny_program *prog;
} loader;

static bool fail(loader *ld, int line, const char *fmt, ...)
{
    va_list ap;
    int n = snprintf(ld->err, ld->errsize, "%d: ", line);
    va_start(ap, fmt);
    vsnprintf(ld->err + n, ld->errsize - (size_t)n, fmt, ap);
    va_end(ap);
    return false;
}

/* A source line split into at most 8 words, comments dropped. */
typedef struct words {
    char *w[8];
    int n;
    int line;
} words;

static bool split(loader *ld, char *text, int line, words *out)
{
    char *hash = strchr(text, '#');
    if (hash)
        *hash = '\0';
    out->n = 0;
    out->line = line;
    for (char *p = strtok(text, " \t\r"); p; p = strtok(NULL, " \t\r")) {
        if (out->n == 8)
            return fail(ld, line, "too many words");
        out->w[out->n++] = p;
    }
    return true;
}

static tiny_func *find_func(const tiny_program *prog, const char *name)
{
    for (size_t i = 0; i < prog->nfuncs; i++)
        if (!strcmp(prog->funcs[i]->name, name))
            return prog->funcs[i];
    return NULL;
}

/* The global `name`, created (as 0) when first named. */
static mt_quasi *global(tiny_program *prog, const char *name)
{
    for (size_t i = 0; i < prog->nglobals; i++)
        if (!strcmp(prog->globals[i]->name, name))
            return &prog->globals[i]->cell;
    tiny_global *g = mt_alloc(sizeof *g);
    g->name = name;
    prog->globals = mt_realloc(prog->globals, (prog->nglobals + 1) * sizeof *prog->globals);
    prog->globals[prog->nglobals++] = g;
    return &g->cell;
}

typedef struct names {
    const char *name[256];
    int64_t value[256];
    int n;
} names;

static int64_t lookup(const names *ns, const char *name)
{
    for (int i = 0; i < ns->n; i++)
        if (!strcmp(ns->name[i], name))
            return ns->value[i];
    return -1;
}

static bool add_name(loader *ld, names *ns, const char *name, int64_t value, int line, const char *what)
{
    if (lookup(ns, name) >= 0)
        return fail(ld, line, "%s '%s' defined twice", what, name);
    if (ns->n == 256)
        return fail(ld, line, "too many %ss", what);
    ns->name[ns->n] = name;
    ns->value[ns->n++] = value;
    return true;
}

static int op_index(const char *name)
{
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (!strcmp(ops[i].name, name))
            return (int)i;
    return -1;
}

static bool parse_int(const char *s, int64_t *out)
{
    char *end;
    long long v = strtoll(s, &end, 10);
    *out = v;
    return *s && !*end;
}

/* Stack heights by a worklist over the control flow. */
static bool stack_heights(loader *ld, tiny_func *f, uint32_t nlocals)
{
    size_t n = f->ncode;
    int64_t *height = malloc((n + 1) * sizeof *height);
    size_t *work = malloc((n + 1) * sizeof *work);
    for (size_t i = 0; i < n; i++)
        height[i] = -1;
    size_t nwork = 0;
    int64_t max = 0;
    height[0] = 0;
    work[nwork++] = 0;
    bool ok = true;
    while (ok && nwork) {
        size_t pc = work[--nwork];
        tiny_insn *in = &f->code[pc];
        int k = 0;
        while (ops[k].op != in->op)
            k++;
        int pops = in->op == T_CALL ? (int)in->callee->nparams : ops[k].pops;
        int64_t h = height[pc];
        if (h < pops) {
            ok = fail(ld, in->line, "'%s' needs %d value%s on the stack, has %lld", ops[k].name, pops,
                      pops == 1 ? "" : "s", (long long)h);
            break;
        }
        int64_t after = h - pops + ops[k].pushes;
        if (after > max)
            max = after;
        size_t next[2];
        int nnext = 0;
        if (in->op != T_JUMP && in->op != T_RET)
            next[nnext++] = pc + 1;
        if (in->op == T_JUMP || in->op == T_JUMPIF || in->op == T_JUMPIFNOT)
            next[nnext++] = (size_t)in->arg;
        for (int i = 0; i < nnext && ok; i++) {
            if (next[i] == n) {
                ok = fail(ld, in->line, "function '%s' runs off its end (no 'ret')", f->name);
            } else if (height[next[i]] < 0) {
                height[next[i]] = after;
                work[nwork++] = next[i];
            } else if (height[next[i]] != after) {
                ok = fail(ld, f->code[next[i]].line,
                          "the stack holds %lld values on one path here and %lld on another",
                          (long long)height[next[i]], (long long)after);
            }
        }
    }
    for (size_t i = 0; ok && i < n; i++)
        f->code[i].top = nlocals + (uint32_t)(height[i] < 0 ? 0 : height[i]);
    f->nslots = nlocals + (uint32_t)max;
    free(height);
    free(work);
    return ok;
}

/* One function: lines [first, last) between `func` and `end`. */
static bool load_func(loader *ld, tiny_func *f, words *lines, int first, int last, int func_line)
{
    names locals = {.n = 0}, labels = {.n = 0};
    words *head = &lines[first - 1];
    for (int i = 2; i < head->n; i++)
        if (!add_name(ld, &locals, head->w[i], locals.n, func_line, "parameter"))
            return false;
    f->nparams = (uint32_t)locals.n;
    /* labels and locals first: jumps and loads may come before them */
    size_t ncode = 0;
    for (int i = first; i < last; i++) {
        words *l = &lines[i];
        if (!l->n)
            continue;
        size_t len = strlen(l->w[0]);
        if (l->w[0][len - 1] == ':') {
            l->w[0][len - 1] = '\0';
            if (!add_name(ld, &labels, l->w[0], (int64_t)ncode, l->line, "label"))
                return false;
            if (l->n > 1)
                return fail(ld, l->line, "a label goes on a line of its own");
            l->n = 0;
            continue;
        }
        if (!strcmp(l->w[0], "store") && l->n == 2 && lookup(&locals, l->w[1]) < 0 &&
            !add_name(ld, &locals, l->w[1], locals.n, l->line, "local"))
            return false;
        ncode++;
    }
    if (!ncode)
        return fail(ld, func_line, "function '%s' is empty", f->name);
    f->code = mt_alloc(ncode * sizeof *f->code);
    f->ncode = 0;
    for (int i = first; i < last; i++) {
        words *l = &lines[i];
        if (!l->n)
            continue;
        int k = op_index(l->w[0]);
        if (k < 0)
            return fail(ld, l->line, "unknown instruction '%s'", l->w[0]);
        if (l->n != (ops[k].operand ? 2 : 1))
            return fail(ld, l->line, ops[k].operand ? "'%s' takes one operand" : "'%s' takes no operand",
                        l->w[0]);
        tiny_insn *in = &f->code[f->ncode++];
        *in = (tiny_insn){.op = ops[k].op, .line = l->line};
        const char *arg = l->n > 1 ? l->w[1] : NULL;
        switch (in->op) {
        case T_PUSH:
            if (!parse_int(arg, &in->arg))
                return fail(ld, l->line, "'push' needs an integer, not '%s'", arg);
            break;
        case T_LOAD:
        case T_STORE:
            if ((in->arg = lookup(&locals, arg)) < 0)
                return fail(ld, l->line, "no local or parameter named '%s'", arg);
            break;
        case T_JUMP:
        case T_JUMPIF:
        case T_JUMPIFNOT:
            if ((in->arg = lookup(&labels, arg)) < 0)
                return fail(ld, l->line, "no label '%s' in function '%s'", arg, f->name);
            break;
        case T_CALL:
            if (!(in->callee = find_func(ld->prog, arg)))
                return fail(ld, l->line, "no function named '%s'", arg);
            break;
        case T_GGET:
        case T_GSET:
            in->global = global(ld->prog, arg);
            break;
        default:
            break;
        }
    }
    return stack_heights(ld, f, (uint32_t)locals.n);
}

bool tiny_load(const char *source, tiny_program *prog, char *err, size_t errsize)
{
    loader ld = {err, errsize, prog};
    *prog = (tiny_program){0};
    /* split every line */
    char *text = mt_strdup(source);
    int nlines = 1;
    for (const char *p = text; *p; p++)
        nlines += *p == '\n';
    words *lines = mt_alloc((size_t)nlines * sizeof *lines);
    char *p = text;
    for (int i = 0; i < nlines; i++) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        if (!split(&ld, p, i + 1, &lines[i]))
            return false;
        p = nl ? nl + 1 : p + strlen(p);
    }
    /* functions: names first, so calls may refer forward */
    int *starts = mt_alloc_atomic((size_t)nlines * sizeof *starts);
    int *ends = mt_alloc_atomic((size_t)nlines * sizeof *ends);
    size_t nfuncs = 0;
    for (int i = 0; i < nlines; i++) {
        words *l = &lines[i];
        if (!l->n)
            continue;
        if (strcmp(l->w[0], "func"))
            return fail(&ld, l->line, "expected 'func NAME PARAMS...', found '%s'", l->w[0]);
        if (l->n < 2)
            return fail(&ld, l->line, "'func' needs a name");
        int j = i + 1;
        while (j < nlines && !(lines[j].n && !strcmp(lines[j].w[0], "end"))) {
            if (lines[j].n && !strcmp(lines[j].w[0], "func"))
                return fail(&ld, lines[j].line, "'func' inside function '%s' (missing 'end')", l->w[1]);
            j++;
        }
        if (j == nlines)
            return fail(&ld, l->line, "function '%s' has no 'end'", l->w[1]);
        if (lines[j].n > 1)
            return fail(&ld, lines[j].line, "'end' takes no operand");
        starts[nfuncs] = i + 1;
        ends[nfuncs] = j;
        tiny_func *f = mt_alloc(sizeof *f);
        f->name = l->w[1];
        if (find_func(prog, f->name))
            return fail(&ld, l->line, "function '%s' defined twice", f->name);
        prog->funcs = mt_realloc(prog->funcs, (nfuncs + 1) * sizeof *prog->funcs);
        prog->funcs[nfuncs++] = f;
        prog->nfuncs = nfuncs;
        i = j;
    }
    for (size_t i = 0; i < nfuncs; i++) {
        if (!load_func(&ld, prog->funcs[i], lines, starts[i], ends[i], lines[starts[i] - 1].line))
            return false;
    }
    prog->main = find_func(prog, "main");
    size_t size = strlen(source);
    int last_line = nlines - (size && source[size - 1] == '\n');
    if (!prog->main) /* reported at the end of the file */
        return fail(&ld, last_line, "no function 'main'");
    for (size_t i = 0; i < nfuncs; i++)
        if (prog->funcs[i] == prog->main && prog->main->nparams)
            return fail(&ld, lines[starts[i] - 1].line, "'main' takes no parameters");
    return true;
}
