/* mt_record.h — driving the recorder (framework-internal): start recording
 * a loop or a bridge, then run the driver's trace-mode function, then ask
 * how it ended.  The operations themselves are recorded through the
 * trace-mode half of mt.h. */
#ifndef MT_RECORD_H
#define MT_RECORD_H

#include "mt.h"

typedef enum { MT_REC_CLOSED, MT_REC_ABORTED } mt_rec_status;

/* Record a loop starting at the instruction `greens` (a loop header). */
void mt_recorder_begin_loop(const mt_jitdriver *driver, mt_trace *trace, const int64_t *greens);
/* Record a bridge from the guard with snapshot `snap` of `parent`, whose
 * exit values are `values` (the snapshot's reds, then its replay list). */
void mt_recorder_begin_bridge(const mt_jitdriver *driver, mt_trace *trace, const mt_trace *parent,
                              const mt_snapshot *snap, const int64_t *values);
/* After the trace function returned.  CLOSED: the trace ends with a JUMP
 * (*target is its target trace id, 0 for the loop itself) or, for a
 * bridge, with an EXIT to the interpreter (*target 0).  ABORTED:
 * *reason says why; *other is the key of the first loop header the trace
 * ran through that had no compiled code (NULL if none), and
 * *in_first_instruction says the abort came before a bridge had finished
 * its first (resumed) instruction. */
mt_rec_status mt_recorder_end(uint32_t *target, const char **reason, const int64_t **other,
                              bool *in_first_instruction);
bool mt_recorder_active(void);

/* mt_jit.c: the compiled loop whose entry is the key `greens`, or NULL. */
struct mt_jittrace *mt_jit_loop_at(const mt_jitdriver *driver, const int64_t *greens);
uint32_t mt_jit_trace_id(const struct mt_jittrace *t);

#endif
