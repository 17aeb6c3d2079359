/* test_eval.h — a reference evaluator for traces, for tests that run a
 * trace as written and as optimized and expect the same behaviour.
 *
 * It runs a trace the way the backends do (sunk instructions are skipped)
 * over memory it checks, and writes down what the interpreter could see
 * afterwards as text: how the run left the trace and with which values,
 * the calls that had effects, and the objects reachable from the values and
 * from the test's memory.  Objects the trace allocated are named by the
 * order the description reaches them, not by address, so a run that
 * allocates fewer objects (sunk ones are built only when a guard exits)
 * still describes the same state in the same words.  Two runs behave alike
 * when their texts are equal.
 */
#ifndef TEST_EVAL_H
#define TEST_EVAL_H

#include <stdint.h>

#include "mt_ir.h"

enum {
    EVAL_MAX_OBJECT_SIZE = 64 * 8, /* one bit per word in eval_object.pointers */
    EVAL_MAX_INPUT_OBJECTS = 8,
};

/* An object of the test's own, which input pointers point to.  Bit i of
 * `pointers` says word i (bytes 8i .. 8i+7) holds a pointer: the evaluator
 * keeps it up to date as the trace stores, and the description follows
 * such a word to the object it points to. */
typedef struct eval_object {
    uint8_t *base;
    uint32_t size;
    uint64_t pointers;
} eval_object;

/* The memory a run may touch besides the objects the trace allocates.
 * Bit i of `frame_words` says word i of every object is a frame field: a
 * run that is still looping may have stores into it pending (done only
 * where something could see them), so its description leaves those
 * words out. */
typedef struct eval_heap {
    eval_object objects[EVAL_MAX_INPUT_OBJECTS];
    uint32_t nobjects;
    uint64_t frame_words;
} eval_heap;

typedef enum {
    EVAL_GUARD,   /* a guard failed, an _ov op overflowed or an exit was reached */
    EVAL_JUMP,    /* to another trace */
    EVAL_LOOPING, /* still looping after the most iterations the test allows */
    EVAL_FAULT,   /* something no trace may do: an access outside every object,
                     a call to an unknown function, a sunk object deopt cannot build */
} eval_how;

typedef struct eval_result {
    eval_how how;
    mt_ref at;             /* the guard, jump or faulting instruction */
    unsigned iterations;   /* loop jumps taken; in a peeled trace, reaching the
                              label from the preamble is the first */
    unsigned materialized; /* sunk objects the exit built from its virtual list */
    unsigned pending;      /* delayed stores the exit did */
    char *text;            /* the description; free() it */
} eval_result;

/* Run `t` from `inputs` (one per input slot) over `heap` until it leaves
 * the trace or has taken `max_iterations` loop jumps.  The heap's objects
 * are changed in place; their contents and pointer bits must be set up
 * again before the next run. */
void eval_run(const mt_trace *t, const int64_t *inputs, eval_heap *heap, unsigned max_iterations,
              eval_result *res);

#endif
