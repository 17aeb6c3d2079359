/* tiny_interp.c — the interp-mode instantiation of mttiny's handlers. */
#include "config.h"

#include <stdlib.h>

#include "tiny.h"

void tiny_run(const tiny_program *prog)
{
    const tiny_func *code = prog->main;
    size_t pc = 0;
    mt_ptr frame = mt_alloc(TINY_SLOT(code->nslots));
    for (;;) {
        MT_MERGE_POINT(tiny_jit, TINY_GREENS, TINY_REDS);
        const tiny_insn *insn = &code->code[pc];
#include "tiny_ops.h"
    }
program_end:
    return;
}

void tiny_call(int64_t *greens, int64_t *reds)
{
    const tiny_func *code;
    size_t pc;
    mt_ptr frame;
    MT_LOAD_STATE(TINY_GREENS, TINY_REDS, greens, reds);
    const tiny_frame *caller = ((const tiny_frame *)frame)->back;
    MT_ENTER_FUNCTION(tiny_jit, TINY_GREENS, TINY_REDS); /* the callee's entry trace, if any */
    while (frame != caller) {
        MT_MERGE_POINT(tiny_jit, TINY_GREENS, TINY_REDS);
        const tiny_insn *insn = &code->code[pc];
#include "tiny_ops.h"
    }
    MT_SAVE_STATE(TINY_GREENS, TINY_REDS, greens, reds);
    return;
program_end: /* main is never called */
    mt_die(70, "internal error: main returned inside a call");
}

bool tiny_step(int64_t *greens, int64_t *reds)
{
    const tiny_func *code;
    size_t pc;
    mt_ptr frame;
    MT_LOAD_STATE(TINY_GREENS, TINY_REDS, greens, reds);
    const tiny_insn *insn = &code->code[pc];
#include "tiny_ops.h"
    MT_SAVE_STATE(TINY_GREENS, TINY_REDS, greens, reds);
    return true;
program_end:
    return false;
}

/* x multiplied by itself n times, wrapping as `mul` does (by squaring:
 * the product is the same in any order). */
int64_t tiny_pow(int64_t x, int64_t n)
{
    uint64_t power = 1, square = (uint64_t)x;
    for (; n > 0; n >>= 1) {
        if (n & 1)
            power *= square;
        square *= square;
    }
    return (int64_t)power;
}

void tiny_print(int64_t value) { printf("%lld\n", (long long)value); }

void tiny_too_deep(int64_t depth)
{
    mt_die(1, "recursion too deep (%lld calls)", (long long)depth);
}
