/* mt_ir.c — the IR tables, the trace builder and the printer. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mt_internal.h"
#include "mt_ir.h"

const mt_irinfo mt_irinfo_table[MT_IR__COUNT] = {
#define MT_IR_INFO(name, shape, type, flags) \
    [MT_IR_##name] = {#name, MT_SHAPE_##shape, MT_TYPE_##type, flags},
    MT_IRDEF(MT_IR_INFO)
#undef MT_IR_INFO
};

void mt_trace_init(mt_trace *t)
{
    memset(t, 0, sizeof *t);
    MT_RESERVE(t->ins, t->maxins, 1);
    t->ins[0] = (mt_ins){.op = MT_IR_NOP};
    t->nins = 1; /* ref 0 means "no value" */
}

mt_ref mt_ir_emit(mt_trace *t, mt_irop op, mt_irtype type, mt_ref a, mt_ref b, mt_ref c, int64_t aux)
{
    MT_RESERVE(t->ins, t->maxins, t->nins + 1);
    if (mt_irinfo_table[op].type != MT_TYPE_ANY)
        type = mt_irinfo_table[op].type;
    t->ins[t->nins] = (mt_ins){.op = op, .type = type, .a = a, .b = b, .c = c, .aux = aux};
    if (op == MT_IR_LABEL)
        t->label = t->nins;
    return t->nins++;
}

mt_ref mt_ir_const(mt_trace *t, mt_irtype type, int64_t value)
{
    /* Interned among the last few hundred instructions: the recorder emits
     * few distinct constants and reuses recent ones; CSE merges the rest. */
    mt_ref stop = t->nins > 256 ? t->nins - 256 : 1;
    for (mt_ref r = t->nins; r-- > stop;) {
        const mt_ins *ins = &t->ins[r];
        if (ins->op == MT_IR_CONST && ins->type == type && ins->aux == value)
            return r;
    }
    return mt_ir_emit(t, MT_IR_CONST, type, 0, 0, 0, value);
}

mt_ref mt_ir_input(mt_trace *t, mt_irtype type, uint32_t slot)
{
    if (slot >= t->ninputs)
        t->ninputs = slot + 1;
    return mt_ir_emit(t, MT_IR_INPUT, type, 0, 0, 0, slot);
}

uint32_t mt_ir_pool_add(mt_trace *t, const mt_ref *refs, uint32_t n)
{
    if (!n) /* refs may be NULL */
        return t->npool;
    MT_RESERVE(t->pool, t->maxpool, t->npool + n);
    memcpy(t->pool + t->npool, refs, n * sizeof *refs);
    t->npool += n;
    return t->npool - n;
}

void mt_ir_quasi_add(mt_trace *t, struct mt_quasi *cell, int64_t value)
{
    for (uint32_t i = 0; i < t->nquasi; i++)
        if (t->quasi[i].cell == cell)
            return;
    MT_RESERVE(t->quasi, t->maxquasi, t->nquasi + 1);
    t->quasi[t->nquasi++] = (mt_quasi_dep){cell, value};
}

uint32_t mt_ir_call_add(mt_trace *t, void *fn, const char *name, unsigned effects)
{
    for (uint32_t i = 0; i < t->ncalls; i++)
        if (t->calls[i].fn == fn && !strcmp(t->calls[i].name, name) && t->calls[i].effects == effects)
            return i;
    MT_RESERVE(t->calls, t->maxcalls, t->ncalls + 1);
    t->calls[t->ncalls] = (mt_callinfo){fn, name, effects};
    return t->ncalls++;
}

uint32_t mt_ir_snapshot_add(mt_trace *t, const int64_t *greens, uint32_t ngreens,
                            const mt_ref *reds, uint32_t nreds, const mt_ref *replay,
                            uint32_t nreplay)
{
    MT_RESERVE(t->snaps, t->maxsnaps, t->nsnaps + 1);
    MT_RESERVE(t->words, t->maxwords, t->nwords + ngreens);
    mt_snapshot *s = &t->snaps[t->nsnaps];
    s->depth = 0;
    s->greens = t->nwords;
    s->ngreens = ngreens;
    memcpy(t->words + t->nwords, greens, ngreens * sizeof *greens);
    t->nwords += ngreens;
    s->nreds = nreds;
    s->reds = mt_ir_pool_add(t, reds, nreds);
    s->nreplay = nreplay;
    s->replay = mt_ir_pool_add(t, replay, nreplay);
    s->pending = s->npending = 0;
    s->virt = s->nvirt = 0;
    s->plan = MT_NO_PLAN;
    s->nfix = 0;
    return t->nsnaps++;
}

void mt_ir_snapshot_pending(mt_trace *t, uint32_t snap, const mt_ref *stores, uint32_t n)
{
    uint32_t first = mt_ir_pool_add(t, stores, n);
    t->snaps[snap].pending = first;
    t->snaps[snap].npending = n;
}

static int compare_refs(const void *x, const void *y)
{
    mt_ref a = *(const mt_ref *)x, b = *(const mt_ref *)y;
    return (a > b) - (a < b);
}

/* The index of `r` in the sorted virtual list. */
static uint32_t entry_of(const mt_ref *list, uint32_t n, mt_ref r)
{
    const mt_ref *at = bsearch(&r, list, n, sizeof *list, compare_refs);
    return (uint32_t)(at - list);
}

/* Snapshot s's plan (mt_snapshot.plan) for its virtual list `list`,
 * built in *work. */
static void plan_deopt(mt_trace *t, mt_snapshot *s, const mt_ref *list, mt_ref **work, uint32_t *maxwork)
{
    uint32_t n = s->nvirt, nvalues = s->nreds + s->nreplay, k = 0;
    s->plan = MT_NO_PLAN;
    s->nfix = 0;
    if (!n)
        return;
    MT_RESERVE(*work, *maxwork, 2 * n + 2 * nvalues);
    mt_ref *w = *work;
    for (uint32_t i = 0; i < n; i++) {
        const mt_ins *ins = &t->ins[list[i]];
        bool store = ins->op != MT_IR_NEW && (ins->flags & MT_INSF_SUNK);
        mt_ref value = store ? mt_ir_stored_value(ins) : 0;
        w[i] = store ? entry_of(list, n, ins->a) : 0;
        w[n + i] = store && mt_ir_is_sunk_new(t, value) ? entry_of(list, n, value) : MT_NO_PLAN;
    }
    k = 2 * n;
    for (uint32_t i = 0; i < nvalues; i++) {
        mt_ref r = mt_snapshot_ref(t, s, i);
        if (r && mt_ir_is_sunk_new(t, r)) {
            w[k++] = i;
            w[k++] = entry_of(list, n, r);
        }
    }
    s->plan = mt_ir_pool_add(t, w, k);
    s->nfix = (k - 2 * n) / 2;
}

void mt_ir_snapshot_virtuals(mt_trace *t)
{
    /* Each sunk NEW's sunk stores, chained in trace order. */
    mt_ref *first = mt_alloc_atomic(t->nins * sizeof *first);
    mt_ref *last = mt_alloc_atomic(t->nins * sizeof *last);
    mt_ref *next = mt_alloc_atomic(t->nins * sizeof *next);
    uint32_t *seen = mt_alloc_atomic(t->nins * sizeof *seen);
    mt_ref *list = NULL, *work = NULL;
    uint32_t maxlist = 0, maxwork = 0;
    memset(first, 0, t->nins * sizeof *first);
    memset(seen, 0, t->nins * sizeof *seen);
    bool any = false;
    for (mt_ref r = 1; r < t->nins; r++) {
        const mt_ins *ins = &t->ins[r];
        any |= (ins->flags & MT_INSF_SUNK) != 0;
        if (!(ins->flags & MT_INSF_SUNK) || ins->op == MT_IR_NEW)
            continue;
        next[r] = 0;
        if (first[ins->a])
            next[last[ins->a]] = r;
        else
            first[ins->a] = r;
        last[ins->a] = r;
    }
    for (mt_ref g = 1; g < t->nins && any; g++) {
        if (!(mt_ir_info(&t->ins[g])->flags & MT_IRF_GUARD))
            continue;
        mt_snapshot *s = &t->snaps[t->ins[g].snap];
        uint32_t nwork = 0, nlist = 0;
        for (uint32_t i = 0; i < s->nreds + s->nreplay; i++) {
            mt_ref r = mt_snapshot_ref(t, s, i);
            if (r && mt_ir_is_sunk_new(t, r) && seen[r] != g) {
                seen[r] = g;
                MT_RESERVE(work, maxwork, nwork + 1);
                work[nwork++] = r;
            }
        }
        /* The pending stores, the objects they write into, and the
         * virtual objects they store. */
        for (uint32_t i = 0; i < s->npending; i++) {
            const mt_ref st = t->pool[s->pending + i], obj = t->ins[st].a;
            mt_ref value = mt_ir_stored_value(&t->ins[st]);
            MT_RESERVE(list, maxlist, nlist + 2);
            list[nlist++] = st;
            if (seen[obj] != g) {
                seen[obj] = g;
                list[nlist++] = obj;
            }
            if (mt_ir_is_sunk_new(t, value) && seen[value] != g) {
                seen[value] = g;
                MT_RESERVE(work, maxwork, nwork + 1);
                work[nwork++] = value;
            }
        }
        while (nwork) {
            mt_ref obj = work[--nwork];
            MT_RESERVE(list, maxlist, nlist + 1);
            list[nlist++] = obj;
            for (mt_ref st = first[obj]; st && st < g; st = next[st]) {
                MT_RESERVE(list, maxlist, nlist + 1);
                list[nlist++] = st;
                mt_ref value = mt_ir_stored_value(&t->ins[st]);
                if (mt_ir_is_sunk_new(t, value) && seen[value] != g) {
                    seen[value] = g;
                    MT_RESERVE(work, maxwork, nwork + 1);
                    work[nwork++] = value;
                }
            }
        }
        /* In trace order: every object before the stores that mention it. */
        if (nlist)
            qsort(list, nlist, sizeof *list, compare_refs);
        s->virt = mt_ir_pool_add(t, list, nlist);
        s->nvirt = nlist;
        plan_deopt(t, s, list, &work, &maxwork);
    }
}

const char *const mt_effect_names[MT_EFFECT_COUNT] = {"reads", "writes", "io", "raises",
                                                      "elidable", "idempotent", "reenters"};

int64_t mt_ir_call(const mt_callinfo *call, const int64_t *args, uint32_t nargs)
{
    typedef int64_t (*fn6)(int64_t, int64_t, int64_t, int64_t, int64_t, int64_t);
    int64_t a[MT_MAX_CALL_ARGS] = {0};
    memcpy(a, args, nargs * sizeof *a);
    /* Every argument and result is one integer register on the ABIs we
     * support, so passing unused trailing arguments is harmless. */
    fn6 f = (fn6)call->fn;
    return f(a[0], a[1], a[2], a[3], a[4], a[5]);
}

/* ---- printer ------------------------------------------------------------- */

static const char *type_suffix(mt_irtype type)
{
    return type == MT_TYPE_INT ? ".int" : type == MT_TYPE_PTR ? ".ptr" : "";
}

static void print_name(const char *name, FILE *out)
{
    for (; *name; name++)
        fputc(*name >= 'A' && *name <= 'Z' ? *name - 'A' + 'a' : *name, out);
}

static void print_refs(const mt_trace *t, uint32_t first, uint32_t n, const char *sep, FILE *out)
{
    for (uint32_t i = 0; i < n; i++)
        fprintf(out, "%s%%%u", i ? sep : "", t->pool[first + i]);
}

static void print_effects(unsigned effects, FILE *out)
{
    bool any = false;
    for (unsigned i = 0; i < MT_EFFECT_COUNT; i++)
        if (effects & (1u << i)) {
            fprintf(out, "%s%s", any ? "," : " effects=", mt_effect_names[i]);
            any = true;
        }
}

void mt_ir_print(const mt_trace *t, FILE *out)
{
    if (t->nquasi) /* a comment: parsed traces assume nothing */
        fprintf(out, "  # assumes %u quasi-immutable value%s unchanged\n", t->nquasi,
                t->nquasi == 1 ? "" : "s");
    for (mt_ref r = 1; r < t->nins; r++) {
        const mt_ins *ins = &t->ins[r];
        const mt_irinfo *info = mt_ir_info(ins);
        fputs("  ", out);
        if (ins->type != MT_TYPE_VOID)
            fprintf(out, "%%%u = ", r);
        print_name(info->name, out);
        if (info->type == MT_TYPE_ANY)
            fputs(type_suffix(ins->type), out);
        switch (info->shape) {
        case MT_SHAPE_N: break;
        case MT_SHAPE_A: fprintf(out, " %%%u", ins->a); break;
        case MT_SHAPE_AB: fprintf(out, " %%%u, %%%u", ins->a, ins->b); break;
        case MT_SHAPE_ABC: fprintf(out, " %%%u, %%%u, %%%u", ins->a, ins->b, ins->c); break;
        case MT_SHAPE_K: fprintf(out, " %lld", (long long)ins->aux); break;
        case MT_SHAPE_AK: fprintf(out, " %%%u, %lld", ins->a, (long long)ins->aux); break;
        case MT_SHAPE_ABK: fprintf(out, " %%%u, %%%u, %lld", ins->a, ins->b, (long long)ins->aux); break;
        case MT_SHAPE_V:
            if (ins->op == MT_IR_CALL)
                fprintf(out, " %s", t->calls[ins->a].name);
            if (ins->op == MT_IR_JUMP && ins->c)
                fprintf(out, " T%u", ins->c);
            fputs("(", out);
            print_refs(t, (uint32_t)ins->aux, ins->b, ", ", out);
            fputs(")", out);
            if (ins->op == MT_IR_CALL)
                print_effects(t->calls[ins->a].effects, out);
            break;
        }
        if (ins->flags & MT_INSF_FRAME)
            fputs(" frame", out);
        if (ins->flags & MT_INSF_SUNK)
            fputs(" sunk", out);
        if (ins->flags & MT_INSF_VOLATILE)
            fputs(" volatile", out);
        if (info->flags & MT_IRF_GUARD) {
            const mt_snapshot *s = &t->snaps[ins->snap];
            fputs(" [", out);
            for (uint32_t i = 0; i < s->ngreens; i++)
                fprintf(out, "%s%lld", i ? " " : "", (long long)t->words[s->greens + i]);
            fputs(" | ", out);
            print_refs(t, s->reds, s->nreds, " ", out);
            fputs(" | ", out);
            print_refs(t, s->replay, s->nreplay, " ", out);
            fputs("]", out);
            if (s->depth)
                fprintf(out, " depth=%d", s->depth);
            /* a pending store as the place it writes and the value */
            for (uint32_t i = 0; i < s->npending; i++) {
                const mt_ins *st = &t->ins[t->pool[s->pending + i]];
                fprintf(out, "%s%%%u.%lld=%%%u", i ? " " : " pending(", st->a, (long long)st->aux,
                        mt_ir_stored_value(st));
            }
            if (s->npending)
                fputs(")", out);
        }
        fputc('\n', out);
    }
}
