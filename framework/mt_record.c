/* mt_record.c — the recorder behind trace mode.  Handler operations append
 * IR to the trace being recorded; each interpreter instruction starts a new
 * snapshot base (its greens and red refs) and an empty replay list, and a
 * guard's snapshot is that base plus the replay list so far: exactly what
 * resuming in the middle of the instruction needs. */
#include "config.h"

#include <string.h>

#include "mt_internal.h"
#define MT_MODE_TRACE
#include "mt.h"
#include "mt_record.h"

static struct recorder {
    mt_trace *trace;
    int64_t *greens;
    uint32_t ngreens, maxgreens;
    mt_ref *reds;
    uint32_t nreds, maxreds;
    mt_ref *replay;
    uint32_t nreplay, maxreplay;
} J;

static void replay_push(mt_ref ref)
{
    MT_RESERVE(J.replay, J.maxreplay, J.nreplay + 1);
    J.replay[J.nreplay++] = ref;
}

void mt_recorder_start(mt_trace *trace)
{
    mt_trace_init(trace);
    J.trace = trace;
    J.ngreens = J.nreds = J.nreplay = 0;
}

mt_ref mt_recorder_input(mt_irtype type, uint32_t slot) { return mt_ir_input(J.trace, type, slot); }

void mt_recorder_instruction(const int64_t *greens, uint32_t ngreens, const mt_ref *reds, uint32_t nreds)
{
    MT_RESERVE(J.greens, J.maxgreens, ngreens);
    MT_RESERVE(J.reds, J.maxreds, nreds);
    memcpy(J.greens, greens, ngreens * sizeof *greens);
    memcpy(J.reds, reds, nreds * sizeof *reds);
    J.ngreens = ngreens;
    J.nreds = nreds;
    J.nreplay = 0;
}

void mt_recorder_jump(const mt_ref *args, uint32_t nargs)
{
    mt_trace *t = J.trace;
    uint32_t first = mt_ir_pool_add(t, args, nargs);
    mt_ir_emit(t, MT_IR_JUMP, MT_TYPE_VOID, 0, nargs, 0, first);
}

mt_ref mt_record_op(mt_irop op, mt_irtype type, mt_ref a, mt_ref b, mt_ref c, int64_t aux)
{
    mt_ref ref = mt_ir_emit(J.trace, op, type, a, b, c, aux);
    replay_push(ref);
    return ref;
}

mt_ref mt_record_const(mt_irtype type, int64_t value)
{
    mt_ref ref = mt_ir_const(J.trace, type, value);
    replay_push(ref);
    return ref;
}

void mt_record_guard(mt_irop op, mt_ref a, mt_ref b)
{
    mt_trace *t = J.trace;
    uint32_t snap = mt_ir_snapshot_add(t, J.greens, J.ngreens, J.reds, J.nreds, J.replay, J.nreplay);
    mt_ref ref = mt_ir_emit(t, op, MT_TYPE_VOID, a, b, 0, 0);
    t->ins[ref].snap = snap;
    replay_push(ref);
}

mt_ref mt_record_call(void *fn, const char *name, unsigned effects, mt_irtype type, const mt_ref *args,
                      uint32_t nargs)
{
    mt_trace *t = J.trace;
    uint32_t call = mt_ir_call_add(t, fn, name, effects);
    uint32_t first = mt_ir_pool_add(t, args, nargs);
    return mt_record_op(MT_IR_CALL, type, call, nargs, 0, first);
}
