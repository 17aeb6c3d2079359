/* tiny.h — mttiny, the smallest complete interpreter on metatrace: a stack
 * machine with 64-bit integers, arithmetic, comparisons, jumps, calls and
 * print.  docs/tutorial.md builds it up step by step.
 *
 * A program is a list of functions; `main` (no parameters) runs first:
 *
 *     func count n        # a function with one parameter, n
 *     loop:
 *         load n
 *         print
 *         load n
 *         push 1
 *         sub
 *         store n         # locals are created by their first store
 *         load n
 *         jumpif loop
 *         push 0
 *         ret
 *     end
 *
 * `gget NAME` pushes a global, `gset NAME` pops into one.  `pow` pops n
 * and x and pushes x multiplied by itself n times (1 if n <= 0).
 */
#ifndef TINY_H
#define TINY_H

#include <stddef.h>
#include <stdint.h>

#include "mt.h"

typedef enum {
    T_PUSH, T_POP, T_DUP, T_LOAD, T_STORE,
    T_ADD, T_SUB, T_MUL, T_POW, T_LT, T_LE, T_EQ, T_NE,
    T_JUMP, T_JUMPIF, T_JUMPIFNOT, T_CALL, T_RET, T_PRINT, T_GGET, T_GSET,
} tiny_opcode;

struct tiny_func;

typedef struct tiny_insn {
    tiny_opcode op;
    int64_t arg;           /* PUSH: the value; LOAD/STORE: the local; jumps: the target */
    struct tiny_func *callee; /* CALL */
    mt_quasi *global;      /* GGET, GSET */
    uint32_t top;          /* slot just above the stack top before the instruction */
    int line;
} tiny_insn;

typedef struct tiny_func {
    const char *name;
    uint32_t nparams, nslots; /* locals (parameters first), then the stack */
    tiny_insn *code;
    size_t ncode;
} tiny_func;

/* Globals are named program-wide, start at 0, and are quasi-immutable:
 * a trace takes a global's value as a constant until it changes. */
typedef struct tiny_global {
    const char *name;
    mt_quasi cell;
} tiny_global;

typedef struct tiny_program {
    tiny_func **funcs;
    size_t nfuncs;
    tiny_func *main;
    tiny_global **globals;
    size_t nglobals;
} tiny_program;

/* A frame: a heap object, so calls do not nest on the C stack. */
typedef struct tiny_frame {
    const tiny_func *ret_code; /* where the caller continues; NULL for main */
    int64_t ret_pc;
    int64_t ret_slot;          /* byte offset of the result in the caller */
    struct tiny_frame *back;
    int64_t depth;
    int64_t slots[];
} tiny_frame;

#define TINY_SLOT(i) ((int64_t)offsetof(tiny_frame, slots) + 8 * (int64_t)(i))
#define TINY_MAX_DEPTH 10000

/* Load `source`; on an error returns false with "LINE: message" in err. */
bool tiny_load(const char *source, tiny_program *prog, char *err, size_t errsize);

/* The JIT driver: greens are the function and pc; the frame is red. */
#define TINY_GREENS(G) G(code) G(pc)
#define TINY_REDS(R) R(PTR, frame)
extern const mt_jitdriver tiny_jit;
void tiny_trace(int64_t *greens, int64_t *reds);  /* tiny_trace.c */
void tiny_resume(int64_t *greens, int64_t *reds); /* tiny_resume.c */
/* A call compiled code makes: run from the callee's entry until it returns. */
void tiny_call(int64_t *greens, int64_t *reds);   /* tiny_interp.c */

void tiny_run(const tiny_program *prog);
/* Run the one instruction at the state (interp mode; for tests).  False
 * if it was main's return. */
bool tiny_step(int64_t *greens, int64_t *reds);

/* Residual calls made by the handlers. */
int64_t tiny_pow(int64_t x, int64_t n);
void tiny_print(int64_t value);
void tiny_too_deep(int64_t depth);

#endif
