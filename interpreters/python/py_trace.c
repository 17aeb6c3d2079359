/* py_trace.c — the trace-mode instantiation of mtpy's handlers.  A trace
 * abandons its recording where an exception is raised or a frame returns
 * to C, leaving the interpreter to go on from there. */
#include "config.h"

#define MT_MODE_TRACE
#include "py_eval.h"

/* The interpreter goes on unwinding at `pc` (UNWIND at pc == ninsns). */
static void hand_over(py_frame *frame, const py_code *code, size_t pc, bool add_traceback)
{
    if (add_traceback)
        py_error_noticed(frame, code, (int64_t)pc);
    frame->lasti = (int64_t)pc;
}

void py_trace(int64_t *greens, int64_t *reds)
{
    const py_code *code;
    size_t pc;
    mt_ptr frame, result;
    MT_LOAD_STATE(PY_GREENS, PY_REDS, greens, reds);
    for (;;) {
        MT_MERGE_POINT(py_jit, PY_GREENS, PY_REDS);
        const py_insn *insn = &code->insns[pc];
#include "py_ops.h"
        continue;
    error:
        mt_trace_abort("an exception was raised");
        hand_over(frame.v, code, pc, true);
        pc = code->ninsns;
        goto mt_trace_stop;
    unwind:
        mt_trace_abort("an exception was raised");
        hand_over(frame.v, code, pc, false);
        pc = code->ninsns;
        goto mt_trace_stop;
    }
return_to_c: /* the interpreter does the return: nothing changed yet */
yield_to_c:
    (void)result;
    mt_trace_abort("a frame returned to C");
mt_trace_stop:
    MT_SAVE_STATE(PY_GREENS, PY_REDS, greens, reds);
}

MT_JITDRIVER(py_jit, PY_GREENS, PY_REDS, py_trace, py_resume, py_call_portal);
