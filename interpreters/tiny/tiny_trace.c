/* tiny_trace.c — the trace-mode instantiation of mttiny's handlers.  Calls
 * and returns change the greens like any jump, so a trace simply runs on
 * into the callee and back: calls are inlined. */
#include "config.h"

#define MT_MODE_TRACE
#include "tiny.h"

void tiny_trace(int64_t *greens, int64_t *reds)
{
    const tiny_func *code;
    size_t pc;
    mt_ptr frame;
    MT_LOAD_STATE(TINY_GREENS, TINY_REDS, greens, reds);
    for (;;) {
        MT_MERGE_POINT(tiny_jit, TINY_GREENS, TINY_REDS);
        const tiny_insn *insn = &code->code[pc];
#include "tiny_ops.h"
    }
program_end: /* main returned; nothing changed yet in this instruction */
    mt_trace_abort("the program ended");
mt_trace_stop:
    MT_SAVE_STATE(TINY_GREENS, TINY_REDS, greens, reds);
}

MT_JITDRIVER(tiny_jit, TINY_GREENS, TINY_REDS, tiny_trace, tiny_resume, tiny_call);
