/* bf_trace.c — the trace-mode instantiation of the handlers: the same
 * bf_ops.h, with red values as {value, IR ref} boxes, so running an
 * instruction also records it.  The framework calls bf_trace when a loop
 * header gets hot (or a guard needs a bridge) and stops it by jumping to
 * mt_trace_stop when the loop closes or the trace is abandoned. */
#include "config.h"

#define MT_MODE_TRACE
#include "bf.h"

void bf_trace(int64_t *greens, int64_t *reds)
{
    const bf_insn *code;
    size_t pc;
    bf_tape *tape;
    mt_ptr cells;
    mt_int pos, length;
    MT_LOAD_STATE(BF_GREENS, BF_REDS, greens, reds);
    for (;;) {
        MT_MERGE_POINT(bf_jit, BF_GREENS, BF_REDS);
        const bf_insn *insn = &code[pc];
#include "bf_ops.h"
    }
program_end: /* before BF_END's (empty) effects: the interpreter ends it */
    mt_trace_abort("the program ended");
mt_trace_stop:
    MT_SAVE_STATE(BF_GREENS, BF_REDS, greens, reds);
}

MT_JITDRIVER(bf_jit, BF_GREENS, BF_REDS, bf_trace, bf_resume, NULL);
