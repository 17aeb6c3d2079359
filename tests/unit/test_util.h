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

/* Suite fixture: the framework must be initialised before allocating. */
static inline void start_framework(void) { mt_init("unit-tests"); }

#endif
