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
    bool pending; /* a bridge for it is being compiled in the background */
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

/* What became of a compile request.  REJECTED: the backend cannot run
 * this trace (it is abandoned, as a recording would be); BROKEN: the
 * backend cannot work here (libgccjit failed), so the framework warns
 * once and goes on without the JIT. */
typedef enum {
    MT_COMPILE_READY,
    MT_COMPILE_PENDING, /* compiling in the background: see `finished` */
    MT_COMPILE_REJECTED,
    MT_COMPILE_BROKEN,
} mt_compile_status;

/* A backend.  Optional members may be NULL. */
typedef struct mt_backend {
    const char *name;
    /* Make `t` runnable, or start to; a reason in err unless READY or
     * PENDING.  Runs on the main thread, which may read the IR. */
    mt_compile_status (*compile)(mt_jittrace *t, bool sync, char *err, size_t errsize);
    /* Optional: a trace whose background compile ended since the last
     * call (READY or BROKEN in *status, a reason in err), or NULL.  A
     * trace installed already comes back only BROKEN: the backend was
     * recompiling it, and that failed. */
    mt_jittrace *(*finished)(mt_compile_status *status, char *err, size_t errsize);
    /* Optional: the framework made `t` its key's loop or its guard's
     * bridge; compiled code must now enter it there. */
    void (*link)(mt_jittrace *t);
    /* Optional: the bridge `t` was detached from its guard. */
    void (*unlink)(mt_jittrace *t);
    /* Optional: a safe point (the interpreter is at a merge point):
     * release the code of traces nothing can enter any more. */
    void (*collect)(void);
    /* Run from the loop `t` with its inputs until a guard without a bridge
     * fails.  Jumps between traces and entering bridges happen inside. */
    void (*run)(mt_jittrace *t, const int64_t *inputs, mt_exit *exit);
    /* Optional: the JIT will run with this backend (mt_jit_prepare): get
     * ready before the first compile. */
    void (*prepare)(void);
} mt_backend;

extern const mt_backend mt_backend_ref;
#ifdef MT_HAVE_GCCJIT
extern const mt_backend mt_backend_native;
#endif

/* The word where compiled code jumping to a loop of `loop`'s key finds
 * that key's code (the backend's to set; kept as long as the key). */
void **mt_jit_key_code(const mt_jittrace *loop);
/* Whether tests use mt_jit_record_loop or mt_jit_force_guard_failure in
 * this process: then compiled code must check for forced failures. */
bool mt_jit_failures_may_be_forced(void);
/* While a test's forced guard failures are pending, the trace and the
 * snapshot of the guard that must fail (else NULL): compiled code built
 * without fail_guards compares instead of calling mt_jit_fail_guard. */
extern const mt_jittrace *volatile mt_jit_forced_trace;
extern volatile uint32_t mt_jit_forced_snap;

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
