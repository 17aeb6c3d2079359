/* mt_ir_parse.c — reads the text form mt_ir_print writes, so optimizer tests
 * can be written as "trace in, trace out" and traces can be round-tripped.
 * `%N` names are labels: they need not match the refs the parse assigns. */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "mt_internal.h"
#include "mt_ir.h"

/* Functions a CALL in a text trace may name. */
static struct {
    const char *name;
    void *fn;
} known_calls[64];
static unsigned nknown_calls;

void mt_ir_register_call(const char *name, void *fn)
{
    for (unsigned i = 0; i < nknown_calls; i++)
        if (!strcmp(known_calls[i].name, name)) {
            known_calls[i].fn = fn;
            return;
        }
    if (nknown_calls < sizeof known_calls / sizeof known_calls[0])
        known_calls[nknown_calls++] = (typeof(known_calls[0])){name, fn};
}

static void *lookup_call(const char *name)
{
    for (unsigned i = 0; i < nknown_calls; i++)
        if (!strcmp(known_calls[i].name, name))
            return known_calls[i].fn;
    return NULL;
}

typedef struct parser {
    mt_trace *t;
    const char *p;   /* current position in the current line */
    long line;
    mt_ref *labels;  /* label number -> ref (0: undefined) */
    uint32_t nlabels;
    char *err;
    size_t errsize;
} parser;

static bool fail(parser *ps, const char *fmt, ...)
{
    int n = snprintf(ps->err, ps->errsize, "line %ld: ", ps->line);
    va_list ap;
    va_start(ap, fmt);
    if (n >= 0 && (size_t)n < ps->errsize)
        vsnprintf(ps->err + n, ps->errsize - (size_t)n, fmt, ap);
    va_end(ap);
    return false;
}

static void skip_space(parser *ps)
{
    while (*ps->p == ' ' || *ps->p == '\t')
        ps->p++;
}

static bool accept(parser *ps, char c)
{
    skip_space(ps);
    if (*ps->p != c)
        return false;
    ps->p++;
    return true;
}

static bool expect(parser *ps, char c)
{
    return accept(ps, c) || fail(ps, "expected '%c' at '%.20s'", c, ps->p);
}

static bool parse_label(parser *ps, uint32_t *label)
{
    skip_space(ps);
    if (*ps->p != '%' || !isdigit((unsigned char)ps->p[1]))
        return fail(ps, "expected %%N at '%.20s'", ps->p);
    char *end;
    unsigned long n = strtoul(ps->p + 1, &end, 10);
    if (n == 0 || n > 10000000)
        return fail(ps, "label %%%lu out of range", n);
    ps->p = end;
    *label = (uint32_t)n;
    return true;
}

static bool parse_ref(parser *ps, mt_ref *ref)
{
    uint32_t label;
    if (!parse_label(ps, &label))
        return false;
    if (label >= ps->nlabels || !ps->labels[label])
        return fail(ps, "%%%u used before it is defined", label);
    *ref = ps->labels[label];
    return true;
}

static bool parse_int(parser *ps, int64_t *value)
{
    skip_space(ps);
    char *end;
    long long v = strtoll(ps->p, &end, 0);
    if (end == ps->p)
        return fail(ps, "expected a number at '%.20s'", ps->p);
    ps->p = end;
    *value = v;
    return true;
}

static size_t word_length(const char *p)
{
    size_t n = 0;
    while (isalnum((unsigned char)p[n]) || p[n] == '_')
        n++;
    return n;
}

/* Refs until `close`, appended to the pool. */
static bool parse_ref_list(parser *ps, char close, uint32_t *first, uint32_t *count)
{
    *first = ps->t->npool;
    *count = 0;
    for (;;) {
        skip_space(ps);
        if (*ps->p == close || *ps->p == '|')
            return true;
        mt_ref ref;
        if (!parse_ref(ps, &ref))
            return false;
        mt_ir_pool_add(ps->t, &ref, 1);
        ++*count;
        accept(ps, ',');
    }
}

static bool parse_effects(parser *ps, unsigned *effects)
{
    *effects = 0;
    skip_space(ps);
    if (strncmp(ps->p, "effects=", 8))
        return true;
    ps->p += 8;
    do {
        size_t n = word_length(ps->p);
        unsigned i;
        for (i = 0; i < MT_EFFECT_COUNT; i++)
            if (strlen(mt_effect_names[i]) == n && !strncmp(ps->p, mt_effect_names[i], n))
                break;
        if (i == MT_EFFECT_COUNT)
            return fail(ps, "unknown effect '%.*s'", (int)n, ps->p);
        unsigned bit = 1u << i; /* and what it implies */
        *effects |= bit == MT__EFFECT_REENTERS_BIT ? MT_EFFECT_REENTERS : bit;
        ps->p += n;
    } while (*ps->p == ',' && ps->p++);
    return true;
}

/* A pending store, `%BASE.OFFSET=%VALUE`: the latest delayed store of
 * that value to that place so far. */
static bool parse_pending(parser *ps, mt_ref *store)
{
    mt_ref base, value;
    int64_t offset;
    if (!parse_ref(ps, &base) || !expect(ps, '.') || !parse_int(ps, &offset) || !expect(ps, '=') ||
        !parse_ref(ps, &value))
        return false;
    const mt_trace *t = ps->t;
    for (mt_ref r = t->nins; r-- > 1;) {
        const mt_ins *st = &t->ins[r];
        if (mt_ir_is_delayed_store(t, r) && st->a == base && st->aux == offset &&
            mt_ir_stored_value(st) == value) {
            *store = r;
            return true;
        }
    }
    return fail(ps, "no delayed store %%%u.%lld=%%%u before the guard", base, (long long)offset, value);
}

static bool parse_snapshot(parser *ps, mt_ins *ins)
{
    int64_t greens[64];
    uint32_t ngreens = 0, reds, nreds, replay, nreplay;
    if (!expect(ps, '['))
        return false;
    while (skip_space(ps), *ps->p != '|') {
        if (ngreens == 64)
            return fail(ps, "too many greens");
        if (!parse_int(ps, &greens[ngreens++]))
            return false;
    }
    ps->p++;
    if (!parse_ref_list(ps, '|', &reds, &nreds) || !expect(ps, '|') ||
        !parse_ref_list(ps, ']', &replay, &nreplay) || !expect(ps, ']'))
        return false;
    mt_trace *t = ps->t;
    mt_ref refs[nreds + nreplay + 1];
    if (nreds + nreplay) { /* else the pool may still be NULL */
        memcpy(refs, t->pool + reds, nreds * sizeof *refs);
        memcpy(refs + nreds, t->pool + replay, nreplay * sizeof *refs);
    }
    t->npool = reds; /* re-added in place by mt_ir_snapshot_add */
    ins->snap = mt_ir_snapshot_add(t, greens, ngreens, refs, nreds, refs + nreds, nreplay);
    skip_space(ps);
    if (!strncmp(ps->p, "depth=", 6)) {
        ps->p += 6;
        int64_t depth;
        if (!parse_int(ps, &depth))
            return false;
        if (depth < INT32_MIN || depth > INT32_MAX)
            return fail(ps, "depth %lld out of range", (long long)depth);
        t->snaps[ins->snap].depth = (int32_t)depth;
        skip_space(ps);
    }
    if (!strncmp(ps->p, "pending(", 8)) {
        ps->p += 8;
        mt_ref stores[64];
        uint32_t n = 0;
        while (!accept(ps, ')')) {
            if (n == 64)
                return fail(ps, "too many pending stores");
            if (!parse_pending(ps, &stores[n++]))
                return false;
        }
        mt_ir_snapshot_pending(t, ins->snap, stores, n);
    }
    return true;
}

static bool parse_operands(parser *ps, mt_ins *ins, const mt_irinfo *info)
{
    switch (info->shape) {
    case MT_SHAPE_N:
        return true;
    case MT_SHAPE_A:
        return parse_ref(ps, &ins->a);
    case MT_SHAPE_AB:
        return parse_ref(ps, &ins->a) && expect(ps, ',') && parse_ref(ps, &ins->b);
    case MT_SHAPE_ABC:
        return parse_ref(ps, &ins->a) && expect(ps, ',') && parse_ref(ps, &ins->b) &&
               expect(ps, ',') && parse_ref(ps, &ins->c);
    case MT_SHAPE_K:
        return parse_int(ps, &ins->aux);
    case MT_SHAPE_AK:
        return parse_ref(ps, &ins->a) && expect(ps, ',') && parse_int(ps, &ins->aux);
    case MT_SHAPE_ABK:
        return parse_ref(ps, &ins->a) && expect(ps, ',') && parse_ref(ps, &ins->b) &&
               expect(ps, ',') && parse_int(ps, &ins->aux);
    case MT_SHAPE_V: {
        if (ins->op == MT_IR_CALL) {
            skip_space(ps);
            size_t n = word_length(ps->p);
            if (!n)
                return fail(ps, "expected a function name at '%.20s'", ps->p);
            char *name = mt_alloc_atomic(n + 1);
            memcpy(name, ps->p, n);
            name[n] = '\0';
            ps->p += n;
            uint32_t first, count;
            unsigned effects;
            if (!expect(ps, '(') || !parse_ref_list(ps, ')', &first, &count) || !expect(ps, ')') ||
                !parse_effects(ps, &effects))
                return false;
            ins->a = mt_ir_call_add(ps->t, lookup_call(name), name, effects);
            ins->aux = first;
            ins->b = count;
            return true;
        }
        skip_space(ps);
        if (ins->op == MT_IR_JUMP && *ps->p == 'T') { /* to another trace */
            char *end;
            unsigned long id = strtoul(ps->p + 1, &end, 10);
            if (end == ps->p + 1 || !id || id > UINT32_MAX)
                return fail(ps, "bad trace number at '%.20s'", ps->p);
            ins->c = (uint32_t)id;
            ps->p = end;
        }
        uint32_t first, count;
        if (!expect(ps, '(') || !parse_ref_list(ps, ')', &first, &count) || !expect(ps, ')'))
            return false;
        ins->aux = first;
        ins->b = count;
        return true;
    }
    }
    return fail(ps, "bad operand shape");
}

static bool parse_line(parser *ps)
{
    uint32_t label = 0;
    skip_space(ps);
    if (*ps->p == '%') {
        if (!parse_label(ps, &label) || !expect(ps, '='))
            return false;
        skip_space(ps);
    }
    size_t n = word_length(ps->p);
    int op;
    for (op = 0; op < MT_IR__COUNT; op++)
        if (strlen(mt_irinfo_table[op].name) == n && !strncasecmp(mt_irinfo_table[op].name, ps->p, n))
            break;
    if (op == MT_IR__COUNT)
        return fail(ps, "unknown operation '%.*s'", (int)n, ps->p);
    ps->p += n;
    const mt_irinfo *info = &mt_irinfo_table[op];
    mt_ins ins = {.op = (uint8_t)op, .type = (uint8_t)info->type};
    if (!strncmp(ps->p, ".int", 4) || !strncmp(ps->p, ".ptr", 4)) {
        if (info->type != MT_TYPE_ANY)
            return fail(ps, "%s takes no type suffix", info->name);
        ins.type = ps->p[1] == 'i' ? MT_TYPE_INT : MT_TYPE_PTR;
        ps->p += 4;
    } else if (info->type == MT_TYPE_ANY) {
        ins.type = label ? MT_TYPE_INT : MT_TYPE_VOID;
    }
    if ((ins.type != MT_TYPE_VOID) != (label != 0))
        return fail(ps, label ? "%s defines no value" : "%s needs a %%N = in front", info->name);
    if (!parse_operands(ps, &ins, info))
        return false;
    static const struct { const char *word; uint8_t flag; } flag_words[] = {
        {"frame", MT_INSF_FRAME}, {"sunk", MT_INSF_SUNK}, {"volatile", MT_INSF_VOLATILE}};
    for (size_t i = 0; i < sizeof flag_words / sizeof flag_words[0]; i++) {
        size_t n = strlen(flag_words[i].word);
        skip_space(ps);
        if (!strncmp(ps->p, flag_words[i].word, n) && !word_length(ps->p + n)) {
            ins.flags |= flag_words[i].flag;
            ps->p += n;
        }
    }
    if ((info->flags & MT_IRF_GUARD) && !parse_snapshot(ps, &ins))
        return false;
    skip_space(ps);
    if (*ps->p && *ps->p != '#')
        return fail(ps, "unexpected '%.20s'", ps->p);
    mt_trace *t = ps->t;
    mt_ref ref = ins.op == MT_IR_INPUT ? mt_ir_input(t, ins.type, (uint32_t)ins.aux)
                                       : mt_ir_emit(t, ins.op, ins.type, ins.a, ins.b, ins.c, ins.aux);
    t->ins[ref].snap = ins.snap;
    t->ins[ref].flags = ins.flags;
    if (label) {
        if (label >= ps->nlabels) {
            uint32_t n = label * 2;
            ps->labels = mt_realloc(ps->labels, n * sizeof *ps->labels);
            memset(ps->labels + ps->nlabels, 0, (n - ps->nlabels) * sizeof *ps->labels);
            ps->nlabels = n;
        }
        if (ps->labels[label])
            return fail(ps, "%%%u defined twice", label);
        ps->labels[label] = ref;
    }
    return true;
}

bool mt_ir_parse(mt_trace *t, const char *text, char *err, size_t errsize)
{
    mt_trace_init(t);
    parser ps = {.t = t, .err = err, .errsize = errsize};
    while (*text) {
        size_t len = strcspn(text, "\n");
        char *line = mt_alloc_atomic(len + 1);
        memcpy(line, text, len);
        line[len] = '\0';
        ps.p = line;
        ps.line++;
        skip_space(&ps);
        if (*ps.p && *ps.p != '#' && !parse_line(&ps))
            return false;
        text += len + (text[len] == '\n');
    }
    mt_ir_snapshot_virtuals(t);
    return true;
}
