/* bf_interp.c — the interp-mode instantiation of the handlers: plain C
 * values, no tracing branches, as fast as a hand-written interpreter; loop
 * headers tick a counter and enter the JIT when it runs out. */
#include "config.h"

#include "bf.h"

void bf_run(const bf_program *prog, bf_tape *tape)
{
    /* A local copy: byte stores to the tape may alias anything, so reading
     * prog->code on every instruction would be a reload each time. */
    const bf_insn *code = prog->code;
    size_t pc = 0;
    mt_ptr cells = tape->cells;
    mt_int pos = tape->length / 2;
    mt_int length = tape->length;
    for (;;) {
        MT_MERGE_POINT(bf_jit, BF_GREENS, BF_REDS);
        const bf_insn *insn = &code[pc];
#include "bf_ops.h"
    }
program_end:
    return;
}
