/* mt_ir_verify.c — the invariants every trace keeps, checked after
 * recording and after each optimization pass in debug builds and tests. */
#include "config.h"

#include <stdarg.h>

#include "mt_internal.h"
#include "mt_ir.h"

typedef struct verifier {
    const mt_trace *t;
    char *err;
    size_t errsize;
} verifier;

static bool bad(verifier *v, mt_ref r, const char *fmt, ...)
{
    int n = snprintf(v->err, v->errsize, "%%%u: ", r);
    va_list ap;
    va_start(ap, fmt);
    if (n >= 0 && (size_t)n < v->errsize)
        vsnprintf(v->err + n, v->errsize - (size_t)n, fmt, ap);
    va_end(ap);
    return false;
}

/* `use` must name a value defined before instruction `r`. */
static bool check_operand(verifier *v, mt_ref r, mt_ref use)
{
    if (use == 0 || use >= r)
        return bad(v, r, "operand %%%u is not defined before its use", use);
    if (v->t->ins[use].type == MT_TYPE_VOID)
        return bad(v, r, "operand %%%u has no value", use);
    return true;
}

static bool check_pool(verifier *v, mt_ref r, uint32_t first, uint32_t count)
{
    if ((uint64_t)first + count > v->t->npool)
        return bad(v, r, "argument list out of range");
    for (uint32_t i = 0; i < count; i++)
        if (!check_operand(v, r, v->t->pool[first + i]))
            return false;
    return true;
}

static bool check_snapshot(verifier *v, mt_ref r, uint32_t snap)
{
    const mt_trace *t = v->t;
    if (snap >= t->nsnaps)
        return bad(v, r, "guard without a snapshot");
    const mt_snapshot *s = &t->snaps[snap];
    if ((uint64_t)s->greens + s->ngreens > t->nwords)
        return bad(v, r, "snapshot greens out of range");
    if (!check_pool(v, r, s->reds, s->nreds))
        return false;
    /* The replay list holds every step of the instruction so far; stores
     * and guards are in it as placeholders without a value (or as 0, the
     * parent's placeholders in a bridge). */
    if ((uint64_t)s->replay + s->nreplay > t->npool)
        return bad(v, r, "replay list out of range");
    for (uint32_t i = 0; i < s->nreplay; i++)
        if (t->pool[s->replay + i] >= r)
            return bad(v, r, "replay step %%%u is not before its guard", t->pool[s->replay + i]);
    if ((uint64_t)s->pending + s->npending > t->npool)
        return bad(v, r, "pending list out of range");
    for (uint32_t i = 0; i < s->npending; i++) {
        mt_ref st = t->pool[s->pending + i];
        if (st == 0 || st >= r || !mt_ir_is_delayed_store(t, st))
            return bad(v, r, "pending %%%u is not a delayed store before its guard", st);
    }
    return true;
}

/* Sunk instructions are not executed: only sunk stores may write into a
 * sunk NEW or store it, and deopt must be able to replay them.  A frame
 * store into an object that exists may be sunk too (delayed). */
static bool check_sunk(verifier *v, mt_ref r)
{
    const mt_trace *t = v->t;
    const mt_ins *ins = &t->ins[r];
    const mt_irinfo *info = mt_ir_info(ins);
    if ((ins->flags & MT_INSF_FRAME) && ins->op != MT_IR_LOAD_INT && ins->op != MT_IR_LOAD_PTR &&
        ins->op != MT_IR_STORE_INT && ins->op != MT_IR_STORE_PTR)
        return bad(v, r, "only word loads and stores can be frame accesses");
    if ((ins->flags & MT_INSF_VOLATILE) && !(info->flags & MT_IRF_LOAD))
        return bad(v, r, "only loads can be volatile");
    if (ins->flags & MT_INSF_SUNK) {
        if (ins->op == MT_IR_NEW)
            return true;
        if (!(info->flags & MT_IRF_STORE))
            return bad(v, r, "only new and stores can be sunk");
        if (!mt_ir_is_sunk_new(t, ins->a) && !((ins->flags & MT_INSF_FRAME) && t->ins[ins->a].op != MT_IR_NEW))
            return bad(v, r, "sunk store into %%%u, which is neither a sunk new nor a frame", ins->a);
        if (ins->op == MT_IR_STORE_U8 && t->ins[ins->b].op != MT_IR_CONST)
            return bad(v, r, "sunk store_u8 at an index that is not a constant");
        return true;
    }
    mt_ref uses[3];
    uint32_t nuses = mt_ir_operands(ins, uses);
    for (uint32_t i = 0; i < nuses; i++)
        if (mt_ir_is_sunk_new(t, uses[i]))
            return bad(v, r, "uses the sunk new %%%u", uses[i]);
    if (info->shape == MT_SHAPE_V)
        for (uint32_t i = 0; i < ins->b; i++)
            if (mt_ir_is_sunk_new(t, t->pool[ins->aux + i]))
                return bad(v, r, "uses the sunk new %%%u", t->pool[ins->aux + i]);
    return true;
}

bool mt_ir_verify(const mt_trace *t, char *err, size_t errsize)
{
    verifier v = {t, err, errsize};
    bool body_started = false;
    if (t->nins < 1 || t->ins[0].op != MT_IR_NOP)
        return bad(&v, 0, "ref 0 must be a nop");
    for (mt_ref r = 1; r < t->nins; r++) {
        const mt_ins *ins = &t->ins[r];
        if (ins->op >= MT_IR__COUNT)
            return bad(&v, r, "unknown opcode %u", ins->op);
        const mt_irinfo *info = mt_ir_info(ins);
        if (info->type != MT_TYPE_ANY && ins->type != info->type)
            return bad(&v, r, "%s must have type %d, has %d", info->name, info->type, ins->type);
        if (ins->op == MT_IR_INPUT) {
            if (body_started)
                return bad(&v, r, "input after the start of the trace body");
            if (ins->aux < 0 || (uint64_t)ins->aux >= t->ninputs)
                return bad(&v, r, "input slot %lld out of range", (long long)ins->aux);
            for (mt_ref q = 1; q < r; q++)
                if (t->ins[q].op == MT_IR_INPUT && t->ins[q].aux == ins->aux)
                    return bad(&v, r, "input slot %lld defined twice", (long long)ins->aux);
        } else if (ins->op != MT_IR_CONST && ins->op != MT_IR_NOP) {
            body_started = true;
        }
        if ((ins->op == MT_IR_CONST || ins->op == MT_IR_INPUT) && ins->type == MT_TYPE_VOID)
            return bad(&v, r, "%s needs a type", info->name);
        bool ok = true;
        mt_ref ops[3];
        uint32_t nops = mt_ir_operands(ins, ops);
        for (uint32_t i = 0; i < nops && ok; i++)
            ok = check_operand(&v, r, ops[i]);
        if (info->shape == MT_SHAPE_V) {
            if (ins->op == MT_IR_CALL && ins->a >= t->ncalls)
                return bad(&v, r, "call without call info");
            ok = check_pool(&v, r, (uint32_t)ins->aux, ins->b);
        }
        if (!ok || !check_sunk(&v, r))
            return false;
        if (ins->op == MT_IR_LABEL && t->label != r)
            return bad(&v, r, "a second label (the first is %%%u)", t->label);
        if ((info->flags & MT_IRF_GUARD) && !check_snapshot(&v, r, ins->snap))
            return false;
        if (info->flags & MT_IRF_END) {
            if (r != t->nins - 1)
                return bad(&v, r, "%s before the end of the trace", info->name);
            if (ins->op == MT_IR_JUMP && !ins->c && t->label && ins->b != t->ins[t->label].b)
                return bad(&v, r, "jump passes %u values to a label with %u", ins->b,
                           t->ins[t->label].b);
            if (ins->op == MT_IR_JUMP && !ins->c && !t->label && ins->b != t->ninputs)
                return bad(&v, r, "jump passes %u values to a loop with %u inputs", ins->b, t->ninputs);
        }
    }
    return true;
}
