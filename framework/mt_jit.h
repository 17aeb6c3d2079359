/* mt_jit.h — compiled traces and the backend interface (framework-
 * internal).  A trace is a loop (entered from the interpreter at its green
 * key) or a bridge (entered from a failing guard of its parent); either
 * ends by jumping to a loop.  Traces are numbered from 1; a JUMP names its
 * target by number (0: the loop itself). */
#ifndef MT_JIT_H
#define MT_JIT_H

#include "mt.h"

/* Per guard (indexed by snapshot): how often it failed to the
 * interpreter, and the bridge attached to it. */
typedef struct mt_guard {
    uint32_t failures;
    uint32_t aborts; /* bridge recordings abandoned */
    struct mt_jittrace *bridge;
} mt_guard;

typedef struct mt_jittrace {
    uint32_t id;
    const mt_jitdriver *driver;
    struct mt_jittrace *parent; /* bridges: the trace and guard they hang off */
    uint32_t parent_snap;
    mt_trace ir;
    mt_guard *guards;
    struct jitcell *cell; /* loops and entry traces: the key they are entered at */
    bool function;        /* an entry trace: recorded from a function's entry */
    bool invalid;         /* a quasi-immutable value it assumed changed */
    void *code; /* the backend's */
} mt_jittrace;

/* Where compiled code stopped: the guard (by snapshot) that failed and the
 * values its snapshot names — the reds, then the replay list.  `forced`:
 * the failure was injected by fail_guards. */
typedef struct mt_exit {
    mt_jittrace *trace;
    mt_ref guard;
    uint32_t snap;
    const int64_t *values;
    bool forced;
} mt_exit;

typedef struct mt_backend {
    const char *name;
    /* Make `t` runnable; false with a reason if it cannot. */
    bool (*compile)(mt_jittrace *t, char *err, size_t errsize);
    /* Run from the loop `t` with its inputs until a guard without a bridge
     * fails.  Jumps between traces and entering bridges happen inside. */
    void (*run)(mt_jittrace *t, const int64_t *inputs, mt_exit *exit);
} mt_backend;

extern const mt_backend mt_backend_ref;

/* A call compiled code makes instead of tracing into it: from the entry
 * key `greens` (an int64_t array) with up to MT_MAX_CALL_REDS reds, through
 * the driver's call function.  The state after it, greens then reds, is
 * left in mt_call_result, where the trace loads it from. */
int64_t mt_call_function(int64_t driver, int64_t greens, int64_t red0, int64_t red1, int64_t red2,
                         int64_t red3);
extern int64_t mt_call_result[MT_MAX_STATE];

mt_jittrace *mt_jit_trace(uint32_t id);
/* Where a JUMP to trace `id` goes: the loop itself or, once it is
 * invalid, the loop compiled for its key since (if any). */
mt_jittrace *mt_jit_jump_target(uint32_t id);
/* Do the stores a failing guard's snapshot has pending and build the
 * virtual objects it reaches, from its exit values (see mt_snapshot), and
 * put the objects in place of the sunk NEWs among the reds and the replay
 * list.  A backend calls it before a bridge or the framework sees the
 * exit. */
void mt_jit_materialize(const mt_trace *ir, const mt_snapshot *s, int64_t *values);
/* True if this check of the guard with snapshot `snap` of `t` must fail
 * although it holds: the fail_guards stress mode, or a test's request. */
bool mt_jit_fail_guard(const mt_jittrace *t, uint32_t snap);

/* For tests: record (and compile) a loop from the given state, exactly as
 * a hot loop header would; returns it, or NULL if recording aborted.  The
 * state is updated to where recording stopped. */
mt_jittrace *mt_jit_record_loop(const mt_jitdriver *driver, int64_t *greens, int64_t *reds);
/* For tests: run compiled code from the loop `t` at the state until it
 * leaves to the interpreter (after deopt; the state is updated). */
void mt_jit_run(mt_jittrace *t, int64_t *greens, int64_t *reds);
/* For tests: make the next `times` checks of one guard fail. */
void mt_jit_force_guard_failure(const mt_jittrace *t, uint32_t snap, uint32_t times);
/* For tests: forget every compiled trace and counter. */
void mt_jit_reset(void);

#endif
