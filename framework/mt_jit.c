/* mt_jit.c — warm-up, the life of traces, and deopt.
 *
 * Interp mode ticks a hashed counter at every loop header (mt_counters);
 * when one runs out, mt_hot looks the green key up in the JIT cells.  A
 * key with a compiled loop runs it; a cold one is recorded (the trace-mode
 * instantiation runs the program meanwhile), compiled and run.  When a
 * guard fails, its snapshot rebuilds the state at the start of the
 * interrupted instruction and resume mode finishes that instruction; a
 * guard that keeps failing gets a bridge, recorded from the same point.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mt_internal.h"
#define uthash_malloc(size) mt_alloc(size) /* cells hold collected pointers */
#define uthash_free(ptr, size) ((void)(ptr), (void)(size))
#include <uthash.h>

#include "mt_jit.h"
#include "mt_opt.h"
#include "mt_record.h"

/* Aborted recordings of one key (or one guard's bridge) before giving up:
 * three of its own, or nine that were another loop's fault (note_abort). */
enum { MT_ABORT_WEIGHT = 3, MT_MAX_ABORTS = 3 * MT_ABORT_WEIGHT };

int32_t mt_counters[1u << MT_COUNTER_BITS];
mt_replay_cursor mt_replay;

typedef struct jitcell {
    UT_hash_handle hh;
    mt_jittrace *trace; /* entered at this key: a loop, or a function's entry trace */
    uint32_t aborts;
    bool blacklisted;
    bool pending; /* a loop for it is being compiled in the background */
    bool warm;    /* a function entry past `threshold` calls, counting on */
    void *code;   /* the backend's: see mt_jit_key_code */
    int64_t key[]; /* the driver, then the greens */
} jitcell;

static struct {
    bool counters_ready;
    jitcell *cells;
    mt_jittrace **traces; /* by id - 1 */
    uint32_t ntraces, maxtraces;
    uint64_t guard_checks;
    uint32_t call_nesting; /* calls from compiled code in progress */
    uint32_t loops_pending; /* loop traces compiling in the background */
    const mt_jittrace *forced_trace; /* a test's forced failures */
    uint32_t forced_snap, forced_left;
} JS;

/* ---- counters and cells -------------------------------------------------- */

static int32_t counter_start(void)
{
    uint32_t threshold = mt_jit_options()->threshold;
    return threshold - 1 > INT32_MAX ? INT32_MAX : (int32_t)(threshold - 1);
}

static uint32_t slot_of(const mt_jitdriver *d, const int64_t *greens)
{
    uint64_t sum = 0;
    for (uint32_t i = 0; i < d->ngreens; i++)
        sum += (uint64_t)greens[i];
    return (uint32_t)((sum * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - MT_COUNTER_BITS));
}

static jitcell *cell_find(const mt_jitdriver *d, const int64_t *greens, bool create)
{
    size_t keysize = (1 + d->ngreens) * sizeof(int64_t);
    int64_t key[1 + d->ngreens];
    key[0] = (int64_t)(intptr_t)d;
    memcpy(key + 1, greens, d->ngreens * sizeof *greens);
    jitcell *cell;
    HASH_FIND(hh, JS.cells, key, keysize, cell);
    if (!cell && create) {
        cell = mt_alloc(sizeof *cell + keysize);
        memcpy(cell->key, key, keysize);
        HASH_ADD(hh, JS.cells, key, keysize, cell);
    }
    return cell;
}

/* The cell a counter slot last led to: a hot key's cell without hashing
 * (every call of a function with an entry trace looks it up). */
static jitcell *slot_cells[1u << MT_COUNTER_BITS];

static bool cell_is(const jitcell *cell, const mt_jitdriver *d, const int64_t *greens)
{
    if (cell->key[0] != (int64_t)(intptr_t)d)
        return false;
    for (uint32_t i = 0; i < d->ngreens; i++)
        if (cell->key[1 + i] != greens[i])
            return false;
    return true;
}

static jitcell *cell_at(const mt_jitdriver *d, uint32_t slot, const int64_t *greens)
{
    jitcell *cell = slot_cells[slot];
    if (cell && cell_is(cell, d, greens))
        return cell;
    return slot_cells[slot] = cell_find(d, greens, true);
}

mt_jittrace *mt_jit_trace_at(const mt_jitdriver *d, const int64_t *greens)
{
    jitcell *cell = cell_find(d, greens, false);
    return cell ? cell->trace : NULL;
}

bool mt_jit_blacklisted(const mt_jitdriver *d, const int64_t *greens)
{
    jitcell *cell = cell_find(d, greens, false);
    return cell && cell->blacklisted;
}

mt_jittrace *mt_jit_trace(uint32_t id) { return JS.traces[id - 1]; }

void **mt_jit_key_code(const mt_jittrace *loop) { return &loop->cell->code; }

mt_jittrace *mt_jit_jump_target(uint32_t id)
{
    mt_jittrace *t = JS.traces[id - 1];
    return t->invalid && t->cell && t->cell->trace ? t->cell->trace : t;
}

const mt_jittrace *volatile mt_jit_forced_trace;
volatile uint32_t mt_jit_forced_snap;
static bool test_api_used; /* tests may force failures of what compiles from now on */

bool mt_jit_failures_may_be_forced(void) { return test_api_used; }

bool mt_jit_fail_guard(const mt_jittrace *t, uint32_t snap)
{
    if (JS.forced_left && t == JS.forced_trace && snap == JS.forced_snap) {
        if (!--JS.forced_left)
            mt_jit_forced_trace = NULL;
        return true;
    }
    uint64_t n = mt_jit_options()->fail_guards;
    return n && ++JS.guard_checks % n == 0;
}

void mt_jit_force_guard_failure(const mt_jittrace *t, uint32_t snap, uint32_t times)
{
    test_api_used = true;
    JS.forced_trace = t;
    JS.forced_snap = snap;
    JS.forced_left = times;
    mt_jit_forced_trace = times ? t : NULL;
    mt_jit_forced_snap = snap;
}

void mt_jit_reset(void)
{
    JS.cells = NULL;
    memset(slot_cells, 0, sizeof slot_cells);
    JS.ntraces = 0;
    JS.counters_ready = false;
    JS.guard_checks = 0;
    memset(mt_counters, 0, sizeof mt_counters);
}

/* ---- backends ------------------------------------------------------------ */

static const mt_backend *backend(void)
{
#ifdef MT_HAVE_GCCJIT
    if (mt_jit_options()->backend == MT_BACKEND_NATIVE)
        return &mt_backend_native;
#endif
    return &mt_backend_ref;
}

void mt_jit_prepare(void)
{
    if (mt_jit_options()->enabled && backend()->prepare)
        backend()->prepare();
}

/* The native backend cannot work here (libgccjit failed): say so once and
 * go on interpreting, which is faster than the reference backend.  Code
 * already running finishes normally; nothing enters compiled code again. */
static void fall_back(const char *why)
{
    if (!mt_jit_options()->enabled)
        return;
    mt_jit_options()->enabled = false;
    fprintf(stderr, "%s: warning: native backend: %s; running without the JIT\n", mt_progname(), why);
}

/* ---- quasi-immutable cells --------------------------------------------- */

/* A trace whose assumptions broke: unlinked, so nothing enters it from the
 * interpreter or a guard again; traces that jump to it meet its
 * guard_not_invalidated at the start, and code running in it its next one. */
static void invalidate(mt_jittrace *t)
{
    if (t->invalid)
        return;
    t->invalid = true;
    mt_jit_stats()->invalidations++;
    mt_log(MT_LOG_JIT_ABORT, "jit-abort: T%u invalidated: a quasi-immutable value it assumed changed\n",
           t->id);
    if (t->parent) {
        mt_guard *g = &t->parent->guards[t->parent_snap];
        if (g->bridge == t) {
            g->bridge = NULL;
            g->failures = 0;
            if (backend()->unlink)
                backend()->unlink(t);
        }
    } else if (t->cell && t->cell->trace == t) {
        t->cell->trace = NULL;
        /* warm up again before re-recording */
        mt_counters[slot_of(t->driver, t->cell->key + 1)] = counter_start();
    }
}

void mt_quasi_write(mt_quasi *q, int64_t value)
{
    if (q->value == value)
        return;
    q->value = value;
    if (q->changes < UINT32_MAX)
        q->changes++;
    for (uint32_t i = 0; i < q->ndeps; i++)
        invalidate(q->deps[i]);
    q->ndeps = 0;
}

void mt_quasi_write_ptr(mt_quasi *q, void *value) { mt_quasi_write(q, (int64_t)(intptr_t)value); }

/* Did a cell the trace assumed change while it was being recorded (the
 * recording itself may have written it)? */
static bool stale(const mt_jittrace *t)
{
    for (uint32_t i = 0; i < t->ir.nquasi; i++)
        if (t->ir.quasi[i].cell->value != t->ir.quasi[i].value)
            return true;
    return false;
}

/* Register a compiled trace with the cells it assumes. */
static void depend(mt_jittrace *t)
{
    for (uint32_t i = 0; i < t->ir.nquasi; i++) {
        mt_quasi *q = t->ir.quasi[i].cell;
        uint32_t n = 0; /* drop the dead while here */
        for (uint32_t j = 0; j < q->ndeps; j++)
            if (!q->deps[j]->invalid)
                q->deps[n++] = q->deps[j];
        q->ndeps = n;
        MT_RESERVE(q->deps, q->maxdeps, q->ndeps + 1);
        q->deps[q->ndeps++] = t;
    }
}

/* A recording that is out of date before it runs: given up, but not held
 * against the key (the cell's change count bounds how often it happens). */
static bool give_up_if_stale(const mt_jittrace *t, const char *what)
{
    if (!stale(t))
        return false;
    mt_jit_stats()->aborts++;
    mt_log(MT_LOG_JIT_ABORT, "jit-abort: %s: a quasi-immutable value changed while it was recorded\n",
           what);
    return true;
}

/* ---- compiling ------------------------------------------------------------- */

static void log_key(unsigned category, const mt_jitdriver *d, const int64_t *greens)
{
    mt_log(category, "%s(", d->name);
    for (uint32_t i = 0; i < d->ngreens; i++)
        mt_log(category, "%s%lld", i ? " " : "", (long long)greens[i]);
    mt_log(category, ")");
}

static void log_trace(const mt_jittrace *t, const char *stage)
{
    if (!mt_log_enabled(MT_LOG_JIT_IR))
        return;
    if (t->parent)
        mt_log(MT_LOG_JIT_IR, "# bridge T%u from T%u guard %u, %s:\n", t->id, t->parent->id,
               t->parent_snap, stage);
    else
        mt_log(MT_LOG_JIT_IR, "# %s T%u, %s:\n", t->function ? "function entry" : "loop", t->id,
               stage);
    mt_ir_print(&t->ir, mt_log_stream());
}

static mt_compile_status backend_compile(mt_jittrace *t, bool sync)
{
    char err[256];
    mt_compile_status status = backend()->compile(t, sync, err, sizeof err);
    if (status == MT_COMPILE_BROKEN)
        fall_back(err);
    if (status == MT_COMPILE_REJECTED) {
        mt_log(MT_LOG_JIT_ABORT, "jit-abort: T%u: backend: %s\n", t->id, err);
        mt_jit_stats()->aborts++;
    }
    return status;
}

/* Tests record loops that must run at once. */
static bool force_sync;

/* Number the trace, check it and hand it to the backend.  A trace that
 * fails verification is a framework bug: stop rather than run it. */
static mt_compile_status compile(mt_jittrace *t)
{
    mt_pause start = mt_pause_begin();
    MT_RESERVE(JS.traces, JS.maxtraces, JS.ntraces + 1);
    t->id = JS.ntraces + 1;
    log_trace(t, "recorded");
    char err[256];
    if (!mt_ir_verify(&t->ir, err, sizeof err))
        mt_die(70, "internal error: trace T%u does not verify: %s", t->id, err);
    mt_optimize(&t->ir);
    log_trace(t, "optimized");
    t->guards = mt_alloc((t->ir.nsnaps + 1) * sizeof *t->guards);
    mt_compile_status status = backend_compile(t, mt_jit_options()->sync || force_sync);
    if (status == MT_COMPILE_REJECTED || status == MT_COMPILE_BROKEN)
        return status;
    JS.traces[JS.ntraces++] = t;
    depend(t);
    mt_jit_stats()->compile_ms += mt_pause_end(start);
    return status;
}

/* A key's trace is compiling in the background, or no longer. */
static void set_pending(jitcell *cell, const mt_jittrace *t, bool pending)
{
    if (cell->pending == pending)
        return;
    cell->pending = pending;
    if (!t->function)
        JS.loops_pending += pending ? 1 : -1;
}

/* Make a compiled trace the one its key or guard enters. */
static void install(mt_jittrace *t)
{
    if (t->parent) {
        mt_guard *g = &t->parent->guards[t->parent_snap];
        g->bridge = t;
        g->pending = false;
        mt_jit_stats()->bridges++;
    } else {
        t->cell->trace = t;
        set_pending(t->cell, t, false);
        mt_jit_stats()->loops++;
    }
    if (backend()->link)
        backend()->link(t);
}

/* Whether t is its key's trace or its guard's bridge. */
static bool installed(const mt_jittrace *t)
{
    return t->parent ? t->parent->guards[t->parent_snap].bridge == t : t->cell && t->cell->trace == t;
}

/* A background compile that ended: install its trace, unless a value it
 * assumed changed meanwhile (it is re-recorded when hot again).  A trace
 * installed already was being recompiled (the native backend's gcc tier):
 * if that failed, it stays as it is — nothing enters compiled code again,
 * and what runs finishes normally. */
static void install_finished_one(mt_jittrace *t, mt_compile_status status, const char *err)
{
    if (status == MT_COMPILE_BROKEN)
        fall_back(err);
    if (installed(t))
        return;
    if (status == MT_COMPILE_READY && !t->invalid && !stale(t)) {
        install(t);
        return;
    }
    t->invalid = true;
    if (t->parent)
        t->parent->guards[t->parent_snap].pending = false;
    else
        set_pending(t->cell, t, false);
}

/* At a merge point: install what the background compiles finished, and
 * let the backend free code that can no longer be entered (the backend
 * counts that pause itself: most safe points have nothing to do). */
static void safe_point(void)
{
    const mt_backend *b = backend();
    mt_compile_status status;
    char err[256];
    mt_jittrace *t = b->finished ? b->finished(&status, err, sizeof err) : NULL;
    if (t) {
        mt_pause start = mt_pause_begin();
        for (; t; t = b->finished(&status, err, sizeof err))
            install_finished_one(t, status, err);
        mt_pause_end(start);
    }
    if (b->collect)
        b->collect();
}

static mt_jittrace *new_trace(const mt_jitdriver *d)
{
    mt_jittrace *t = mt_alloc(sizeof *t);
    t->driver = d;
    return t;
}

/* An abort that is another loop's fault (the trace ran too long through
 * it, or it went round inside the trace, having no code yet): make that
 * loop hot, and count the abort against the key at a third of the weight
 * — or not at all while that loop's code is being compiled, which is soon
 * there for this loop to jump to. */
static void note_abort(const mt_jitdriver *d, const char *what, const mt_rec_result *rec,
                       uint32_t *aborts)
{
    const int64_t *other = rec->blame;
    jitcell *blamed = other ? cell_find(d, other, false) : NULL;
    bool compiling = blamed && blamed->pending;
    mt_jit_stats()->aborts++;
    if (mt_log_enabled(MT_LOG_JIT_ABORT)) {
        mt_log(MT_LOG_JIT_ABORT, "jit-abort: %s: %s", what, rec->reason);
        if (other) {
            mt_log(MT_LOG_JIT_ABORT, " (the loop at ");
            log_key(MT_LOG_JIT_ABORT, d, other);
            mt_log(MT_LOG_JIT_ABORT, compiling ? ", being compiled)" : ", made hot)");
        }
        mt_log(MT_LOG_JIT_ABORT, "\n");
    }
    if (compiling) {
        return;
    } else if (other) {
        mt_counters[slot_of(d, other)] = 0;
        *aborts += 1;
    } else {
        *aborts += MT_ABORT_WEIGHT;
    }
}

/* ---- running and deopt ----------------------------------------------------- */

/* Deopt's side of the virtual list, by the snapshot's plan: each sunk
 * NEW allocated, each store into one (or delayed, into an object that
 * exists) replayed in trace order, then the exit values that name a
 * virtual object pointed at what it became. */
void mt_jit_materialize(const mt_trace *ir, const mt_snapshot *s, int64_t *values)
{
    if (!s->nvirt)
        return;
    if (s->plan == MT_NO_PLAN)
        mt_die(70, "internal error: a snapshot with a virtual list has no deopt plan");
    uint32_t n = s->nvirt;
    const mt_ref *virt = ir->pool + s->virt, *object_at = ir->pool + s->plan, *value_at = object_at + n;
    const mt_ref *fix = value_at + n;
    int64_t *stored = values + s->nreds + s->nreplay;
    void *objects[n];
    for (uint32_t i = 0; i < n; i++) {
        const mt_ins *ins = &ir->ins[virt[i]];
        if (ins->op == MT_IR_NEW) {
            objects[i] = mt_alloc((size_t)ins->aux);
            continue;
        }
        if (!(ins->flags & MT_INSF_SUNK)) { /* an object a pending store writes into */
            objects[i] = (void *)(intptr_t)stored[i];
            continue;
        }
        /* NEWs come before the stores into them and of them. */
        char *obj = objects[object_at[i]];
        int64_t value = value_at[i] != MT_NO_PLAN ? (int64_t)(intptr_t)objects[value_at[i]] : stored[i];
        if (ins->op == MT_IR_STORE_U8)
            obj[ir->ins[ins->b].aux] = (char)value;
        else
            memcpy(obj + ins->aux, &value, sizeof value);
    }
    for (uint32_t k = 0; k < s->nfix; k++)
        values[fix[2 * k]] = (int64_t)(intptr_t)objects[fix[2 * k + 1]];
}

/* The state a guard's snapshot describes: its instruction's greens, and
 * the reds among the exit values. */
static void snapshot_state(const mt_trace *ir, const mt_snapshot *s, const int64_t *values,
                           int64_t *greens, int64_t *reds)
{
    memcpy(greens, ir->words + s->greens, s->ngreens * sizeof *greens);
    memcpy(reds, values, s->nreds * sizeof *reds);
}

/* Finish the interrupted instruction in resume mode.  A failed guard is a
 * step itself, which resume mode redoes: it must go past the replay list.
 * A guard_not_invalidated is not a step: the instruction may end there. */
static void resume(const mt_jitdriver *d, int64_t *greens, int64_t *reds, const int64_t *replay,
                   uint32_t nreplay, bool guard_is_step)
{
    mt_replay_cursor outer = mt_replay; /* resume mode may re-enter the VM */
    mt_replay = (mt_replay_cursor){replay, nreplay, 0};
    d->resume(greens, reds);
    uint32_t used = mt_replay.next;
    mt_replay = outer;
    if (used < nreplay + guard_is_step)
        mt_die(70, "internal error: %s: resume mode replayed %u steps of %u "
                   "(its operations disagree with trace mode's)", d->name, used, nreplay);
}

static mt_jittrace *record_bridge(mt_jittrace *parent, uint32_t snap, const int64_t *values,
                                  int64_t *greens, int64_t *reds);

/* Run compiled code from the loop `t` (at the state) until a guard fails
 * to the interpreter, then deopt: the state ends at an instruction start. */
static void run(mt_jittrace *t, int64_t *greens, int64_t *reds)
{
    const mt_jitdriver *d = t->driver;
    const mt_options *o = mt_jit_options();
    for (;;) {
        mt_exit exit;
        backend()->run(t, reds, &exit);
        mt_jittrace *from = exit.trace;
        const mt_snapshot *s = &from->ir.snaps[exit.snap];
        mt_guard *g = &from->guards[exit.snap];
        uint32_t n = s->nreds + s->nreplay;
        int64_t values[n + 1];
        memcpy(values, exit.values, n * sizeof *values);
        snapshot_state(&from->ir, s, values, greens, reds);
        mt_irop op = (mt_irop)from->ir.ins[exit.guard].op;
        if (op != MT_IR_EXIT) /* a trace's planned end is no failure */
            mt_jit_stats()->guard_failures++;
        bool invalidated = op == MT_IR_GUARD_NOT_INVALIDATED;
        bool boundary = op == MT_IR_EXIT || (invalidated && !s->nreplay);
        mt_log(MT_LOG_JIT_EXIT, "jit-exit: T%u %%%u %s snapshot %u%s\n", from->id, exit.guard,
               mt_irinfo_table[op].name, exit.snap, exit.forced ? " (injected)" : "");
        /* Injected failures exercise deopt but do not make bridges: the
         * path they leave by is the one the trace already covers.  Nor do
         * invalidated traces: they are not entered again.  Nor does a
         * trace's end where it returned out of the function it was
         * entered in: compiled code entered in a function never runs past
         * that function's return (a call made from compiled code relies on
         * it to know when the callee is done). */
        if (!exit.forced && !invalidated && s->depth >= 0 && ++g->failures >= o->bridge_threshold &&
            !g->bridge && !g->pending && g->aborts < MT_MAX_ABORTS) {
            t = record_bridge(from, exit.snap, values, greens, reds);
            if (t)
                continue;
            return;
        }
        if (!boundary) /* at an instruction start already otherwise */
            resume(d, greens, reds, values + s->nreds, s->nreplay, !invalidated);
        return;
    }
}

static mt_jittrace *record_bridge(mt_jittrace *parent, uint32_t snap, const int64_t *values,
                                  int64_t *greens, int64_t *reds)
{
    const mt_jitdriver *d = parent->driver;
    const mt_snapshot *s = &parent->ir.snaps[snap];
    mt_jittrace *b = new_trace(d);
    b->parent = parent;
    b->parent_snap = snap;
    mt_recorder_begin_bridge(d, &b->ir, &parent->ir, s, values);
    d->trace(greens, reds);
    mt_rec_result rec = mt_recorder_end();
    if (rec.closed) {
        if (give_up_if_stale(b, "bridge"))
            return NULL;
        switch (compile(b)) {
        case MT_COMPILE_READY:
            install(b);
            return rec.target ? mt_jit_jump_target(rec.target) : NULL; /* NULL: ended by an EXIT */
        case MT_COMPILE_PENDING: /* meanwhile the interpreter goes on from where recording ended */
            parent->guards[snap].pending = true;
            return NULL;
        default:
            parent->guards[snap].aborts = MT_MAX_ABORTS; /* the backend cannot take it */
            return NULL;
        }
    }
    note_abort(d, "bridge", &rec, &parent->guards[snap].aborts);
    if (rec.in_first_instruction) { /* stopped inside the resumed instruction: redo the deopt */
        snapshot_state(&parent->ir, s, values, greens, reds);
        resume(d, greens, reds, values + s->nreds, s->nreplay, true);
    }
    return NULL;
}

/* Record a loop from its header, or a function's entry trace from its
 * entry; returns the trace to run from where recording stopped, if any. */
static mt_jittrace *record(const mt_jitdriver *d, jitcell *cell, int64_t *greens, int64_t *reds,
                           bool function)
{
    mt_jittrace *t = new_trace(d);
    t->cell = cell;
    t->function = function;
    if (function)
        mt_recorder_begin_entry(d, &t->ir, greens);
    else
        mt_recorder_begin_loop(d, &t->ir, greens);
    d->trace(greens, reds);
    mt_rec_result rec = mt_recorder_end();
    const char *what = function ? "function entry" : "loop";
    if (rec.closed) {
        if (give_up_if_stale(t, what))
            return NULL;
        switch (compile(t)) {
        case MT_COMPILE_READY:
            install(t);
            if (rec.exited) /* the state is past the trace's end already */
                return NULL;
            return rec.target ? mt_jit_jump_target(rec.target) : t;
        case MT_COMPILE_PENDING:
            set_pending(cell, t, true);
            return NULL;
        default:
            cell->blacklisted = true;
            return NULL;
        }
    }
    note_abort(d, what, &rec, &cell->aborts);
    if (cell->aborts >= MT_MAX_ABORTS)
        cell->blacklisted = true;
    return NULL;
}

void mt_jit_run(mt_jittrace *t, int64_t *greens, int64_t *reds) { run(t, greens, reds); }

mt_jittrace *mt_jit_record_loop(const mt_jitdriver *d, int64_t *greens, int64_t *reds)
{
    jitcell *cell = cell_find(d, greens, true);
    test_api_used = true;
    force_sync = true;
    mt_jittrace *t = record(d, cell, greens, reds, false);
    force_sync = false;
    return t ? cell->trace : NULL;
}

/* ---- calls compiled code makes ---------------------------------------------- */

int64_t mt_call_result[MT_MAX_STATE];

/* Calls made from compiled code nest on the C stack (the callee's
 * interpreter may run compiled code that calls again): past this depth
 * the interpreter runs without compiled code, which nests no further. */
enum { MT_MAX_CALL_NESTING = 100 };

void mt_jit_call_function(const mt_jitdriver *d, const int64_t *greens, const int64_t *reds)
{
    int64_t g[MT_MAX_STATE], r[MT_MAX_STATE];
    memcpy(g, greens, d->ngreens * sizeof *g);
    memcpy(r, reds, d->nreds * sizeof *r);
    JS.call_nesting++;
    d->call(g, r);
    JS.call_nesting--;
    memcpy(mt_call_result, g, d->ngreens * sizeof *g);
    memcpy(mt_call_result + d->ngreens, r, d->nreds * sizeof *r);
}

int64_t mt_call_function(int64_t driver, int64_t greens, int64_t red0, int64_t red1, int64_t red2,
                         int64_t red3)
{
    const int64_t reds[MT_MAX_CALL_REDS] = {red0, red1, red2, red3};
    mt_jit_call_function((const mt_jitdriver *)(intptr_t)driver, (const int64_t *)(intptr_t)greens,
                         reds);
    return 0;
}

/* Resume mode's side of a call compiled code made (mt_record_enter_function
 * lists its steps): each word of the state after it is a load, from the
 * replay list while there is one; a green's load is followed by its
 * constant and guard, a red's by its guard. */
static int64_t replay_or(int64_t value)
{
    uint32_t i = mt_replay.next++;
    return i < mt_replay.count ? mt_replay.values[i] : value;
}

void mt_resume_function_return(const mt_jitdriver *d, int64_t *greens, int64_t *reds)
{
    for (uint32_t i = 0; i < d->ngreens; i++) {
        greens[i] = replay_or(mt_call_result[i]);
        mt_replay.next += 2;
    }
    for (uint32_t k = 0; k < d->nreds; k++) {
        reds[k] = replay_or(mt_call_result[d->ngreens + k]);
        mt_replay.next += 1;
    }
}

/* ---- hot keys --------------------------------------------------------------- */

static bool hot(const mt_jitdriver *d, uint32_t slot, int64_t *greens, int64_t *reds, bool function)
{
    const mt_options *o = mt_jit_options();
    if (!o->enabled) {
        mt_counters[slot] = INT32_MAX;
        return false;
    }
    if (!JS.counters_ready) {
        /* Counters start at zero so the first tick lands here. */
        JS.counters_ready = true;
        int32_t start = counter_start();
        for (size_t i = 0; i < sizeof mt_counters / sizeof mt_counters[0]; i++)
            mt_counters[i] = start;
        if (start > 0) {
            mt_counters[slot] = start - 1;
            return false;
        }
    }
    /* A residual call re-entered the VM while recording, or calls from
     * compiled code nest too deep: interpret. */
    if (mt_recorder_active() || JS.call_nesting > MT_MAX_CALL_NESTING) {
        mt_counters[slot] = counter_start();
        return false;
    }
    safe_point();
    if (!o->enabled) /* the safe point found the native backend broken */
        return false;
    jitcell *cell = cell_at(d, slot, greens);
    if (cell->trace) {
        mt_counters[slot] = 0; /* come back every time */
        run(cell->trace, greens, reds);
        return true;
    }
    if (cell->pending) { /* come back soon to install it */
        mt_counters[slot] = 0;
        return false;
    }
    /* A function entry waits longer than a loop: a loop that calls it,
     * hot first, takes the call into its trace and the entry needs no
     * trace of its own. */
    uint64_t calls = o->function_threshold ? o->function_threshold : o->threshold + o->threshold * 3 / 5;
    if (function && !cell->warm && calls > o->threshold) {
        cell->warm = true;
        uint64_t more = calls - o->threshold - 1;
        mt_counters[slot] = more > INT32_MAX ? INT32_MAX : (int32_t)more;
        return false;
    }
    mt_counters[slot] = counter_start();
    /* Nor is an entry recorded while a loop compiles: that loop's calls
     * tick the counters until its code is in, and then they stop. */
    if (cell->blacklisted || (function && JS.loops_pending))
        return false;
    mt_jittrace *t = record(d, cell, greens, reds, function);
    if (t)
        run(t, greens, reds);
    return true;
}

bool mt_hot(const mt_jitdriver *d, uint32_t slot, int64_t *greens, int64_t *reds)
{
    return hot(d, slot, greens, reds, false);
}

bool mt_hot_function(const mt_jitdriver *d, uint32_t slot, int64_t *greens, int64_t *reds)
{
    return hot(d, slot, greens, reds, true);
}
