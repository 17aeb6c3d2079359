/* tiny_resume.c — the resume-mode instantiation of mttiny's handlers. */
#include "config.h"

#define MT_MODE_RESUME
#include "tiny.h"

void tiny_resume(int64_t *greens, int64_t *reds)
{
    const tiny_func *code;
    size_t pc;
    mt_ptr frame;
    MT_LOAD_STATE(TINY_GREENS, TINY_REDS, greens, reds);
    const tiny_insn *insn = &code->code[pc];
#include "tiny_ops.h"
program_end:
    MT_SAVE_STATE(TINY_GREENS, TINY_REDS, greens, reds);
}
