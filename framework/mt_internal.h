/* mt_internal.h — declarations shared between framework files, not
 * installed: the public API is mt.h alone. */
#ifndef MT_INTERNAL_H
#define MT_INTERNAL_H

#include "mt.h"

void mt_alloc_start(void);
/* dlopen for a library the VM uses itself, which holds no pointers into
 * the heap: the collector does not scan its data, nor that of the
 * libraries it brought in. */
void *mt_dlopen_rootless(const char *file, int flags);
/* Growable arrays: return `array` (of `elem`-byte items, capacity *max)
 * resized so it holds at least `need` items, doubling as it grows. */
void *mt_grow(void *array, uint32_t *max, uint32_t need, size_t elem);
#define MT_RESERVE(array, max, need) ((array) = mt_grow((array), &(max), (need), sizeof *(array)))
void mt_log_start(const char *spec);
/* Where MTLOG output goes. */
FILE *mt_log_stream(void);
/* Apply a JIT option spec that came from `source` ("--jit", "MTJIT"):
 * returns on success, prints the help and exits 0 for "help", or reports
 * the error and exits 2. */
void mt_options_apply_or_exit(const char *spec, const char *source);

/* Milliseconds on the monotonic clock. */
double mt_now_ms(void);
/* A stretch of main-thread work for the JIT, for the jit-timing pause
 * figures: wall time (what the program waits) and the thread's CPU time
 * (the same without the other processes of a busy machine). */
typedef struct mt_pause {
    double wall_ms, cpu_ms;
} mt_pause;
mt_pause mt_pause_begin(void);
/* Record the pause that began at `start`; returns its wall time. */
double mt_pause_end(mt_pause start);

#endif
