/* mt_opt.c — the optimizer's pipeline and its emission engine.
 *
 * The pipeline, in order:
 *   1. peel (a loop that closes at itself) or forward (any other trace):
 *      copy through the engine — constant folding and algebraic
 *      simplification, guard facts, heap cache, CSE;
 *   2. sink: allocations that do not escape become virtual;
 *   3. dce: drop what nothing needs, and renumber;
 *   4. the snapshots' virtual lists, for deopt.
 * `--jit opt=0` skips 1-3 (the trace runs as recorded).
 */
#include "config.h"

#include <string.h>

#include "mt_internal.h"
#include "mt_opt.h"

static void check(const mt_trace *t, const char *after)
{
    char err[256];
    if (!mt_ir_verify(t, err, sizeof err))
        mt_die(70, "internal error: the trace does not verify after %s: %s", after, err);
}

void mt_optimize(mt_trace *t)
{
    if (mt_jit_options()->optimize) {
        mt_trace opt, final;
        const mt_ins *end = &t->ins[t->nins - 1];
        bool loop = end->op == MT_IR_JUMP && !end->c && !t->label;
        if (loop && mt_opt_peel(t, &opt)) {
            check(&opt, "peel");
        } else {
            mt_opt_forward(t, &opt);
            check(&opt, "forward");
        }
        mt_opt_sink(&opt);
        check(&opt, "sink");
        mt_opt_dce(&opt, &final);
        check(&final, "dce");
        *t = final;
    }
    mt_ir_snapshot_virtuals(t);
}

/* ---- the engine ------------------------------------------------------------ */

void mt_opt_init(mt_opt *o, const mt_trace *in, mt_trace *out)
{
    memset(o, 0, sizeof *o);
    o->in = in;
    o->out = out;
    mt_trace_init(out);
    out->ninputs = in->ninputs;
    for (uint32_t i = 0; i < in->ncalls; i++) /* same indices */
        mt_ir_call_add(out, in->calls[i].fn, in->calls[i].name, in->calls[i].effects);
    out->quasi = in->quasi; /* shared: fixed once recorded */
    out->nquasi = out->maxquasi = in->nquasi;
    o->subst = mt_alloc_atomic(in->nins * sizeof *o->subst);
    memset(o->subst, 0, in->nins * sizeof *o->subst);
    uint32_t size = 64;
    while (size < 2 * in->nins)
        size *= 2;
    o->cse = mt_alloc_atomic(size * sizeof *o->cse);
    memset(o->cse, 0, size * sizeof *o->cse);
    o->cse_mask = size - 1;
}

mt_ref mt_opt_resolve(const mt_opt *o, mt_ref r)
{
    while (r < o->maxsame && o->same[r])
        r = o->same[r];
    return r;
}

/* ---- CSE: pure instructions and guards, by operation and operands ---------- */

static bool cse_able(const mt_ins *ins)
{
    unsigned flags = mt_ir_info(ins)->flags;
    return ((flags & MT_IRF_PURE) || (flags & MT_IRF_GUARD)) && ins->op != MT_IR_EXIT &&
           ins->op != MT_IR_GUARD_NOT_INVALIDATED; /* its outcome changes with time */
}

static uint32_t cse_hash(const mt_ins *ins)
{
    uint64_t h = ins->op | (uint64_t)ins->type << 8;
    h = (h ^ ins->a) * UINT64_C(0x9E3779B97F4A7C15);
    h = (h ^ ins->b) * UINT64_C(0x9E3779B97F4A7C15);
    h = (h ^ ins->c) * UINT64_C(0x9E3779B97F4A7C15);
    h = (h ^ (uint64_t)ins->aux) * UINT64_C(0x9E3779B97F4A7C15);
    return (uint32_t)(h >> 32);
}

static bool cse_same(const mt_ins *x, const mt_ins *y)
{
    return x->op == y->op && x->type == y->type && x->a == y->a && x->b == y->b &&
           x->c == y->c && x->aux == y->aux;
}

static mt_ref cse_find(const mt_opt *o, const mt_ins *ins)
{
    for (uint32_t i = cse_hash(ins) & o->cse_mask; o->cse[i]; i = (i + 1) & o->cse_mask)
        if (cse_same(&o->out->ins[o->cse[i]], ins))
            return o->cse[i];
    return 0;
}

static void cse_add(mt_opt *o, mt_ref ref)
{
    if (2 * (o->cse_count + 1) > o->cse_mask + 1) {
        mt_ref *old = o->cse;
        uint32_t oldsize = o->cse_mask + 1;
        o->cse = mt_alloc_atomic(2 * oldsize * sizeof *o->cse);
        memset(o->cse, 0, 2 * oldsize * sizeof *o->cse);
        o->cse_mask = 2 * oldsize - 1;
        o->cse_count = 0;
        for (uint32_t i = 0; i < oldsize; i++)
            if (old[i])
                cse_add(o, old[i]);
    }
    uint32_t i = cse_hash(&o->out->ins[ref]) & o->cse_mask;
    while (o->cse[i])
        i = (i + 1) & o->cse_mask;
    o->cse[i] = ref;
    o->cse_count++;
}

mt_ref mt_opt_const(mt_opt *o, mt_irtype type, int64_t value)
{
    mt_ins key = {.op = MT_IR_CONST, .type = type, .aux = value};
    mt_ref ref = cse_find(o, &key);
    if (!ref) {
        ref = mt_ir_emit(o->out, MT_IR_CONST, type, 0, 0, 0, value);
        cse_add(o, ref);
    }
    return ref;
}

mt_ref mt_opt_emit_pure(mt_opt *o, mt_irop op, mt_irtype type, mt_ref a, mt_ref b)
{
    mt_ins ins = {.op = op, .type = type, .a = a, .b = b};
    mt_ref ref = mt_opt_fold(o, &ins);
    if (ref == MT_FOLD_EMIT)
        ref = cse_find(o, &ins);
    if (ref == MT_FOLD_EMIT) {
        ref = mt_ir_emit(o->out, (mt_irop)ins.op, (mt_irtype)ins.type, ins.a, ins.b, 0, ins.aux);
        cse_add(o, ref);
    }
    return ref;
}

/* ---- copying --------------------------------------------------------------- */

static mt_ref map(const mt_opt *o, mt_ref x) { return x ? mt_opt_resolve(o, o->subst[x]) : 0; }

/* Snapshot refs: steps without a value (stores, guards) become 0. */
static mt_ref map_snap(const mt_opt *o, mt_ref x)
{
    return o->in->ins[x].type == MT_TYPE_VOID ? 0 : map(o, x);
}

/* The pending list is the engine's own; a verbatim copy keeps the one
 * the snapshot had. */
static uint32_t copy_snapshot(mt_opt *o, uint32_t snap)
{
    const mt_trace *in = o->in;
    const mt_snapshot *s = &in->snaps[snap];
    uint32_t n = s->nreds + s->nreplay;
    mt_ref refs[n + s->npending + 1];
    for (uint32_t i = 0; i < n; i++)
        refs[i] = map_snap(o, mt_snapshot_ref(in, s, i));
    uint32_t copy = mt_ir_snapshot_add(o->out, in->words + s->greens, s->ngreens, refs, s->nreds,
                                       refs + s->nreds, s->nreplay);
    o->out->snaps[copy].depth = s->depth;
    if (!o->verbatim) {
        mt_ir_snapshot_pending(o->out, copy, o->pending, o->npending);
    } else if (s->npending) {
        for (uint32_t i = 0; i < s->npending; i++)
            refs[i] = o->subst[in->pool[s->pending + i]];
        mt_ir_snapshot_pending(o->out, copy, refs, s->npending);
    }
    return copy;
}

/* ---- delayed frame stores ----------------------------------------------------
 *
 * A frame store into an object that exists (not one the trace allocated:
 * those are allocation sinking's) is emitted sunk and kept pending; the
 * heap cache answers loads of it.  Pending stores are done for real
 * (flushed) before anything that may look at them: a call that reads or
 * writes the heap, the trace's end (the code after it reads memory), a
 * frame access through another pointer that may be the same object.
 * Guards list the pending stores, and deopt does them.  At most one store
 * per location is pending, and no two that may overlap. */

static bool is_frame_access(const mt_ins *ins) { return (ins->flags & MT_INSF_FRAME) != 0; }

static void flush_pending(mt_opt *o, uint32_t i)
{
    mt_trace *out = o->out;
    const mt_ins st = out->ins[o->pending[i]];
    mt_ref ref = mt_ir_emit(out, (mt_irop)st.op, MT_TYPE_VOID, st.a, st.b, st.c, st.aux);
    out->ins[ref].flags = MT_INSF_FRAME;
    o->pending[i] = o->pending[--o->npending];
}

void mt_opt_flush_all(mt_opt *o)
{
    while (o->npending)
        flush_pending(o, o->npending - 1);
}

/* Flush what must be in memory before `ins` runs (its operands mapped). */
static void flush_before(mt_opt *o, const mt_ins *ins)
{
    const mt_trace *out = o->out;
    unsigned flags = mt_ir_info(ins)->flags;
    bool all = flags & MT_IRF_END;
    if (ins->op == MT_IR_CALL) {
        unsigned effects = out->calls[ins->a].effects;
        all = (effects & (MT_EFFECT_READS_HEAP | MT_EFFECT_WRITES_HEAP)) && !(effects & MT_EFFECT_ELIDABLE);
    }
    for (uint32_t i = o->npending; i-- > 0;) {
        const mt_ins *st = &out->ins[o->pending[i]];
        /* a store to the same place replaces the pending one; anything
         * else that touches it (a load not forwarded) needs it done */
        bool replaced = (flags & MT_IRF_STORE) && mt_opt_same_place(st, ins);
        if (all || (is_frame_access(ins) && mt_opt_overlap(out, st, ins) && !replaced))
            flush_pending(o, i);
    }
}

static bool delays(const mt_opt *o, const mt_ins *ins)
{
    return is_frame_access(ins) && (mt_ir_info(ins)->flags & MT_IRF_STORE) &&
           o->out->ins[ins->a].op != MT_IR_NEW;
}

/* The delayed store `ref` replaces a pending one of the same place. */
static void add_pending(mt_opt *o, mt_ref ref)
{
    const mt_trace *out = o->out;
    for (uint32_t i = 0; i < o->npending; i++)
        if (mt_opt_same_place(&out->ins[o->pending[i]], &out->ins[ref])) {
            o->pending[i] = ref;
            return;
        }
    MT_RESERVE(o->pending, o->maxpending, o->npending + 1);
    o->pending[o->npending++] = ref;
}

/* A load of a pending location the heap cache forgot (it keeps a bounded
 * number of entries): the pending store's value, else 0. */
static mt_ref pending_value(const mt_opt *o, const mt_ins *load)
{
    const mt_trace *out = o->out;
    for (uint32_t i = 0; i < o->npending; i++) {
        const mt_ins *st = &out->ins[o->pending[i]];
        if (mt_opt_same_place(st, load))
            return mt_ir_stored_value(st);
    }
    return 0;
}

/* A volatile load is read again in every trip round the loop and after
 * every call that may write memory; in between, the same load takes the
 * value read before (a flag is looked at at least once per trip). */
static mt_ref volatile_seen(mt_opt *o, const mt_ins *load)
{
    const mt_trace *out = o->out;
    uint32_t kept = 0;
    mt_ref found = MT_FOLD_EMIT;
    for (uint32_t i = 0; i < o->nvolatiles; i++) {
        mt_ref r = o->volatiles[i];
        if (r <= o->volatile_floor)
            continue;
        o->volatiles[kept++] = r;
        const mt_ins *v = &out->ins[r];
        if (v->op == load->op && v->a == load->a && v->b == load->b && v->aux == load->aux)
            found = r;
    }
    o->nvolatiles = kept;
    return found;
}

void mt_opt_copy(mt_opt *o, mt_ref x)
{
    const mt_ins *src = &o->in->ins[x];
    const mt_irinfo *info = mt_ir_info(src);
    mt_ins ins = *src;
    mt_trace *out = o->out;
    switch (ins.op) {
    case MT_IR_NOP:
        return;
    case MT_IR_CONST:
        o->subst[x] = mt_opt_const(o, ins.type, ins.aux);
        return;
    case MT_IR_INPUT:
        o->subst[x] = mt_ir_input(out, ins.type, (uint32_t)ins.aux);
        return;
    }
    switch (info->shape) {
    case MT_SHAPE_ABC: ins.c = map(o, ins.c); /* fall through */
    case MT_SHAPE_AB:
    case MT_SHAPE_ABK: ins.b = map(o, ins.b); /* fall through */
    case MT_SHAPE_A:
    case MT_SHAPE_AK: ins.a = map(o, ins.a); break;
    case MT_SHAPE_V: {
        mt_ref args[ins.b + 1];
        for (uint32_t i = 0; i < ins.b; i++)
            args[i] = map(o, o->in->pool[ins.aux + i]);
        ins.aux = mt_ir_pool_add(out, args, ins.b);
        break;
    }
    default: break;
    }
    mt_ref ref = o->verbatim ? MT_FOLD_EMIT : mt_opt_fold(o, &ins);
    if (ref == MT_FOLD_DROP) {
        o->subst[x] = 0;
        return;
    }
    if (ref == MT_FOLD_EMIT && !o->verbatim && (ins.flags & MT_INSF_VOLATILE))
        ref = volatile_seen(o, &ins);
    else if (ref == MT_FOLD_EMIT && !o->verbatim && (mt_ir_info(&ins)->flags & MT_IRF_LOAD)) {
        ref = mt_opt_heap_load(o, &ins);
        if (ref == MT_FOLD_EMIT && is_frame_access(&ins))
            ref = pending_value(o, &ins);
    }
    if (ref == MT_FOLD_EMIT && !o->verbatim && cse_able(&ins))
        ref = cse_find(o, &ins);
    if (ref != MT_FOLD_EMIT) { /* already computed (or checked) */
        o->subst[x] = ins.type == MT_TYPE_VOID ? 0 : ref;
        return;
    }
    bool delayed = !o->verbatim && delays(o, &ins);
    if (!o->verbatim)
        flush_before(o, &ins);
    ref = mt_ir_emit(out, (mt_irop)ins.op, (mt_irtype)ins.type, ins.a, ins.b, ins.c, ins.aux);
    out->ins[ref].flags = ins.flags | (delayed ? MT_INSF_SUNK : 0);
    if (delayed)
        add_pending(o, ref);
    if (mt_ir_info(&ins)->flags & MT_IRF_GUARD)
        out->ins[ref].snap = copy_snapshot(o, src->snap);
    o->subst[x] = ref;
    if (o->verbatim)
        return;
    if (cse_able(&ins))
        cse_add(o, ref);
    if (ins.flags & MT_INSF_VOLATILE) {
        MT_RESERVE(o->volatiles, o->maxvolatiles, o->nvolatiles + 1);
        o->volatiles[o->nvolatiles++] = ref;
    }
    mt_opt_heap_note(o, ref);
    mt_opt_fold_learn(o, ref);
}

void mt_opt_forward(const mt_trace *in, mt_trace *out)
{
    mt_opt o;
    mt_opt_init(&o, in, out);
    for (mt_ref x = 1; x < in->nins; x++)
        mt_opt_copy(&o, x);
}
