/* bf_trace.c — the trace-mode instantiation of the handlers: the same
 * bf_ops.h, with red values as {value, IR ref} boxes, so running an
 * instruction also records it. */
#include "config.h"

#define MT_MODE_TRACE
#include "bf.h"
#include "mt_record.h"

/* Record one trip around the loop whose body starts at `header`, running
 * it for real from tape position *pos_io (updated).  Returns false if the
 * program ended instead.  Entering and leaving traces from the interpreter
 * is the warm-up driver's job; this is the recording half. */
bool bf_record_loop(const bf_program *prog, bf_tape *tape, size_t header, int64_t *pos_io,
                    mt_trace *trace)
{
    mt_recorder_start(trace);
    mt_ptr cells = {tape->cells, mt_recorder_input(MT_TYPE_PTR, 0)};
    mt_int pos = {*pos_io, mt_recorder_input(MT_TYPE_INT, 1)};
    mt_int length = {tape->length, mt_recorder_input(MT_TYPE_INT, 2)};
    const bf_insn *code = prog->code;
    size_t pc = header;
    for (;;) {
        int64_t greens[] = {(int64_t)pc};
        mt_ref reds[] = {cells.ref, pos.ref, length.ref};
        mt_recorder_instruction(greens, 1, reds, 3);
        const bf_insn *insn = &code[pc];
#include "bf_ops.h"
        if (++pc == header) {
            mt_ref loop_args[] = {cells.ref, pos.ref, length.ref};
            mt_recorder_jump(loop_args, 3);
            *pos_io = pos.v;
            return true;
        }
    }
program_end:
    return false;
}
