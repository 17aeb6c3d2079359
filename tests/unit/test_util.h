/* test_util.h — helpers shared by the unit tests. */
#ifndef TEST_UTIL_H
#define TEST_UTIL_H

#include <stdio.h>

#include "mt.h"
#include "mt_ir.h"

/* The trace as mt_ir_print writes it; free() the result. */
static inline char *print_trace(const mt_trace *t)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    mt_ir_print(t, out);
    fclose(out);
    return text;
}

static inline unsigned count_ops(const mt_trace *t, mt_irop op)
{
    unsigned n = 0;
    for (mt_ref r = 1; r < t->nins; r++)
        n += t->ins[r].op == op;
    return n;
}

/* The same after the label of a peeled loop (the loop proper). */
static inline unsigned count_loop_ops(const mt_trace *t, mt_irop op)
{
    unsigned n = 0;
    for (mt_ref r = t->label + 1; t->label && r < t->nins; r++)
        n += t->ins[r].op == op;
    return n;
}

/* splitmix64: a good stream of random numbers from any seed, 0 too (the
 * random-trace tests). */
typedef struct rng {
    uint64_t state;
} rng;

static inline uint64_t next_random(rng *r)
{
    uint64_t z = (r->state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

static inline uint32_t below(rng *r, uint32_t n) { return (uint32_t)(next_random(r) % n); }

/* Suite fixture: the framework must be initialised before allocating. */
static inline void start_framework(void) { mt_init("unit-tests"); }

#endif
