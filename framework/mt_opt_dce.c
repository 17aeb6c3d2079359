/* mt_opt_dce.c — dead code removal, then renumbering.  Guards, stores,
 * calls (but elidable ones), the label, the end and the inputs stay; so does everything they
 * read, snapshots included (a delayed store stays while a snapshot lists
 * it as pending).  A sunk store into a sunk object stays while the object
 * does (some snapshot may have to rebuild it).  A store is dead too when the
 * same location is stored again before anything could see the first:
 * no load that may read it, and no guard, call or end (a guard's deopt
 * hands memory to the interpreter). */
#include "config.h"

#include <string.h>

#include "mt_internal.h"
#include "mt_opt.h"

static bool is_root(const mt_trace *t, const mt_ins *ins)
{
    if (ins->flags & MT_INSF_SUNK)
        return false;
    if (ins->op == MT_IR_CALL && (t->calls[ins->a].effects & MT_EFFECT_ELIDABLE))
        return false; /* only its result matters */
    return (mt_ir_info(ins)->flags & (MT_IRF_GUARD | MT_IRF_STORE | MT_IRF_CALL | MT_IRF_END)) ||
           ins->op == MT_IR_LABEL || ins->op == MT_IR_INPUT;
}

static void mark_all(bool *live, const mt_ref *refs, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        live[refs[i]] = true;
}

/* One backward sweep: what the live instructions read is live. */
static void sweep(const mt_trace *t, bool *live)
{
    for (mt_ref r = t->nins; r-- > 1;) {
        const mt_ins *ins = &t->ins[r];
        if (!live[r])
            continue;
        mt_ref ops[3];
        mark_all(live, ops, mt_ir_operands(ins, ops));
        if (mt_ir_info(ins)->shape == MT_SHAPE_V)
            mark_all(live, t->pool + ins->aux, ins->b);
        if (mt_ir_info(ins)->flags & MT_IRF_GUARD) {
            const mt_snapshot *s = &t->snaps[ins->snap];
            mark_all(live, t->pool + s->reds, s->nreds);
            mark_all(live, t->pool + s->replay, s->nreplay);
            mark_all(live, t->pool + s->pending, s->npending);
        }
    }
}

enum { MAX_PENDING = 64 };

/* Clear live[] for stores overwritten before they could be seen. */
static void dead_stores(const mt_trace *t, bool *live)
{
    mt_ref pending[MAX_PENDING]; /* stores nothing has seen yet */
    uint32_t n = 0;
    for (mt_ref r = 1; r < t->nins; r++) {
        const mt_ins *ins = &t->ins[r];
        unsigned flags = mt_ir_info(ins)->flags;
        if (ins->flags & MT_INSF_SUNK)
            continue;
        if ((flags & (MT_IRF_GUARD | MT_IRF_CALL | MT_IRF_END)) || ins->op == MT_IR_LABEL) {
            n = 0;
            continue;
        }
        if (!(flags & (MT_IRF_LOAD | MT_IRF_STORE)))
            continue;
        uint32_t kept = 0;
        for (uint32_t i = 0; i < n; i++) {
            const mt_ins *p = &t->ins[pending[i]];
            if ((flags & MT_IRF_STORE) && mt_opt_same_place(p, ins))
                live[pending[i]] = false; /* overwritten */
            else if (!((flags & MT_IRF_LOAD) && mt_opt_overlap(t, p, ins)))
                pending[kept++] = pending[i]; /* not seen yet */
        }
        n = kept;
        if ((flags & MT_IRF_STORE) && n < MAX_PENDING)
            pending[n++] = r;
    }
}

void mt_opt_dce(const mt_trace *in, mt_trace *out)
{
    bool *live = mt_alloc_atomic(in->nins);
    for (mt_ref r = 0; r < in->nins; r++)
        live[r] = is_root(in, &in->ins[r]);
    dead_stores(in, live);
    for (bool changed = true; changed;) {
        sweep(in, live);
        changed = false;
        for (mt_ref r = 1; r < in->nins; r++) {
            const mt_ins *ins = &in->ins[r];
            if (!live[r] && (ins->flags & MT_INSF_SUNK) && ins->op != MT_IR_NEW &&
                mt_ir_is_sunk_new(in, ins->a) && live[ins->a])
                live[r] = changed = true;
        }
    }
    mt_opt o;
    mt_opt_init(&o, in, out);
    o.verbatim = true;
    for (mt_ref r = 1; r < in->nins; r++)
        if (live[r])
            mt_opt_copy(&o, r);
}
