/* mt_record.c — the recorder behind trace mode.  Handler operations append
 * IR to the trace being recorded; each interpreter instruction starts a new
 * snapshot base (its greens and red refs) and an empty replay list, and a
 * guard's snapshot is that base plus the replay list so far: exactly what
 * resuming in the middle of the instruction needs.
 *
 * A bridge starts in the middle of an instruction: its first instruction
 * re-runs from the start, and the steps the parent trace had already done
 * (the parent guard's replay list) are handed back as the bridge's inputs
 * instead of being redone (the prefix). */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "mt_internal.h"
#define MT_MODE_TRACE
#include "mt.h"
#include "mt_jit.h"
#include "mt_record.h"

static struct recorder {
    bool active, bridge, stopped, aborted, too_long;
    const char *reason;
    uint32_t target;
    const mt_jitdriver *driver;
    mt_trace *trace;
    uint32_t ngreens, nreds;
    int64_t *start;          /* loops: the key the loop closes at */
    int64_t *greens;         /* the current snapshot base */
    mt_ref *reds;
    mt_ref *replay;          /* the current instruction's steps so far */
    uint32_t nreplay, maxreplay;
    const int64_t *prefix_values; /* bridges: the parent's replay list */
    mt_ref *prefix_refs;
    uint32_t nprefix, prefix_next;
    bool first_done;         /* bridges: past the first merge point */
    int64_t *other;          /* first uncompiled loop header passed */
    bool passed_other;
} J;

static void replay_push(mt_ref ref)
{
    MT_RESERVE(J.replay, J.maxreplay, J.nreplay + 1);
    J.replay[J.nreplay++] = ref;
}

static void begin(const mt_jitdriver *driver, mt_trace *trace)
{
    mt_trace_init(trace);
    J.active = true;
    J.bridge = J.stopped = J.aborted = J.too_long = J.passed_other = J.first_done = false;
    J.reason = NULL;
    J.target = 0;
    J.driver = driver;
    J.trace = trace;
    J.ngreens = driver->ngreens;
    J.nreds = driver->nreds;
    J.start = mt_alloc_atomic(J.ngreens * sizeof *J.start + 1);
    J.greens = mt_alloc_atomic(J.ngreens * sizeof *J.greens + 1);
    J.other = mt_alloc_atomic(J.ngreens * sizeof *J.other + 1);
    J.reds = mt_alloc_atomic(J.nreds * sizeof *J.reds + 1);
    J.nreplay = 0;
    J.nprefix = J.prefix_next = 0;
}

void mt_recorder_begin_loop(const mt_jitdriver *driver, mt_trace *trace, const int64_t *greens)
{
    begin(driver, trace);
    memcpy(J.start, greens, J.ngreens * sizeof *greens);
}

void mt_recorder_begin_bridge(const mt_jitdriver *driver, mt_trace *trace, const mt_trace *parent,
                              const mt_snapshot *snap, const int64_t *values)
{
    begin(driver, trace);
    J.bridge = true;
    J.nprefix = snap->nreplay;
    J.prefix_values = values + snap->nreds;
    J.prefix_refs = mt_alloc_atomic(J.nprefix * sizeof *J.prefix_refs + 1);
    /* Every value-producing step of the parent becomes an input after the
     * reds; stores and guards produce nothing. */
    for (uint32_t i = 0; i < J.nprefix; i++) {
        mt_irtype type = parent->ins[parent->pool[snap->replay + i]].type;
        J.prefix_refs[i] = type == MT_TYPE_VOID ? 0 : mt_ir_input(trace, type, snap->nreds + i);
    }
}

mt_rec_result mt_recorder_end(void)
{
    J.active = false;
    return (mt_rec_result){
        .closed = J.stopped && !J.aborted,
        .target = J.target,
        .reason = J.reason ? J.reason : "the trace function returned without closing the loop",
        .too_long_through = J.too_long && J.passed_other ? J.other : NULL,
        .in_first_instruction = J.bridge && J.prefix_next < J.nprefix,
    };
}

bool mt_recorder_active(void) { return J.active; }

void mt_trace_abort(const char *reason)
{
    if (!J.stopped) {
        J.stopped = J.aborted = true;
        J.reason = reason;
    }
}

mt_ref mt_record_red(mt_irtype type, uint32_t slot) { return mt_ir_input(J.trace, type, slot); }

/* A guard with the snapshot of the current point (the base and the
 * instruction's steps so far). */
static mt_ref emit_guard(mt_irop op, mt_ref a, mt_ref b)
{
    mt_trace *t = J.trace;
    uint32_t snap = mt_ir_snapshot_add(t, J.greens, J.ngreens, J.reds, J.nreds, J.replay, J.nreplay);
    mt_ref ref = mt_ir_emit(t, op, MT_TYPE_VOID, a, b, 0, 0);
    t->ins[ref].snap = snap;
    return ref;
}

bool mt_record_merge_point(const int64_t *greens, const mt_ref *reds)
{
    if (J.stopped)
        return false;
    /* A bridge's first instruction is resumed, not started: it may not stop
     * there, and its prefix is still to be handed out. */
    bool first = !J.first_done;
    J.first_done = true;
    if (!(J.bridge && first) && J.trace->nins > mt_jit_options()->trace_limit) {
        mt_trace_abort("trace too long");
        J.too_long = true;
        return false;
    }
    memcpy(J.greens, greens, J.ngreens * sizeof *greens);
    memcpy(J.reds, reds, J.nreds * sizeof *reds);
    J.nreplay = 0;
    /* Other traces enter a loop at its start: check there that what it
     * assumed still holds (not a step; the optimizer drops it if the loop
     * assumes nothing).  Bridges are unlinked instead. */
    if (first && !J.bridge)
        (void)emit_guard(MT_IR_GUARD_NOT_INVALIDATED, 0, 0);
    return true;
}

static void jump(const mt_ref *reds, uint32_t target)
{
    mt_trace *t = J.trace;
    uint32_t first = mt_ir_pool_add(t, reds, J.nreds);
    mt_ir_emit(t, MT_IR_JUMP, MT_TYPE_VOID, 0, J.nreds, target, first);
    J.stopped = true;
    J.target = target;
}

bool mt_record_can_enter(const int64_t *greens, const mt_ref *reds)
{
    if (J.stopped)
        return true;
    size_t keysize = J.ngreens * sizeof *greens;
    if (!J.bridge && !memcmp(greens, J.start, keysize)) {
        jump(reds, 0);
        return true;
    }
    mt_jittrace *loop = mt_jit_loop_at(J.driver, greens);
    if (loop) {
        jump(reds, loop->id);
        return true;
    }
    if (J.bridge) {
        /* A loop with no code yet: leave to the interpreter at its header,
         * where the loop's counter gets it compiled.  (Unrolling it into
         * the bridge would make long bridges that never get shorter.) */
        mt_trace *t = J.trace;
        uint32_t snap = mt_ir_snapshot_add(t, greens, J.ngreens, reds, J.nreds, NULL, 0);
        mt_ref exit = mt_ir_emit(t, MT_IR_EXIT, MT_TYPE_VOID, 0, 0, 0, 0);
        t->ins[exit].snap = snap;
        J.stopped = true;
        return true;
    }
    if (!J.passed_other) {
        J.passed_other = true;
        memcpy(J.other, greens, keysize);
    }
    return false;
}

/* Bridges: the next step of the resumed instruction, if the parent did it. */
static bool prefix_take(mt_ref *ref, int64_t *value)
{
    if (J.prefix_next >= J.nprefix)
        return false;
    *ref = J.prefix_refs[J.prefix_next];
    if (value)
        *value = J.prefix_values[J.prefix_next];
    J.prefix_next++;
    replay_push(*ref);
    return true;
}

bool mt_record_replay(int64_t *value, mt_ref *ref) { return prefix_take(ref, value); }

mt_ref mt_record_op(mt_irop op, mt_irtype type, mt_ref a, mt_ref b, mt_ref c, int64_t aux)
{
    mt_ref ref;
    if (prefix_take(&ref, NULL))
        return ref;
    ref = mt_ir_emit(J.trace, op, type, a, b, c, aux);
    replay_push(ref);
    return ref;
}

mt_ref mt_record_const(mt_irtype type, int64_t value)
{
    mt_ref ref;
    if (prefix_take(&ref, NULL))
        return ref;
    ref = mt_ir_const(J.trace, type, value);
    replay_push(ref);
    return ref;
}

void mt_record_guard(mt_irop op, mt_ref a, mt_ref b)
{
    mt_ref ref;
    if (prefix_take(&ref, NULL))
        return; /* the parent trace checked it */
    replay_push(emit_guard(op, a, b));
}

mt_ref mt_record_call(void *fn, const char *name, unsigned effects, mt_irtype type, const mt_ref *args,
                      uint32_t nargs)
{
    mt_trace *t = J.trace;
    uint32_t call = mt_ir_call_add(t, fn, name, effects);
    uint32_t first = mt_ir_pool_add(t, args, nargs);
    mt_ref ref = mt_record_op(MT_IR_CALL, type, call, nargs, 0, first);
    /* The call may have changed a quasi-immutable cell this trace (or the
     * loop it jumps around in) assumes: check right after it. */
    if (effects & MT_EFFECT_WRITES_HEAP)
        (void)emit_guard(MT_IR_GUARD_NOT_INVALIDATED, 0, 0);
    return ref;
}

mt_ref mt_record_quasi(mt_quasi *q, mt_irtype type)
{
    mt_trace *t = J.trace;
    if (q->changes >= MT_QUASI_MAX_CHANGES) /* changes too often: an ordinary load */
        return mt_record_op(type == MT_TYPE_PTR ? MT_IR_LOAD_PTR : MT_IR_LOAD_INT, type,
                            mt_ir_const(t, MT_TYPE_PTR, (int64_t)(intptr_t)q), 0, 0,
                            (int64_t)offsetof(mt_quasi, value));
    mt_ir_quasi_add(t, q, q->value);
    return mt_record_const(type, q->value);
}
