/* jcg_ref.c — the reference backend: executes a trace's IR directly.
 * Slow but obviously right; the native backend is tested against it, and
 * it is what runs where libgccjit is not available.
 *
 * Each instruction's value lives in a slot of a scratch array; a guard
 * that fails gathers its snapshot's values into the exit buffer and either
 * enters the guard's bridge with them or returns them to the framework. */
#include "config.h"

#include <string.h>

#include "mt_internal.h"
#include "mt_jit.h"

enum { REF_MAX_CALL_ARGS = 6 };

/* Scratch per nesting level: a residual call may re-enter the VM, which
 * may run compiled code again. */
typedef struct scratch {
    int64_t *vals, *in, *exitv;
    uint32_t maxvals, maxin, maxexit;
} scratch;

static scratch *levels;
static uint32_t depth, maxdepth;

static bool ref_compile(mt_jittrace *t, char *err, size_t errsize)
{
    const mt_trace *ir = &t->ir;
    for (mt_ref r = 1; r < ir->nins; r++)
        if (ir->ins[r].op == MT_IR_CALL && ir->ins[r].b > REF_MAX_CALL_ARGS) {
            snprintf(err, errsize, "call with %u arguments (at most %d)", ir->ins[r].b,
                     REF_MAX_CALL_ARGS);
            return false;
        }
    return true;
}

static int64_t call(const mt_trace *ir, const mt_ins *ins, const int64_t *v)
{
    typedef int64_t (*fn6)(int64_t, int64_t, int64_t, int64_t, int64_t, int64_t);
    int64_t a[REF_MAX_CALL_ARGS] = {0};
    for (uint32_t i = 0; i < ins->b; i++)
        a[i] = v[ir->pool[ins->aux + i]];
    /* Every argument and result is one integer register on the ABIs we
     * support, so passing unused trailing arguments is harmless. */
    fn6 f = (fn6)ir->calls[ins->a].fn;
    return f(a[0], a[1], a[2], a[3], a[4], a[5]);
}

/* Operands, read only where the shape makes them refs. */
#define A v[ins->a]
#define B v[ins->b]

static void ref_run(mt_jittrace *t, const int64_t *inputs, mt_exit *exit)
{
    MT_RESERVE(levels, maxdepth, depth + 1);
    scratch s = levels[depth++];
    MT_RESERVE(s.in, s.maxin, t->ir.ninputs + 1);
    memcpy(s.in, inputs, t->ir.ninputs * sizeof *inputs);
    for (;;) {
        const mt_trace *ir = &t->ir;
        MT_RESERVE(s.vals, s.maxvals, ir->nins);
        int64_t *v = s.vals;
        v[0] = 0;
        const mt_ins *ins;
        bool forced = false;
        mt_ref r;
        for (r = 1;; r++) {
            ins = &ir->ins[r];
            bool ok = true;
            switch ((mt_irop)ins->op) {
            case MT_IR_NOP: break;
            case MT_IR_CONST: v[r] = ins->aux; break;
            case MT_IR_INPUT: v[r] = s.in[ins->aux]; break;
            case MT_IR_ADD: v[r] = (int64_t)((uint64_t)A + (uint64_t)B); break;
            case MT_IR_SUB: v[r] = (int64_t)((uint64_t)A - (uint64_t)B); break;
            case MT_IR_MUL: v[r] = (int64_t)((uint64_t)A * (uint64_t)B); break;
            case MT_IR_AND: v[r] = A & B; break;
            case MT_IR_OR: v[r] = A | B; break;
            case MT_IR_XOR: v[r] = A ^ B; break;
            case MT_IR_SHL: v[r] = (int64_t)((uint64_t)A << (B & 63)); break;
            case MT_IR_SHR: v[r] = (int64_t)((uint64_t)A >> (B & 63)); break;
            case MT_IR_SAR: v[r] = A >> (B & 63); break;
            case MT_IR_NEG: v[r] = (int64_t)(0 - (uint64_t)A); break;
            case MT_IR_EQ: v[r] = A == B; break;
            case MT_IR_NE: v[r] = A != B; break;
            case MT_IR_LT: v[r] = A < B; break;
            case MT_IR_LE: v[r] = A <= B; break;
            case MT_IR_ULT: v[r] = (uint64_t)A < (uint64_t)B; break;
            case MT_IR_ADD_OV: ok = !__builtin_add_overflow(A, B, &v[r]); break;
            case MT_IR_SUB_OV: ok = !__builtin_sub_overflow(A, B, &v[r]); break;
            case MT_IR_MUL_OV: ok = !__builtin_mul_overflow(A, B, &v[r]); break;
            case MT_IR_LOAD_U8: v[r] = ((const uint8_t *)(intptr_t)A)[B]; break;
            case MT_IR_LOAD_INT:
            case MT_IR_LOAD_PTR: v[r] = *(const int64_t *)((const char *)(intptr_t)A + ins->aux); break;
            case MT_IR_STORE_U8: ((uint8_t *)(intptr_t)A)[B] = (uint8_t)v[ins->c]; break;
            case MT_IR_STORE_INT:
            case MT_IR_STORE_PTR: *(int64_t *)((char *)(intptr_t)A + ins->aux) = B; break;
            case MT_IR_GUARD_TRUE: ok = A != 0; break;
            case MT_IR_GUARD_FALSE: ok = A == 0; break;
            case MT_IR_GUARD_VALUE: ok = A == B; break;
            case MT_IR_CALL: v[r] = call(ir, ins, v); break;
            case MT_IR_NEW: v[r] = (int64_t)(intptr_t)mt_alloc((size_t)ins->aux); break;
            case MT_IR_JUMP:
                MT_RESERVE(s.in, s.maxin, ins->b + 1);
                for (uint32_t i = 0; i < ins->b; i++)
                    s.in[i] = v[ir->pool[ins->aux + i]];
                if (ins->c)
                    t = mt_jit_trace(ins->c);
                goto next_trace;
            case MT_IR_EXIT: ok = false; break;
            case MT_IR__COUNT: break;
            }
            if (mt_ir_info(ins)->flags & MT_IRF_GUARD) {
                if (ok && mt_jit_fail_guard(t, ins->snap)) /* fail_guards: act as if it failed */
                    ok = false, forced = true;
                if (!ok)
                    break;
            }
        }
        /* A guard failed: gather its snapshot's values. */
        const mt_snapshot *snap = &ir->snaps[ins->snap];
        uint32_t n = snap->nreds + snap->nreplay;
        MT_RESERVE(s.exitv, s.maxexit, n + 1);
        for (uint32_t i = 0; i < snap->nreds; i++)
            s.exitv[i] = v[ir->pool[snap->reds + i]];
        for (uint32_t i = 0; i < snap->nreplay; i++)
            s.exitv[snap->nreds + i] = v[ir->pool[snap->replay + i]];
        mt_jittrace *bridge = t->guards[ins->snap].bridge;
        if (bridge) {
            MT_RESERVE(s.in, s.maxin, n + 1);
            memcpy(s.in, s.exitv, n * sizeof *s.in);
            t = bridge;
            continue;
        }
        *exit = (mt_exit){t, r, ins->snap, s.exitv, forced};
        levels[--depth] = s;
        return;
    next_trace:;
    }
}

const mt_backend mt_backend_ref = {"ref", ref_compile, ref_run};
