/* mt_opt_peel.c — loop peeling: the loop's first iteration becomes a
 * preamble, and a second copy after a LABEL becomes the loop.
 *
 * Both copies go through the engine one after the other, as if the trace
 * ran twice in a row, so the second copy reuses whatever the first already
 * computed: pure operations on values that do not change, loads nothing
 * writes, guards already checked.  That is how invariant code leaves the
 * loop.  What the second copy takes from the first and does change from
 * one iteration to the next is carried around the loop: the LABEL names
 * those preamble refs, and the closing JUMP gives their next values, all
 * assigned at once.  Inside the loop a preamble ref means its value in
 * the previous iteration.
 *
 * The loop must be the same for every iteration: if the first copy treated
 * an input as a constant, the loop must hand the same constant back, and
 * two inputs the first copy found equal must stay equal.  When that does
 * not hold, peeling gives up and the trace is optimized without it.
 *
 * The same goes for delayed stores (mt_opt.c): the loop's guards take
 * those pending at the label for the ones the last trip left, so the
 * stores pending at the loop's end must be, one for one, those pending at
 * the label, one trip later (the same place and value as the next
 * iteration sees them).  When they are not, the loop is peeled again
 * with every pending store done at the label and at the end of each trip.
 */
#include "config.h"

#include <string.h>

#include "mt_internal.h"
#include "mt_opt.h"

typedef struct peel {
    mt_opt o;
    const mt_trace *in;
    mt_trace *out;
    mt_ref label;
    mt_ref *first, *second; /* in ref -> out ref, per copy */
    mt_ref *origin;         /* preamble ref -> an in ref its first copy is */
    uint32_t *input_of;     /* preamble ref -> 1 + the input slot it stands for */
    mt_ref *lhs, *rhs;
    uint32_t nphi, maxlhs, maxrhs;
    mt_ref *work;
    uint32_t nwork, maxwork;
    bool *used;
} peel;

static mt_ref *zeroed(uint32_t n)
{
    mt_ref *p = mt_alloc_atomic((n + 1) * sizeof *p);
    memset(p, 0, (n + 1) * sizeof *p);
    return p;
}

static bool preamble_value(const peel *p, mt_ref r)
{
    return r && r < p->label && p->out->ins[r].op != MT_IR_CONST;
}

static void use(peel *p, mt_ref r)
{
    if (preamble_value(p, r) && !p->used[r]) {
        p->used[r] = true;
        MT_RESERVE(p->work, p->maxwork, p->nwork + 1);
        p->work[p->nwork++] = r;
    }
}

static void use_all(peel *p, const mt_ref *refs, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        use(p, refs[i]);
}

/* Every preamble value the loop part reads. */
static void find_uses(peel *p)
{
    const mt_trace *t = p->out;
    for (mt_ref r = p->label + 1; r < t->nins; r++) {
        const mt_ins *ins = &t->ins[r];
        const mt_irinfo *info = mt_ir_info(ins);
        mt_ref ops[3];
        use_all(p, ops, mt_ir_operands(ins, ops));
        if (info->shape == MT_SHAPE_V && ins->op != MT_IR_JUMP)
            use_all(p, t->pool + ins->aux, ins->b);
        if (info->flags & MT_IRF_GUARD) {
            const mt_snapshot *s = &t->snaps[ins->snap];
            use_all(p, t->pool + s->reds, s->nreds);
            use_all(p, t->pool + s->replay, s->nreplay);
            /* a store still pending from the last trip: deopt does it
             * with that trip's values */
            for (uint32_t i = 0; i < s->npending; i++) {
                const mt_ins *st = &t->ins[t->pool[s->pending + i]];
                use(p, st->a);
                use(p, mt_ir_stored_value(st));
            }
        }
    }
}

static void add_phi(peel *p, mt_ref lhs, mt_ref rhs)
{
    MT_RESERVE(p->lhs, p->maxlhs, p->nphi + 1);
    MT_RESERVE(p->rhs, p->maxrhs, p->nphi + 1);
    p->lhs[p->nphi] = lhs;
    p->rhs[p->nphi++] = rhs;
    use(p, rhs); /* read at the JUMP, so carried too if it is a preamble value */
}

/* The inputs: what the loop assumed about them must hold again at its
 * end.  Each input slot k is the preamble's JUMP value Q in the loop, and
 * the loop's own JUMP value R in the next iteration. */
static bool check_inputs(peel *p, const mt_ins *jump)
{
    const mt_trace *in = p->in;
    for (mt_ref x = 1; x < in->nins && in->ins[x].op == MT_IR_INPUT; x++) {
        mt_ref arg = in->pool[jump->aux + in->ins[x].aux];
        mt_ref q = p->second[x];
        mt_ref r = mt_opt_resolve(&p->o, p->second[arg]);
        if (!preamble_value(p, q)) {
            if (q != r)
                return false; /* the loop is specialized to a constant that changes */
        } else if (p->input_of[q] && p->input_of[q] - 1 != in->ins[x].aux) {
            mt_ref arg2 = in->pool[jump->aux + p->input_of[q] - 1];
            if (mt_opt_resolve(&p->o, p->second[arg2]) != r)
                return false; /* two inputs the loop takes as one */
        } else {
            p->input_of[q] = (uint32_t)in->ins[x].aux + 1;
        }
    }
    return true;
}

/* Its value one iteration later, for a preamble ref the loop reads. */
static mt_ref next_value(peel *p, const mt_ins *jump, mt_ref u)
{
    const mt_trace *in = p->in;
    mt_ref x = p->input_of[u] ? in->pool[jump->aux + p->input_of[u] - 1] : p->origin[u];
    return x ? mt_opt_resolve(&p->o, p->second[x]) : 0;
}

/* For a ref the loop reads, its value one iteration later (constants
 * stay), or 0 if that cannot be told. */
static mt_ref next_or_same(peel *p, const mt_ins *jump, mt_ref u)
{
    return preamble_value(p, u) ? next_value(p, jump, u) : u;
}

/* Are the stores pending at the loop's end those pending at the label
 * (`at_label`), one trip later? */
static bool pending_carried(peel *p, const mt_ins *jump, const mt_ref *at_label, uint32_t n)
{
    const mt_trace *t = p->out;
    if (p->o.npending != n)
        return false;
    for (uint32_t i = 0; i < n; i++) {
        const mt_ins *st = &t->ins[at_label[i]];
        mt_ref base = next_or_same(p, jump, st->a), value = next_or_same(p, jump, mt_ir_stored_value(st));
        bool found = false;
        for (uint32_t j = 0; j < n && !found; j++) {
            const mt_ins *e = &t->ins[p->o.pending[j]];
            found = e->op == st->op && e->aux == st->aux && e->a == base && mt_ir_stored_value(e) == value;
        }
        if (!base || !value || !found)
            return false;
    }
    return true;
}

typedef enum { PEEL_OK, PEEL_NO, PEEL_PENDING_NOT_CARRIED } peel_result;

static peel_result peel_once(const mt_trace *in, mt_trace *out, bool carry_pending)
{
    peel p = {.in = in, .out = out};
    mt_opt *o = &p.o;
    mt_opt_init(o, in, out);
    mt_ref end = in->nins - 1;
    const mt_ins *jump = &in->ins[end];
    for (mt_ref x = 1; x < end; x++)
        mt_opt_copy(o, x);
    p.first = o->subst;
    if (!carry_pending)
        mt_opt_flush_all(o);
    uint32_t npending = o->npending;
    mt_ref *at_label = mt_alloc_atomic((npending + 1) * sizeof *at_label);
    if (npending) /* o->pending may be NULL */
        memcpy(at_label, o->pending, npending * sizeof *at_label);
    p.label = mt_ir_emit(out, MT_IR_LABEL, MT_TYPE_VOID, 0, 0, 0, 0);
    o->volatile_floor = p.label; /* the loop reads them again */
    p.second = o->subst = zeroed(in->nins);
    for (mt_ref x = 1; x < end; x++) {
        if (in->ins[x].op == MT_IR_INPUT)
            p.second[x] = mt_opt_resolve(o, p.first[in->pool[jump->aux + in->ins[x].aux]]);
        else
            mt_opt_copy(o, x);
    }

    p.origin = zeroed(p.label);
    for (mt_ref x = 1; x < end; x++) {
        mt_ref r = p.first[x];
        if (in->ins[x].type == MT_TYPE_VOID || !r)
            continue;
        p.origin[r] = x;
        if (!p.origin[mt_opt_resolve(o, r)])
            p.origin[mt_opt_resolve(o, r)] = x;
    }
    p.input_of = zeroed(p.label);
    p.used = mt_alloc_atomic(p.label + 1);
    memset(p.used, 0, p.label + 1);
    if (!check_inputs(&p, jump))
        return PEEL_NO;
    if (!carry_pending)
        mt_opt_flush_all(o);
    else if (!pending_carried(&p, jump, at_label, npending))
        return PEEL_PENDING_NOT_CARRIED;
    find_uses(&p);
    for (uint32_t i = 0; i < p.nwork; i++) { /* grows as phis read more */
        mt_ref u = p.work[i];
        mt_ref next = next_value(&p, jump, u);
        if (!next)
            return PEEL_NO; /* made by folding, not a copy: cannot tell */
        if (next != u)
            add_phi(&p, u, next);
    }
    out->ins[p.label].aux = mt_ir_pool_add(out, p.lhs, p.nphi);
    out->ins[p.label].b = p.nphi;
    mt_ir_emit(out, MT_IR_JUMP, MT_TYPE_VOID, 0, p.nphi, 0, mt_ir_pool_add(out, p.rhs, p.nphi));
    return PEEL_OK;
}

bool mt_opt_peel(const mt_trace *in, mt_trace *out)
{
    peel_result r = peel_once(in, out, true);
    if (r == PEEL_PENDING_NOT_CARRIED)
        r = peel_once(in, out, false);
    return r == PEEL_OK;
}
