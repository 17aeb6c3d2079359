/* mt_opt_fold.c — constant folding, algebraic simplification, and what
 * guards teach about values.
 *
 * Rules see an instruction whose operands are already optimized refs.
 * Each rule either gives the value (a constant or an existing ref), drops
 * a guard that must hold, or rewrites the instruction into a simpler one
 * and tries again; a rewrite never emits more than the instruction itself
 * (loop peeling relies on that: every non-constant ref of the first copy
 * is the copy of one recorded instruction).
 */
#include "config.h"

#include <string.h>

#include "mt_internal.h"
#include "mt_opt.h"

enum { RETRY = MT_FOLD_DROP - 1 };

static bool is_const(const mt_opt *o, mt_ref r) { return r && o->out->ins[r].op == MT_IR_CONST; }
static int64_t cval(const mt_opt *o, mt_ref r) { return o->out->ins[r].aux; }
static const mt_ins *def(const mt_opt *o, mt_ref r) { return &o->out->ins[r]; }

static mt_ref k_int(mt_opt *o, int64_t v) { return mt_opt_const(o, MT_TYPE_INT, v); }

/* x op k, with k a constant */
static bool with_const(const mt_opt *o, mt_ref r, mt_irop op)
{
    return def(o, r)->op == op && is_const(o, def(o, r)->b);
}

static bool is_compare(mt_irop op) { return op >= MT_IR_EQ && op <= MT_IR_ULT; }

/* r is 0 or 1: a comparison's result. */
static bool is_bool(const mt_opt *o, mt_ref r) { return r && is_compare((mt_irop)def(o, r)->op); }

/* A pure op of a boolean and a constant (either side) has two cases: when
 * they agree the result is a constant, and when it comes out 0 for 0 and
 * 1 for 1 it is the boolean itself ("(x != y) < 0" is 0, "(x < y) & 1" is
 * "x < y").  The interpreter's C code makes such tests of its own helpers'
 * results; a guard on one goes with it. */
static mt_ref fold_bool(mt_opt *o, mt_irop op, mt_ref a, mt_ref b)
{
    bool left = is_bool(o, a) && is_const(o, b), right = is_const(o, a) && is_bool(o, b);
    if (!left && !right)
        return MT_FOLD_EMIT;
    int64_t r[2];
    for (int64_t x = 0; x < 2; x++)
        if (!mt_ir_eval(op, left ? x : cval(o, a), left ? cval(o, b) : x, &r[x]))
            return MT_FOLD_EMIT;
    if (r[0] == r[1])
        return k_int(o, r[0]);
    return r[0] == 0 && r[1] == 1 ? (left ? a : b) : MT_FOLD_EMIT;
}

static mt_ref fold_arith(mt_opt *o, mt_ins *ins)
{
    mt_irop op = (mt_irop)ins->op;
    mt_ref a = ins->a, b = ins->b;
    bool ka = is_const(o, a), kb = op != MT_IR_NEG && is_const(o, b);
    int64_t v;
    if (op == MT_IR_NEG)
        return ka && mt_ir_eval(op, cval(o, a), 0, &v) ? k_int(o, v)
               : def(o, a)->op == MT_IR_NEG ? def(o, a)->a : MT_FOLD_EMIT;
    if (ka && kb) /* an _OV that overflows stays: it always exits */
        return mt_ir_eval(op, cval(o, a), cval(o, b), &v) ? k_int(o, v) : MT_FOLD_EMIT;
    if ((mt_irinfo_table[op].flags & MT_IRF_COMM) && (ka ? !kb : !kb && a > b)) {
        ins->a = b, ins->b = a; /* constants to the right, refs in order */
        return RETRY;
    }
    if (mt_irinfo_table[op].flags & MT_IRF_PURE) {
        mt_ref r = fold_bool(o, op, a, b);
        if (r != MT_FOLD_EMIT)
            return r;
    }
    int64_t k = kb ? cval(o, b) : 0;
    switch (op) {
    case MT_IR_ADD:
        if (kb && (with_const(o, a, MT_IR_ADD))) { /* (x + k1) + k2 */
            ins->b = k_int(o, (int64_t)((uint64_t)cval(o, def(o, a)->b) + (uint64_t)k));
            ins->a = def(o, a)->a;
            return RETRY;
        }
        /* fall through */
    case MT_IR_ADD_OV:
        return kb && k == 0 ? a : MT_FOLD_EMIT;
    case MT_IR_SUB:
        if (kb && k != 0) { /* x - k is x + -k: one shape to reassociate */
            ins->op = MT_IR_ADD;
            ins->b = k_int(o, (int64_t)(0 - (uint64_t)k));
            return RETRY;
        }
        /* fall through */
    case MT_IR_SUB_OV:
        return a == b ? k_int(o, 0) : kb && k == 0 ? a : MT_FOLD_EMIT;
    case MT_IR_MUL:
    case MT_IR_MUL_OV:
        return kb && k == 0 ? k_int(o, 0) : kb && k == 1 ? a : MT_FOLD_EMIT;
    case MT_IR_AND:
        if (a == b || (kb && k == -1))
            return a;
        if (kb && k == 0)
            return k_int(o, 0);
        if (kb && k == 0xff && def(o, a)->op == MT_IR_LOAD_U8)
            return a;
        if (kb && with_const(o, a, MT_IR_AND)) { /* (x & k1) & k2 */
            ins->b = k_int(o, cval(o, def(o, a)->b) & k);
            ins->a = def(o, a)->a;
            return RETRY;
        }
        return MT_FOLD_EMIT;
    case MT_IR_OR:
        return a == b || (kb && k == 0) ? a : MT_FOLD_EMIT;
    case MT_IR_XOR:
        return a == b ? k_int(o, 0) : kb && k == 0 ? a : MT_FOLD_EMIT;
    case MT_IR_SHL:
    case MT_IR_SHR:
    case MT_IR_SAR:
        return kb && (k & 63) == 0 ? a : MT_FOLD_EMIT;
    case MT_IR_EQ:
    case MT_IR_LE:
        return a == b ? k_int(o, 1) : MT_FOLD_EMIT;
    case MT_IR_ULT:
        if (kb && k == 0) /* nothing is below 0 unsigned */
            return k_int(o, 0);
        /* fall through */
    case MT_IR_NE:
    case MT_IR_LT:
        return a == b ? k_int(o, 0) : MT_FOLD_EMIT;
    default:
        return MT_FOLD_EMIT;
    }
}

static bool same_args(const mt_trace *t, const mt_ins *x, const mt_ins *y)
{
    return x->a == y->a && x->b == y->b &&
           !memcmp(t->pool + x->aux, t->pool + y->aux, x->b * sizeof *t->pool);
}

/* Elidable calls: run now if every argument is known, else shared with an
 * earlier call of the same arguments.  Idempotent calls: shared if no
 * heap-writing call but idempotent ones came since the earlier call (the
 * contract in docs/api.md: what they work on is changed by calls only,
 * and one idempotent call never undoes another). */
static mt_ref fold_call(mt_opt *o, const mt_ins *ins)
{
    const mt_trace *t = o->out;
    const mt_callinfo *call = &t->calls[ins->a];
    if (!(call->effects & (MT_EFFECT_ELIDABLE | MT_EFFECT_IDEMPOTENT)))
        return MT_FOLD_EMIT;
    bool elidable = call->effects & MT_EFFECT_ELIDABLE;
    if (elidable && !(call->effects & MT_EFFECT_CAN_RAISE) && ins->b <= MT_MAX_CALL_ARGS) {
        int64_t args[MT_MAX_CALL_ARGS];
        uint32_t known = 0;
        while (known < ins->b && is_const(o, t->pool[ins->aux + known])) {
            args[known] = cval(o, t->pool[ins->aux + known]);
            known++;
        }
        if (known == ins->b) {
            int64_t v = mt_ir_call(call, args, ins->b);
            return ins->type == MT_TYPE_VOID ? MT_FOLD_DROP : mt_opt_const(o, (mt_irtype)ins->type, v);
        }
    }
    for (uint32_t i = o->nshared_calls; i-- > 0;) {
        mt_ref prev = o->shared_calls[i];
        if (same_args(t, &t->ins[prev], ins) && (elidable || prev >= o->last_write))
            return ins->type == MT_TYPE_VOID ? MT_FOLD_DROP : prev;
    }
    return MT_FOLD_EMIT;
}

static mt_ref fold_once(mt_opt *o, mt_ins *ins)
{
    if (mt_ir_is_arith((mt_irop)ins->op))
        return fold_arith(o, ins);
    switch (ins->op) {
    case MT_IR_GUARD_TRUE:
        return is_const(o, ins->a) && cval(o, ins->a) != 0 ? MT_FOLD_DROP : MT_FOLD_EMIT;
    case MT_IR_GUARD_FALSE:
        return is_const(o, ins->a) && cval(o, ins->a) == 0 ? MT_FOLD_DROP : MT_FOLD_EMIT;
    case MT_IR_GUARD_VALUE:
        return ins->a == ins->b ? MT_FOLD_DROP : MT_FOLD_EMIT;
    case MT_IR_CALL:
        return fold_call(o, ins);
    case MT_IR_GUARD_NOT_INVALIDATED:
        /* Only a heap-writing call invalidates (and the recorder checks
         * after each); a trace that assumes nothing needs no check. */
        return o->in->nquasi && !o->checked ? MT_FOLD_EMIT : MT_FOLD_DROP;
    default:
        return MT_FOLD_EMIT;
    }
}

mt_ref mt_opt_fold(mt_opt *o, mt_ins *ins)
{
    for (;;) { /* each rewrite makes the instruction simpler: this ends */
        mt_ref r = fold_once(o, ins);
        if (r != RETRY)
            return r;
    }
}

/* From here on, uses of `r` read `value`. */
static void learn(mt_opt *o, mt_ref r, mt_ref value)
{
    if (r == value || is_const(o, r))
        return;
    if (r >= o->maxsame) {
        uint32_t old = o->maxsame;
        MT_RESERVE(o->same, o->maxsame, r + 1);
        memset(o->same + old, 0, (o->maxsame - old) * sizeof *o->same);
    }
    o->same[r] = value;
}

void mt_opt_fold_learn(mt_opt *o, mt_ref ref)
{
    const mt_ins *g = def(o, ref);
    mt_ref a = g->a;
    switch (g->op) {
    case MT_IR_GUARD_VALUE:
        if (is_const(o, g->b))
            learn(o, a, g->b);
        else if (is_const(o, a))
            learn(o, g->b, a);
        break;
    case MT_IR_GUARD_TRUE:
    case MT_IR_GUARD_FALSE: {
        bool truth = g->op == MT_IR_GUARD_TRUE;
        const mt_ins *cond = def(o, a);
        /* x == k held, or x != k failed: x is k */
        if ((cond->op == MT_IR_EQ && truth) || (cond->op == MT_IR_NE && !truth))
            if (is_const(o, cond->b))
                learn(o, cond->a, cond->b);
        if (!truth)
            learn(o, a, mt_opt_const(o, (mt_irtype)cond->type, 0));
        else if (is_compare((mt_irop)cond->op))
            learn(o, a, k_int(o, 1));
        break;
    }
    case MT_IR_GUARD_NOT_INVALIDATED:
        o->checked = true;
        break;
    case MT_IR_CALL: {
        unsigned effects = o->out->calls[g->a].effects;
        if (effects & MT_EFFECT_WRITES_HEAP) {
            o->checked = false;
            o->volatile_floor = ref;
        }
        if ((effects & MT_EFFECT_WRITES_HEAP) && !(effects & MT_EFFECT_IDEMPOTENT))
            o->last_write = ref;
        if (effects & (MT_EFFECT_ELIDABLE | MT_EFFECT_IDEMPOTENT)) {
            MT_RESERVE(o->shared_calls, o->maxshared_calls, o->nshared_calls + 1);
            o->shared_calls[o->nshared_calls++] = ref;
        }
        break;
    }
    default:
        break;
    }
}
