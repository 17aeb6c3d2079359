/* mt_opt_sink.c — allocation removal.  An object the trace allocates and
 * only ever stores into (and names in snapshots) never needs to exist
 * while compiled code runs: the heap cache has already turned its loads
 * into the values stored.  Its NEW and those stores are marked sunk; the
 * backends skip them, and a guard that fails rebuilds the object from
 * them (mt_jit_materialize).  Anything else the object meets — a call, a
 * load, a comparison, being stored (for real) into an object that is not
 * itself sunk, being carried around the loop — makes it escape.
 */
#include "config.h"

#include <string.h>

#include "mt_internal.h"
#include "mt_opt.h"

static bool is_new(const mt_trace *t, mt_ref r) { return r && t->ins[r].op == MT_IR_NEW; }

/* Where the object `r` is used by instruction `ins`, may it stay virtual? */
static bool harmless_use(const mt_trace *t, const mt_ins *ins, mt_ref r)
{
    if (!(mt_ir_info(ins)->flags & MT_IRF_STORE) || ins->a != r)
        return false;
    return ins->op != MT_IR_STORE_U8 || t->ins[ins->b].op == MT_IR_CONST;
}

void mt_opt_sink(mt_trace *t)
{
    bool *escaped = mt_alloc_atomic(t->nins);
    memset(escaped, 0, t->nins);
    for (mt_ref r = 1; r < t->nins; r++) {
        const mt_ins *ins = &t->ins[r];
        const mt_irinfo *info = mt_ir_info(ins);
        if (info->shape == MT_SHAPE_V)
            for (uint32_t i = 0; i < ins->b; i++)
                if (is_new(t, t->pool[ins->aux + i]))
                    escaped[t->pool[ins->aux + i]] = true;
        mt_ref ops[3];
        uint32_t nops = mt_ir_operands(ins, ops);
        bool store = info->flags & MT_IRF_STORE;
        for (uint32_t i = 0; i < nops; i++) {
            mt_ref u = ops[i];
            /* a stored value escapes with the object it is stored in: below */
            if (is_new(t, u) && !harmless_use(t, ins, u) && !(store && u == mt_ir_stored_value(ins)))
                escaped[u] = true;
        }
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (mt_ref r = 1; r < t->nins; r++) {
            const mt_ins *ins = &t->ins[r];
            /* a delayed store is done by deopt only: what it stores may
             * stay virtual, as what a snapshot names does */
            if (!(mt_ir_info(ins)->flags & MT_IRF_STORE) || mt_ir_is_delayed_store(t, r))
                continue;
            mt_ref value = mt_ir_stored_value(ins);
            if (is_new(t, value) && !escaped[value] && (!is_new(t, ins->a) || escaped[ins->a])) {
                escaped[value] = true;
                changed = true;
            }
        }
    }
    for (mt_ref r = 1; r < t->nins; r++) {
        mt_ins *ins = &t->ins[r];
        if (ins->op == MT_IR_NEW ? !escaped[r]
                                 : (mt_ir_info(ins)->flags & MT_IRF_STORE) && is_new(t, ins->a) &&
                                       !escaped[ins->a])
            ins->flags |= MT_INSF_SUNK;
    }
}
