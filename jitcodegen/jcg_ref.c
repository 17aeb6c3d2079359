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

/* Scratch per nesting level: a residual call may re-enter the VM, which
 * may run compiled code again. */
typedef struct scratch {
    int64_t *vals, *in, *exitv;
    uint32_t maxvals, maxin, maxexit;
} scratch;

static scratch *levels;
static uint32_t depth, maxdepth;

static mt_compile_status ref_compile(mt_jittrace *t, bool sync, char *err, size_t errsize)
{
    (void)sync;
    const mt_trace *ir = &t->ir;
    for (mt_ref r = 1; r < ir->nins; r++)
        if (ir->ins[r].op == MT_IR_CALL && ir->ins[r].b > MT_MAX_CALL_ARGS) {
            snprintf(err, errsize, "call with %u arguments (at most %d)", ir->ins[r].b,
                     MT_MAX_CALL_ARGS);
            return MT_COMPILE_REJECTED;
        }
    return MT_COMPILE_READY;
}

static int64_t call(const mt_trace *ir, const mt_ins *ins, const int64_t *v)
{
    int64_t a[MT_MAX_CALL_ARGS];
    for (uint32_t i = 0; i < ins->b; i++)
        a[i] = v[ir->pool[ins->aux + i]];
    return mt_ir_call(&ir->calls[ins->a], a, ins->b);
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
            if (ins->flags & MT_INSF_SUNK) /* virtual: only deopt builds it */
                continue;
            switch ((mt_irop)ins->op) {
            case MT_IR_NOP: break;
            case MT_IR_CONST: v[r] = ins->aux; break;
            case MT_IR_INPUT: v[r] = s.in[ins->aux]; break;
            case MT_IR_ADD: case MT_IR_SUB: case MT_IR_MUL: case MT_IR_AND: case MT_IR_OR:
            case MT_IR_XOR: case MT_IR_SHL: case MT_IR_SHR: case MT_IR_SAR: case MT_IR_NEG:
            case MT_IR_EQ: case MT_IR_NE: case MT_IR_LT: case MT_IR_LE: case MT_IR_ULT:
            case MT_IR_ADD_OV: case MT_IR_SUB_OV: case MT_IR_MUL_OV:
                ok = mt_ir_eval((mt_irop)ins->op, A, B, &v[r]);
                break;
            case MT_IR_LOAD_U8: v[r] = ((const volatile uint8_t *)(intptr_t)A)[B]; break;
            case MT_IR_LOAD_INT:
            case MT_IR_LOAD_PTR: v[r] = *(const int64_t *)((const char *)(intptr_t)A + ins->aux); break;
            case MT_IR_STORE_U8: ((uint8_t *)(intptr_t)A)[B] = (uint8_t)v[ins->c]; break;
            case MT_IR_STORE_INT:
            case MT_IR_STORE_PTR: *(int64_t *)((char *)(intptr_t)A + ins->aux) = B; break;
            case MT_IR_GUARD_TRUE: ok = A != 0; break;
            case MT_IR_GUARD_FALSE: ok = A == 0; break;
            case MT_IR_GUARD_VALUE: ok = A == B; break;
            case MT_IR_GUARD_NOT_INVALIDATED: ok = !t->invalid; break;
            case MT_IR_CALL: v[r] = call(ir, ins, v); break;
            case MT_IR_NEW: v[r] = (int64_t)(intptr_t)mt_alloc((size_t)ins->aux); break;
            case MT_IR_LABEL: break;
            case MT_IR_JUMP:
                MT_RESERVE(s.in, s.maxin, ins->b + 1);
                for (uint32_t i = 0; i < ins->b; i++)
                    s.in[i] = v[ir->pool[ins->aux + i]];
                if (ins->c) {
                    t = mt_jit_jump_target(ins->c);
                    goto next_trace;
                }
                if (!ir->label)
                    goto next_trace;
                /* Around the peeled loop: the label's args take their new
                 * values all at once. */
                const mt_ins *label = &ir->ins[ir->label];
                for (uint32_t i = 0; i < label->b; i++)
                    v[ir->pool[label->aux + i]] = s.in[i];
                r = ir->label;
                continue;
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
        MT_RESERVE(s.exitv, s.maxexit, mt_snapshot_nvalues(snap) + 1);
        for (uint32_t i = 0; i < n; i++)
            s.exitv[i] = v[mt_snapshot_ref(ir, snap, i)];
        for (uint32_t i = 0; i < snap->nvirt; i++)
            s.exitv[n + i] = v[mt_ir_virtual_value(ir, ir->pool[snap->virt + i])];
        mt_jit_materialize(ir, snap, s.exitv);
        /* A failure fail_guards made up goes to the interpreter: the
         * bridge is for the path where the guard really fails. */
        mt_jittrace *bridge = forced ? NULL : t->guards[ins->snap].bridge;
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

const mt_backend mt_backend_ref = {.name = "ref", .compile = ref_compile, .run = ref_run};
