/* bf_resume.c — the resume-mode instantiation of the handlers: after a
 * guard failed in the middle of an instruction, finish that instruction
 * with the steps compiled code had already done taken from the guard's
 * resume data, then hand back to the interpreter. */
#include "config.h"

#define MT_MODE_RESUME
#include "bf.h"

void bf_resume(int64_t *greens, int64_t *reds)
{
    const bf_insn *code;
    size_t pc;
    bf_tape *tape;
    mt_ptr cells;
    mt_int pos, length;
    MT_LOAD_STATE(BF_GREENS, BF_REDS, greens, reds);
    const bf_insn *insn = &code[pc];
#include "bf_ops.h"
program_end:
    MT_SAVE_STATE(BF_GREENS, BF_REDS, greens, reds);
}
