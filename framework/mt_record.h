/* mt_record.h — driving the recorder (framework-internal): start recording
 * a loop or a bridge, then run the driver's trace-mode function, then ask
 * how it ended.  The operations themselves are recorded through the
 * trace-mode half of mt.h. */
#ifndef MT_RECORD_H
#define MT_RECORD_H

#include "mt.h"

/* Record a loop starting at the instruction `greens` (a loop header). */
void mt_recorder_begin_loop(const mt_jitdriver *driver, mt_trace *trace, const int64_t *greens);
/* Record the entry trace of a function whose entry is `greens`: it ends
 * where the function returns, or at a loop header. */
void mt_recorder_begin_entry(const mt_jitdriver *driver, mt_trace *trace, const int64_t *greens);
/* Record a bridge from the guard with snapshot `snap` of `parent`, whose
 * exit values are `values` (the snapshot's reds, then its replay list). */
void mt_recorder_begin_bridge(const mt_jitdriver *driver, mt_trace *trace, const mt_trace *parent,
                              const mt_snapshot *snap, const int64_t *values);
/* How a recording ended, once the trace function returned. */
typedef struct mt_rec_result {
    /* The trace ends with a JUMP to trace `target` (0: the loop itself)
     * or, for a bridge or an entry trace, with an EXIT to the interpreter
     * (`exited`). */
    bool closed, exited;
    uint32_t target;
    /* Otherwise, why it was abandoned, and the loop to blame (NULL if
     * none): for "trace too long", the first loop header without compiled
     * code it ran through; for an inner loop that went round in the trace,
     * that loop. */
    const char *reason;
    const int64_t *blame;
    /* A bridge stopped before finishing its first (resumed) instruction. */
    bool in_first_instruction;
} mt_rec_result;
mt_rec_result mt_recorder_end(void);
bool mt_recorder_active(void);

/* mt_jit.c: whether the loop at `greens` was given up on (it is not
 * compiled, ever). */
bool mt_jit_blacklisted(const mt_jitdriver *driver, const int64_t *greens);
/* mt_jit.c: the compiled trace whose entry is the key `greens`, or NULL. */
struct mt_jittrace *mt_jit_trace_at(const mt_jitdriver *driver, const int64_t *greens);
/* mt_jit.c: make a call from a function's entry (the key and reds) through
 * the driver's call function, leaving the state after it in
 * mt_call_result. */
void mt_jit_call_function(const mt_jitdriver *driver, const int64_t *greens, const int64_t *reds);

#endif
