/* bf.h — mtbf, Brainfuck on metatrace: the program form, the tape, and the
 * entry points shared by the parser, the interpreter and the tests. */
#ifndef BF_H
#define BF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mt.h"

typedef enum {
    BF_ADD,   /* cell += arg (mod 256); runs of + and - folded */
    BF_MOVE,  /* pos += arg; runs of > and < folded */
    BF_OUT,   /* write the cell */
    BF_IN,    /* read into the cell; EOF leaves it unchanged */
    BF_OPEN,  /* [: if the cell is zero, continue after the matching ] */
    BF_CLOSE, /* ]: if the cell is non-zero, continue after the matching [ */
    BF_END,
} bf_opcode;

typedef struct bf_insn {
    bf_opcode op;
    int64_t arg; /* amount for ADD/MOVE; index of the matching bracket for OPEN/CLOSE */
} bf_insn;

typedef struct bf_program {
    bf_insn *code; /* ends with BF_END */
    size_t length;
} bf_program;

/* Parse `size` bytes of source.  On an unmatched bracket returns false and
 * sets *line and *column (1-based, column in bytes) and *bracket ('[' or
 * ']'): the first ']' without an open '[', else the earliest '[' never
 * closed. */
bool bf_parse(const char *source, size_t size, bf_program *prog, long *line, long *column,
              char *bracket);

/* Outside the handlers everything is plain C: mt_int and mt_ptr are mode
 * types and change meaning in trace mode. */

/* The tape: unbounded in both directions, grown on demand.  The interpreter
 * keeps `cells` and `length` in locals and reloads them after a grow. */
typedef struct bf_tape {
    uint8_t *cells;
    int64_t length;
    int64_t limit; /* most cells the tape may ever have */
} bf_tape;

void bf_tape_init(bf_tape *tape, int64_t limit);
void bf_tape_free(bf_tape *tape);
/* Make `pos` (which may be negative or >= length) a valid index: grows the
 * tape and returns the index the same cell has afterwards. */
int64_t bf_tape_grow(bf_tape *tape, int64_t pos);

/* Residual calls made by the handlers.  With interactive input the output
 * is flushed before each read, so prompts appear. */
void bf_io_start(bool interactive);
void bf_putc(int64_t cell);
int64_t bf_getc(int64_t cell);

/* The JIT driver: greens are the program, the pc and the tape (one per
 * run, baked into traces as a constant); reds are the tape's cells and
 * length (reloaded after a grow) and the position. */
#define BF_GREENS(G) G(code) G(pc) G(tape)
#define BF_REDS(R) R(PTR, cells) R(INT, pos) R(INT, length)
extern const mt_jitdriver bf_jit;
void bf_trace(int64_t *greens, int64_t *reds);  /* bf_trace.c */
void bf_resume(int64_t *greens, int64_t *reds); /* bf_resume.c */

/* Run the program on the tape (interp mode, entering the JIT at hot loops). */
void bf_run(const bf_program *prog, bf_tape *tape);

#endif
