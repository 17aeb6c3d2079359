/* mt_record.c — the recorder behind trace mode.  Handler operations append
 * IR to the trace being recorded; each interpreter instruction starts a new
 * snapshot base (its greens and red refs) and an empty replay list, and a
 * guard's snapshot is that base plus the replay list so far: exactly what
 * resuming in the middle of the instruction needs.
 *
 * A bridge starts in the middle of an instruction: its first instruction
 * re-runs from the start, and the steps the parent trace had already done
 * (the parent guard's replay list) are handed back as the bridge's inputs
 * instead of being redone (the prefix).
 *
 * Calls between interpreted functions are traced into while the depth
 * limit allows and the callee is not already being traced into (which
 * would unroll a recursion); otherwise the trace makes the call, through
 * the driver's call function.  A trace that returns out of the function
 * it started in ends there: an entry trace or a bridge leaves to the
 * interpreter at the caller's continuation, a loop is abandoned. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "mt_internal.h"
#define MT_MODE_TRACE
#include "mt.h"
#include "mt_jit.h"
#include "mt_record.h"

static struct recorder {
    bool active, bridge, entry, stopped, aborted, too_long;
    bool exited;             /* ended by an EXIT */
    bool returned_out;       /* returned out of the trace's first function */
    bool called;             /* this instruction made a call: it must end now */
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
    bool inner_loop;         /* aborted: the loop at `other` went round */
    int64_t *red_values;     /* the reds at the current instruction's start */
    int32_t depth;           /* calls traced into, minus returns */
    int64_t *chain;          /* the entry keys of the functions traced into */
    uint32_t nchain, maxchain; /* (in words) */
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
    J.bridge = J.entry = J.stopped = J.aborted = J.too_long = J.passed_other = J.first_done = false;
    J.inner_loop = false;
    J.exited = J.returned_out = J.called = false;
    J.depth = 0;
    J.nchain = 0;
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
    J.red_values = mt_alloc(J.nreds * sizeof *J.red_values + 1);
    J.nreplay = 0;
    J.nprefix = J.prefix_next = 0;
}

static void chain_push(const int64_t *greens)
{
    MT_RESERVE(J.chain, J.maxchain, J.nchain + J.ngreens);
    memcpy(J.chain + J.nchain, greens, J.ngreens * sizeof *greens);
    J.nchain += J.ngreens;
}

void mt_recorder_begin_loop(const mt_jitdriver *driver, mt_trace *trace, const int64_t *greens)
{
    begin(driver, trace);
    memcpy(J.start, greens, J.ngreens * sizeof *greens);
}

void mt_recorder_begin_entry(const mt_jitdriver *driver, mt_trace *trace, const int64_t *greens)
{
    mt_recorder_begin_loop(driver, trace, greens);
    J.entry = true;
    chain_push(greens);
}

void mt_recorder_begin_bridge(const mt_jitdriver *driver, mt_trace *trace, const mt_trace *parent,
                              const mt_snapshot *snap, const int64_t *values)
{
    begin(driver, trace);
    J.bridge = true;
    J.depth = snap->depth;
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
        .exited = J.exited,
        .target = J.target,
        .reason = J.reason ? J.reason : "the trace function returned without closing the loop",
        .blame = J.inner_loop || (J.too_long && J.passed_other) ? J.other : NULL,
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

/* A guard (or EXIT) with the snapshot of the state given. */
static mt_ref emit_exit(mt_irop op, mt_ref a, mt_ref b, const int64_t *greens, const mt_ref *reds,
                        const mt_ref *replay, uint32_t nreplay)
{
    mt_trace *t = J.trace;
    uint32_t snap = mt_ir_snapshot_add(t, greens, J.ngreens, reds, J.nreds, replay, nreplay);
    t->snaps[snap].depth = J.depth;
    mt_ref ref = mt_ir_emit(t, op, MT_TYPE_VOID, a, b, 0, 0);
    t->ins[ref].snap = snap;
    return ref;
}

/* A guard with the snapshot of the current point (the base and the
 * instruction's steps so far). */
static mt_ref emit_guard(mt_irop op, mt_ref a, mt_ref b)
{
    return emit_exit(op, a, b, J.greens, J.reds, J.replay, J.nreplay);
}

/* End the trace by leaving to the interpreter at an instruction start. */
static void exit_to_interpreter(const int64_t *greens, const mt_ref *reds)
{
    (void)emit_exit(MT_IR_EXIT, 0, 0, greens, reds, NULL, 0);
    J.stopped = J.exited = true;
}

bool mt_record_merge_point(const int64_t *greens, const mt_ref *reds, const int64_t *red_values)
{
    if (J.stopped)
        return false;
    J.called = false;
    if (J.returned_out) {
        if (J.bridge || J.entry) {
            exit_to_interpreter(greens, reds);
        } else {
            mt_trace_abort("the loop's function returned before the loop closed");
        }
        return false;
    }
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
    memcpy(J.red_values, red_values, J.nreds * sizeof *red_values);
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
    mt_jittrace *loop = mt_jit_trace_at(J.driver, greens);
    if (loop) {
        jump(reds, loop->id);
        return true;
    }
    if (J.bridge || J.entry) {
        /* A loop with no code yet: leave to the interpreter at its header,
         * where the loop's counter gets it compiled.  (Unrolling it into
         * the trace would make long traces that never get shorter.) */
        exit_to_interpreter(greens, reds);
        return true;
    }
    if (!J.passed_other) {
        J.passed_other = true;
        memcpy(J.other, greens, keysize);
    } else if (!memcmp(greens, J.other, keysize) && !mt_jit_blacklisted(J.driver, greens)) {
        /* An inner loop with no code yet went round: unrolled into this
         * trace it would make it as long as the inner loop runs, and
         * different every time.  It is the inner loop's turn first; this
         * loop will jump to its code.  (One that will never have code is
         * unrolled, up to the trace limit.) */
        mt_trace_abort("an inner loop without code went round in the trace");
        J.inner_loop = true;
        return true;
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

/* An instruction that made a call ends there (MT_ENTER_FUNCTION's rule). */
static void check_not_called(void)
{
    if (J.called)
        mt_die(70, "internal error: %s: an operation after MT_ENTER_FUNCTION in the same "
                   "instruction (it must be the instruction's last)", J.driver->name);
}

bool mt_record_replay(int64_t *value, mt_ref *ref)
{
    check_not_called();
    return prefix_take(ref, value);
}

mt_ref mt_record_access(mt_irop op, mt_irtype type, mt_ref a, mt_ref b, mt_ref c, int64_t aux,
                        unsigned flags)
{
    mt_ref ref;
    check_not_called();
    if (prefix_take(&ref, NULL))
        return ref;
    ref = mt_ir_emit(J.trace, op, type, a, b, c, aux);
    J.trace->ins[ref].flags = (uint8_t)flags;
    replay_push(ref);
    return ref;
}

mt_ref mt_record_op(mt_irop op, mt_irtype type, mt_ref a, mt_ref b, mt_ref c, int64_t aux)
{
    return mt_record_access(op, type, a, b, c, aux, 0);
}

mt_ref mt_record_const(mt_irtype type, int64_t value)
{
    mt_ref ref;
    check_not_called();
    if (prefix_take(&ref, NULL)) {
        /* A constant is what the trace is specialised to, and a promote's
         * may differ from the parent's (its guard is why the bridge runs):
         * the value seen now is the one. */
        ref = mt_ir_const(J.trace, type, value);
        J.replay[J.nreplay - 1] = ref;
        return ref;
    }
    ref = mt_ir_const(J.trace, type, value);
    replay_push(ref);
    return ref;
}

mt_ref mt_record_operand(mt_irtype type, int64_t value) { return mt_ir_const(J.trace, type, value); }

mt_ref mt_record_checked(mt_irop op, mt_ref a, mt_ref b)
{
    check_not_called();
    mt_ref ref = emit_guard(op, a, b); /* its snapshot: the state before it */
    replay_push(ref);
    return ref;
}

void mt_record_guard(mt_irop op, mt_ref a, mt_ref b)
{
    mt_ref ref;
    check_not_called();
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

/* ---- calls between interpreted functions -------------------------------- */

static bool in_chain(const int64_t *greens)
{
    for (uint32_t i = 0; i < J.nchain; i += J.ngreens)
        if (!memcmp(J.chain + i, greens, J.ngreens * sizeof *greens))
            return true;
    return false;
}

static bool trace_into(const int64_t *greens)
{
    const mt_options *o = mt_jit_options();
    if (!J.driver->call || J.nreds > MT_MAX_CALL_REDS)
        return true; /* no other way */
    return o->inline_calls && J.depth < (int32_t)o->inline_depth && !in_chain(greens);
}

/* One word of what the call left (mt_call_result), as a step: a load. */
static int64_t call_result(uint32_t i, mt_irtype type, mt_ref *ref)
{
    int64_t value;
    if (mt_record_replay(&value, ref))
        return value;
    mt_ref at = mt_ir_const(J.trace, MT_TYPE_PTR, (int64_t)(intptr_t)mt_call_result);
    *ref = mt_record_op(type == MT_TYPE_PTR ? MT_IR_LOAD_PTR : MT_IR_LOAD_INT, type, at, 0, 0,
                        (int64_t)(i * sizeof *mt_call_result));
    return mt_call_result[i];
}

/* The red at the instruction's start with this value and type, else 0. */
static mt_ref red_with_value(int64_t value, mt_irtype type)
{
    for (uint32_t k = 0; k < J.nreds; k++)
        if (J.red_values[k] == value && J.driver->red_types[k] == type)
            return J.reds[k];
    return 0;
}

bool mt_record_enter_function(int64_t *greens, mt_ref *reds, int64_t *red_values)
{
    if (J.stopped)
        return false;
    /* A bridge replaying the parent's steps makes the call as it did. */
    bool replaying = J.prefix_next < J.nprefix;
    if (!replaying && trace_into(greens)) {
        J.depth++;
        chain_push(greens);
        return false;
    }
    const mt_jitdriver *d = J.driver;
    mt_trace *t = J.trace;
    int64_t value;
    mt_ref ref;
    if (!mt_record_replay(&value, &ref)) {
        /* The entry key outlives the recording: the trace names it. */
        int64_t *key = mt_alloc_atomic(J.ngreens * sizeof *key);
        memcpy(key, greens, J.ngreens * sizeof *key);
        mt_ref args[2 + MT_MAX_CALL_REDS];
        args[0] = mt_ir_const(t, MT_TYPE_PTR, (int64_t)(intptr_t)d);
        args[1] = mt_ir_const(t, MT_TYPE_PTR, (int64_t)(intptr_t)key);
        memcpy(args + 2, reds, J.nreds * sizeof *reds);
        mt_jit_call_function(d, key, red_values);
        (void)mt_record_call((void *)mt_call_function, "call_function", MT_EFFECT_REENTERS,
                             MT_TYPE_VOID, args, 2 + J.nreds);
    }
    /* Where the call came back to: the greens become constants behind
     * guards, and a red that is again what one was before the call (the
     * caller's frame) is tied to it, so the trace keeps knowing it. */
    for (uint32_t i = 0; i < J.ngreens; i++) {
        greens[i] = call_result(i, MT_TYPE_INT, &ref);
        mt_record_guard(MT_IR_GUARD_VALUE, ref, mt_record_const(MT_TYPE_INT, greens[i]));
    }
    for (uint32_t k = 0; k < J.nreds; k++) {
        mt_irtype type = (mt_irtype)d->red_types[k];
        red_values[k] = call_result(J.ngreens + k, type, &reds[k]);
        mt_ref before = red_with_value(red_values[k], type);
        mt_record_guard(MT_IR_GUARD_VALUE, reds[k], before ? before : reds[k]);
        if (before)
            reds[k] = before;
    }
    J.called = true;
    return true;
}

void mt_record_leave_function(void)
{
    if (J.stopped)
        return;
    if (J.nchain)
        J.nchain -= J.ngreens;
    if (--J.depth < 0)
        J.returned_out = true;
}
