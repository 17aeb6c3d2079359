/* mt.h — the one header an interpreter author includes.
 *
 * It has two halves: the runtime API (start-up, JIT options, logging,
 * allocation) and the red-value operations that handler code is written in.
 * Handler source is compiled once per mode; this header gives the operations
 * their meaning for the mode the including file selects (see docs/api.md).
 */
#ifndef MT_H
#define MT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- start-up ------------------------------------------------------------ */

/* Initialise the framework for a VM called `progname` (used as the prefix of
 * every message the framework prints).  Reads MTJIT and MTLOG from the
 * environment; a malformed value is reported and the process exits with
 * status 2.  Call once, first thing in main(). */
void mt_init(const char *progname);
const char *mt_progname(void);

/* The command line of a VM that runs one program file:
 *   progname [--jit OPTIONS] PROGRAM
 * plus -h/--help and --version.  `usage` is the first lines of the help
 * (the framework adds the common options).  Returns PROGRAM; exits 0 after
 * help or version, 2 on a bad command line. */
const char *mt_program_arg(int argc, char **argv, const char *usage);
/* Flush stdout; on a write error print it and exit 1. */
void mt_flush_stdout(void);

/* Print "progname: message" on stderr and exit with `status`. */
void mt_die(int status, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 2, 3)));

/* ---- JIT options: `--jit SPEC` on the command line, MTJIT=SPEC in the env - */

typedef enum { MT_BACKEND_NATIVE, MT_BACKEND_REF } mt_backend_kind;

typedef struct mt_options {
    bool enabled;              /* off: never count, never trace */
    uint32_t threshold;        /* loop iterations before tracing starts */
    uint64_t function_threshold; /* calls before a function's entry is traced; 0: 1.6 x threshold */
    uint32_t bridge_threshold; /* guard failures before a bridge is traced */
    uint32_t trace_limit;      /* recorded ops before a trace is aborted */
    bool inline_calls;         /* trace through interpreter-level calls */
    uint32_t inline_depth;     /* ... at most this many deep */
    mt_backend_kind backend;
    bool sync;                 /* compile on the main thread */
    uint64_t fail_guards;      /* 0, or fail every Nth guard check (stress) */
    bool optimize;             /* run the trace optimizer */
    uint64_t gcc_after;        /* native: instructions of quick code before gcc recompiles a
                                  trace; 0: gcc from the start */
} mt_options;

typedef enum { MT_OPT_OK, MT_OPT_HELP, MT_OPT_ERROR } mt_opt_result;

/* The defaults (also what `--jit help` documents). */
void mt_options_default(mt_options *opts);
/* Apply a comma-separated SPEC (e.g. "threshold=1,fail_guards=7", "off",
 * "help") on top of *opts.  On MT_OPT_ERROR, *opts is unchanged and `err`
 * holds a one-line reason. */
mt_opt_result mt_options_parse(mt_options *opts, const char *spec,
                               char *err, size_t errsize);
void mt_options_help(FILE *out);
/* The options in force for this process. */
mt_options *mt_jit_options(void);
/* Handle a `--jit SPEC` flag the usual way: apply it, or print the help and
 * exit 0, or print "progname: --jit: reason" and exit 2. */
void mt_jit_flag(const char *spec);
/* The options are final (the command line has been read): the JIT gets
 * ready now rather than in its first compile's pause — the native backend
 * opens libgccjit.  Optional; with the JIT off it does nothing (and
 * libgccjit is never loaded). */
void mt_jit_prepare(void);

/* ---- logging: MTLOG=category[,category...][:file] ------------------------ */

enum {
    MT_LOG_JIT_SUMMARY = 1u << 0, /* one stable line at exit */
    MT_LOG_JIT_IR = 1u << 1,      /* each trace before/after optimization */
    MT_LOG_JIT_ABORT = 1u << 2,   /* why a trace was abandoned */
    MT_LOG_JIT_TIMING = 1u << 3,  /* compile latencies and JIT pauses, at exit */
    MT_LOG_JIT_EXIT = 1u << 4,    /* each exit from compiled code (a debugging aid) */
};

/* Parse an MTLOG value into a category mask and an optional file name
 * (empty when logging goes to stderr).  Returns false with `err` set on an
 * unknown category. */
bool mt_log_parse(const char *spec, unsigned *categories, char *file,
                  size_t filesize, char *err, size_t errsize);
bool mt_log_enabled(unsigned category);
void mt_log(unsigned category, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Counters behind the `jit-summary` line. */
typedef struct mt_stats {
    uint64_t loops, bridges, aborts, guard_failures;
    double compile_ms;
    uint64_t invalidations; /* not in the summary line (its format is fixed) */
    /* The `jit-timing` line: each trace's compile latency (request to
     * runnable code), and the longest the main thread was held up by the
     * JIT at once (optimizing, lowering, installing, releasing; not
     * recording), in wall time and in the thread's CPU time. */
    double *compile_latencies;
    uint32_t ncompile_latencies, maxcompile_latencies;
    /* ... and of gcc's code for traces that ran as quick code first */
    double *upgrade_latencies;
    uint32_t nupgrade_latencies, maxupgrade_latencies;
    double max_pause_ms, max_pause_cpu_ms;
} mt_stats;
mt_stats *mt_jit_stats(void);
/* Write "jit-summary: loops=N bridges=N aborts=N guard_failures=N
 * compile_ms=X" (the format tests and benchmarks parse). */
void mt_stats_print_summary(const mt_stats *stats, FILE *out);
void mt_stats_note_compile_latency(double ms);
void mt_stats_note_upgrade_latency(double ms);
/* Write "jit-timing: traces=N compile_ms_median=X compile_ms_max=X
 * max_pause_ms=X max_pause_cpu_ms=X upgrades=N upgrade_ms_median=X
 * upgrade_ms_max=X". */
void mt_stats_print_timing(const mt_stats *stats, FILE *out);

/* ---- allocation (Boehm GC behind a narrow interface) --------------------- */

void *mt_alloc(size_t size);        /* zeroed, may hold pointers */
void *mt_alloc_atomic(size_t size); /* not zeroed, holds no pointers */
void *mt_realloc(void *block, size_t size);
char *mt_strdup(const char *s);
/* mt_alloc, mt_alloc_atomic and mt_realloc, but NULL when the memory
 * cannot be had (the OOM handler does not run): for requests whose
 * failure the VM reports itself, as mtpy raises MemoryError when a list's
 * storage cannot be had. */
void *mt_try_alloc(size_t size);
void *mt_try_alloc_atomic(size_t size);
void *mt_try_realloc(void *block, size_t size);
/* Give a block back at once, without waiting for a collection; nothing
 * may point to it any more. */
void mt_free(void *block);
/* How many collections have run so far. */
uint64_t mt_collection_count(void);
/* Read all of `f` into a collected, NUL-terminated buffer; *size excludes
 * the NUL.  NULL (errno set) on a read error. */
char *mt_read_stream(FILE *f, size_t *size);
/* The same for the file at `path`; on failure prints "progname: cannot
 * open 'path': reason" (or "cannot read") and exits 2. */
char *mt_read_file(const char *path, size_t *size);
/* Called when an allocation of `size` bytes fails; the default prints
 * "progname: out of memory" and exits 1.  A VM that raises MemoryError
 * installs its own.  The handler either does not return, or returns
 * having freed memory: the allocation is then tried once more, and if it
 * fails again the process ends with the default message. */
void mt_set_oom_handler(void (*handler)(size_t size));

/* ---- native backend ------------------------------------------------------ */

/* "libgccjit MAJOR.MINOR.PATCH", or a note that the native backend was not
 * built (configure --disable-native-jit). */
const char *mt_native_backend_version(void);

/* ---- red values, greens, and the three instantiations --------------------
 *
 * Handler code manipulates run-time ("red") values only through the MT_*
 * operations below.  A file selects its mode before including mt.h:
 *   (nothing)             interp mode: plain C, exactly what a hand-written
 *                         interpreter would do, plus a counter tick on
 *                         backward jumps
 *   #define MT_MODE_TRACE  trace mode: red values are {value, IR ref} boxes;
 *                         every operation computes its result and records it
 *   #define MT_MODE_RESUME resume mode: plain values; finishes one
 *                         instruction after a guard failed in its middle,
 *                         taking the results of the operations the compiled
 *                         code had already done from the guard's resume data
 * Green values (the program, the pc, anything computed from them alone) are
 * plain C in every mode.  Outside handlers use int64_t / void *, never the
 * mode types.
 *
 * Every operation is one step of the instruction's replay list (two for
 * MT_IN_RANGE and the promotes): trace mode records the steps, resume mode
 * walks them.  The step counts below must agree between the modes.
 *
 * Each operand of an operation is evaluated exactly once in every mode,
 * also when resume mode takes the operation's result from the replay list
 * (`GET(ST(k++))` is safe); the function of an MT_CALL_* is not an operand
 * and must be a plain name.
 */

#include "mt_ir.h"

/* Effect summary of a call the tracer does not look inside. */
enum {
    MT_EFFECT_NONE = 0,
    MT_EFFECT_READS_HEAP = 1u << 0,
    MT_EFFECT_WRITES_HEAP = 1u << 1,
    MT_EFFECT_IO = 1u << 2,
    MT_EFFECT_CAN_RAISE = 1u << 3,
    /* The result depends on the arguments alone (memory the program never
     * changes may be read) and the call does nothing the program could
     * notice, except raise with CAN_RAISE.  The optimizer may run it at
     * compile time when every argument is constant, share the result of
     * calls with equal arguments, and drop a call whose result is unused.
     * Cannot be combined with WRITES_HEAP or IO. */
    MT_EFFECT_ELIDABLE = 1u << 4,
    /* A second call with the same arguments, when nothing wrote memory
     * since the first, returns the same result and changes nothing more
     * (a lookup that fills a cache, interning).  The optimizer reuses the
     * first call's result. */
    MT_EFFECT_IDEMPOTENT = 1u << 5,
    /* The call may run interpreted code (a callback into the VM, a call of
     * an interpreted function): it may then do anything, and includes
     * every effect above but the two promises. */
    MT__EFFECT_REENTERS_BIT = 1u << 6,
    MT_EFFECT_REENTERS = MT__EFFECT_REENTERS_BIT | MT_EFFECT_READS_HEAP | MT_EFFECT_WRITES_HEAP |
                         MT_EFFECT_IO | MT_EFFECT_CAN_RAISE,
};

/* The JIT driver of one interpreter loop.  Greens and reds are declared
 * once, as X-macros naming the loop's variables:
 *     #define BF_GREENS(G) G(code) G(pc) G(tape)
 *     #define BF_REDS(R)   R(PTR, cells) R(INT, pos) R(INT, length)
 * Greens are plain C scalars or pointers; reds are mt_int (INT) or mt_ptr
 * (PTR).  The framework moves the state between the instantiations as
 * arrays of words in declaration order. */
typedef struct mt_jitdriver {
    const char *name;
    uint32_t ngreens, nreds;
    const uint8_t *red_types; /* mt_irtype of each red */
    /* Trace mode: run from the state until the recorder says stop (the
     * loop closed or the trace was aborted); the state is updated to the
     * start of the instruction where it stopped. */
    void (*trace)(int64_t *greens, int64_t *reds);
    /* Resume mode: run the instruction at the state to its end, taking the
     * first steps from the replay cursor; the state is updated. */
    void (*resume)(int64_t *greens, int64_t *reds);
    /* Interp mode, for a call compiled code does not trace through: run
     * from a function's entry (the state, as MT_ENTER_FUNCTION saw it)
     * until that function has returned, and leave the state at the
     * caller's continuation.  NULL: calls are always traced through. */
    void (*call)(int64_t *greens, int64_t *reds);
} mt_jitdriver;

/* The most words of state (greens and reds) a driver may have, and of
 * reds a driver with a call function may have. */
enum { MT_MAX_STATE = 16, MT_MAX_CALL_REDS = 4 };

#define MT__G1(name) +1
#define MT__R1(kind, name) +1
#define MT__RTYPE(kind, name) MT_TYPE_##kind,
#define MT__GW(name) (int64_t)(uintptr_t)(name),
#define MT__GHASH(name) +(uint64_t)(uintptr_t)(name)
#define MT__GLOAD(name) name = (__typeof__(name))(uintptr_t)*p_++;
#define MT__GSAVE(name) *p_++ = (int64_t)(uintptr_t)(name);
#define MT__RLOAD(kind, name) name = mt__red_in_##kind(*p_++, i_++);
#define MT__RSAVE(kind, name) *p_++ = mt__red_word_##kind(name);

/* Define the driver `name` (declare it `extern const mt_jitdriver name`
 * where the interp loop can see it); `call_fn` may be NULL. */
#define MT_JITDRIVER(name, GREENS, REDS, trace_fn, resume_fn, call_fn)             \
    _Static_assert(0 GREENS(MT__G1) REDS(MT__R1) <= MT_MAX_STATE,                 \
                   "a driver has at most MT_MAX_STATE greens and reds");          \
    static const uint8_t name##_red_types_[] = {REDS(MT__RTYPE)};                 \
    const mt_jitdriver name = {#name, 0 GREENS(MT__G1), 0 REDS(MT__R1),           \
                               name##_red_types_, trace_fn, resume_fn, call_fn}

/* Move the loop state out of / into word arrays (trace and resume
 * functions start and end with these; in trace mode loading makes each red
 * an input of the trace). */
#define MT_LOAD_STATE(GREENS, REDS, greens, reds)                                  \
    do {                                                                           \
        const int64_t *p_ = (greens);                                              \
        uint32_t i_ = 0;                                                           \
        GREENS(MT__GLOAD)                                                          \
        p_ = (reds);                                                               \
        REDS(MT__RLOAD)                                                            \
        (void)i_;                                                                  \
    } while (0)
#define MT_SAVE_STATE(GREENS, REDS, greens, reds)                                  \
    do {                                                                           \
        int64_t *p_ = (greens);                                                    \
        GREENS(MT__GSAVE)                                                          \
        p_ = (reds);                                                               \
        REDS(MT__RSAVE)                                                            \
    } while (0)

/* The counters behind MT_CAN_ENTER_JIT in interp mode: one per hash of the
 * green key; a tick below zero calls mt_hot. */
#define MT_COUNTER_BITS 12
extern int32_t mt_counters[1u << MT_COUNTER_BITS];
/* The slow paths of a loop header and of a function entry: run compiled
 * code for the key, or trace it, or just reset the counter.  Return true
 * if they changed the state. */
bool mt_hot(const mt_jitdriver *driver, uint32_t slot, int64_t *greens, int64_t *reds);
bool mt_hot_function(const mt_jitdriver *driver, uint32_t slot, int64_t *greens, int64_t *reds);
#define MT__SLOT(GREENS) \
    ((uint32_t)(((0 GREENS(MT__GHASH)) * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - MT_COUNTER_BITS)))

/* Resume mode's cursor over the replay values (set by the framework). */
typedef struct mt_replay_cursor {
    const int64_t *values;
    uint32_t count, next;
} mt_replay_cursor;
extern mt_replay_cursor mt_replay;

/* Quasi-immutable cells: a value the program almost never changes (a
 * global, a type's version, the trace function of sys.settrace).  Traces
 * take the value they saw as a constant; writing the cell through
 * MT_QUASI_SET invalidates every trace that did, and compiled code that
 * is running leaves at its next check (after the writing call).  A cell
 * that keeps changing (MT_QUASI_MAX_CHANGES writes of a new value) is
 * read like an ordinary field from then on.  A cell lives in static or
 * collected (mt_alloc) memory; initialise it with {.value = v}, and never
 * write `value` directly once the program runs. */
typedef struct mt_quasi {
    int64_t value;
    uint32_t changes;              /* writes of a new value so far */
    uint32_t ndeps, maxdeps;
    struct mt_jittrace **deps;     /* the traces that assumed `value` */
} mt_quasi;
enum { MT_QUASI_MAX_CHANGES = 16 };
/* The writes behind MT_QUASI_SET and MT_QUASI_SET_PTR (any mode may call
 * them directly outside handler code). */
void mt_quasi_write(mt_quasi *q, int64_t value);
void mt_quasi_write_ptr(mt_quasi *q, void *value);

/* Arguments of residual calls (at most 6) are evaluated once each, left
 * to right, into a1_, a2_, ... (each may be a replay step). */
#define MT__NARGS(...) MT__NARGS_(__VA_ARGS__, 6, 5, 4, 3, 2, 1)
#define MT__NARGS_(a, b, c, d, e, f, n, ...) n
#define MT__CAT(a, b) MT__CAT_(a, b)
#define MT__CAT_(a, b) a##b
#define MT__LET1(a) __typeof__(a) a1_ = (a)
#define MT__LET2(a, b) MT__LET1(a); __typeof__(b) a2_ = (b)
#define MT__LET3(a, b, c) MT__LET2(a, b); __typeof__(c) a3_ = (c)
#define MT__LET4(a, b, c, d) MT__LET3(a, b, c); __typeof__(d) a4_ = (d)
#define MT__LET5(a, b, c, d, e) MT__LET4(a, b, c, d); __typeof__(e) a5_ = (e)
#define MT__LET6(a, b, c, d, e, f) MT__LET5(a, b, c, d, e); __typeof__(f) a6_ = (f)
#define MT__LET(...) MT__CAT(MT__LET, MT__NARGS(__VA_ARGS__))(__VA_ARGS__)

/* The count an unroll-safe loop runs for: n, or -1 outside 0..max. */
#define MT__UNROLL_COUNT(n, max) ((n) >= 0 && (n) <= (max) ? (n) : (int64_t)-1)

/* Write a quasi-immutable cell from handler code: a residual call that
 * writes the heap.  `x` is evaluated first. */
#define MT_QUASI_SET(q, x) ({ mt_int qx_ = (x); \
    MT_CALL_VOID(mt_quasi_write, MT_EFFECT_WRITES_HEAP, MT_CONST_PTR(q), qx_); })
#define MT_QUASI_SET_PTR(q, x) ({ mt_ptr qx_ = (x); \
    MT_CALL_VOID(mt_quasi_write_ptr, MT_EFFECT_WRITES_HEAP, MT_CONST_PTR(q), qx_); })

#if defined(MT_MODE_TRACE)

/* Boxes: a struct, so `pos + 1` on a red value is a compile error. */
typedef struct mt_int { int64_t v; mt_ref ref; } mt_int;
typedef struct mt_ptr { void *v; mt_ref ref; } mt_ptr;

/* The recorder (mt_record.c).  Each function is one replay step.  While a
 * bridge is recorded, the steps its parent trace had already done in the
 * instruction are not redone: mt_record_replay hands out their results
 * (true), and the others return the parent's value in place of recording. */
mt_ref mt_record_op(mt_irop op, mt_irtype type, mt_ref a, mt_ref b, mt_ref c, int64_t aux);
/* The same for a load or store with instruction flags (MT_INSF_FRAME). */
mt_ref mt_record_access(mt_irop op, mt_irtype type, mt_ref a, mt_ref b, mt_ref c, int64_t aux,
                        unsigned flags);
mt_ref mt_record_const(mt_irtype type, int64_t value);
/* A constant operand that is not a step of its own. */
mt_ref mt_record_operand(mt_irtype type, int64_t value);
void mt_record_guard(mt_irop op, mt_ref a, mt_ref b);
mt_ref mt_record_call(void *fn, const char *name, unsigned effects, mt_irtype type,
                      const mt_ref *args, uint32_t nargs);
bool mt_record_replay(int64_t *value, mt_ref *ref);
/* The ref of red number `slot` at the start of the trace. */
mt_ref mt_record_red(mt_irtype type, uint32_t slot);
/* Instruction boundaries and loop headers: false / true mean stop. */
bool mt_record_merge_point(const int64_t *greens, const mt_ref *reds, const int64_t *red_values);
bool mt_record_can_enter(const int64_t *greens, const mt_ref *reds);
/* A function entry: false to trace into the callee; true when the call was
 * made instead, with the state after it (greens, red refs and values)
 * written over the arguments. */
bool mt_record_enter_function(int64_t *greens, mt_ref *reds, int64_t *red_values);
void mt_record_leave_function(void);
/* Abandon the trace being recorded (e.g. the program ended inside it). */
void mt_trace_abort(const char *reason);

static inline mt_int mt__int(int64_t v, mt_ref ref) { return (mt_int){v, ref}; }
static inline mt_int mt__red_in_INT(int64_t w, uint32_t slot) { return mt__int(w, mt_record_red(MT_TYPE_INT, slot)); }
static inline mt_ptr mt__red_in_PTR(int64_t w, uint32_t slot)
{
    return (mt_ptr){(void *)(intptr_t)w, mt_record_red(MT_TYPE_PTR, slot)};
}
static inline int64_t mt__red_word_INT(mt_int x) { return x.v; }
static inline int64_t mt__red_word_PTR(mt_ptr x) { return (int64_t)(intptr_t)x.v; }

static inline mt_int mt__const_int(int64_t v) { return mt__int(v, mt_record_const(MT_TYPE_INT, v)); }
static inline mt_ptr mt__const_ptr(void *p)
{
    return (mt_ptr){p, mt_record_const(MT_TYPE_PTR, (int64_t)(intptr_t)p)};
}
static inline mt_int mt__binop(mt_irop op, int64_t v, mt_int a, mt_int b)
{
    return mt__int(v, mt_record_op(op, MT_TYPE_INT, a.ref, b.ref, 0, 0));
}
static inline bool mt__cond(bool taken, mt_ref cond)
{
    mt_record_guard(taken ? MT_IR_GUARD_TRUE : MT_IR_GUARD_FALSE, cond, 0);
    return taken;
}
static inline bool mt__is_zero(mt_int a) { return !mt__cond(a.v != 0, a.ref); }
static inline bool mt__in_range(mt_int a, mt_int b)
{
    bool in = (uint64_t)a.v < (uint64_t)b.v;
    return mt__cond(in, mt_record_op(MT_IR_ULT, MT_TYPE_INT, a.ref, b.ref, 0, 0));
}
static inline mt_int mt__load(mt_irop op, mt_ptr p, mt_int i, int64_t offset, unsigned flags)
{
    mt_int r;
    if (mt_record_replay(&r.v, &r.ref))
        return r;
    const char *at = (const char *)p.v + offset;
    r.v = op != MT_IR_LOAD_U8 ? *(const int64_t *)at
          : flags & MT_INSF_VOLATILE ? ((const volatile uint8_t *)at)[i.v] : ((const uint8_t *)at)[i.v];
    r.ref = mt_record_access(op, MT_TYPE_INT, p.ref, i.ref, 0, offset, flags);
    return r;
}
static inline mt_ptr mt__load_ptr(mt_ptr p, int64_t offset, unsigned flags)
{
    int64_t w;
    mt_ptr r;
    if (mt_record_replay(&w, &r.ref))
        return (mt_ptr){(void *)(intptr_t)w, r.ref};
    r.v = *(void *const *)((const char *)p.v + offset);
    r.ref = mt_record_access(MT_IR_LOAD_PTR, MT_TYPE_PTR, p.ref, 0, 0, offset, flags);
    return r;
}
static inline void mt__store(mt_irop op, mt_ptr p, mt_ref index, int64_t offset, int64_t x, mt_ref xref,
                             unsigned flags)
{
    int64_t w;
    mt_ref ref;
    if (mt_record_replay(&w, &ref))
        return;
    char *at = (char *)p.v;
    if (op == MT_IR_STORE_U8)
        ((uint8_t *)at)[offset] = (uint8_t)x;
    else
        *(int64_t *)(at + offset) = x;
    if (op == MT_IR_STORE_U8)
        (void)mt_record_access(op, MT_TYPE_VOID, p.ref, index, xref, 0, flags);
    else
        (void)mt_record_access(op, MT_TYPE_VOID, p.ref, xref, 0, offset, flags);
}
static inline mt_ptr mt__new(int64_t size)
{
    int64_t w;
    mt_ptr r;
    if (mt_record_replay(&w, &r.ref))
        return (mt_ptr){(void *)(intptr_t)w, r.ref};
    r.v = mt_alloc((size_t)size);
    r.ref = mt_record_op(MT_IR_NEW, MT_TYPE_PTR, 0, 0, 0, size);
    return r;
}
/* A promoted value is green from here on: a constant behind a guard. */
static inline int64_t mt__promote(mt_irtype type, int64_t v, mt_ref ref)
{
    mt_record_guard(MT_IR_GUARD_VALUE, ref, mt_record_const(type, v));
    return v;
}

#define MT_CONST(x) mt__const_int((int64_t)(x))
#define MT_CONST_PTR(p) mt__const_ptr((void *)(p))
#define MT_ADD(a, b) ({ mt_int a_ = (a), b_ = (b); \
    mt__binop(MT_IR_ADD, (int64_t)((uint64_t)a_.v + (uint64_t)b_.v), a_, b_); })
#define MT_SUB(a, b) ({ mt_int a_ = (a), b_ = (b); \
    mt__binop(MT_IR_SUB, (int64_t)((uint64_t)a_.v - (uint64_t)b_.v), a_, b_); })
#define MT_LOAD_U8(base, index) ({ mt_ptr p_ = (base); mt_int i_ = (index); \
    mt__load(MT_IR_LOAD_U8, p_, i_, 0, 0); })
#define MT_LOAD_VOLATILE_U8(base, index) ({ mt_ptr p_ = (base); mt_int i_ = (index); \
    mt__load(MT_IR_LOAD_U8, p_, i_, 0, MT_INSF_VOLATILE); })
#define MT_STORE_U8(base, index, value) ({ mt_ptr p_ = (base); mt_int i_ = (index), x_ = (value); \
    mt__store(MT_IR_STORE_U8, p_, i_.ref, i_.v, x_.v, x_.ref, 0); })
#define MT__STORE_INT(base, offset, value, flags) ({ mt_ptr p_ = (base); int64_t o_ = (offset); \
    mt_int x_ = (value); mt__store(MT_IR_STORE_INT, p_, 0, o_, x_.v, x_.ref, flags); })
#define MT__STORE_PTR(base, offset, value, flags) ({ mt_ptr p_ = (base); int64_t o_ = (offset); \
    mt_ptr x_ = (value); mt__store(MT_IR_STORE_PTR, p_, 0, o_, (int64_t)(intptr_t)x_.v, x_.ref, flags); })
#define MT_STORE_INT(base, offset, value) MT__STORE_INT(base, offset, value, 0)
#define MT_STORE_PTR(base, offset, value) MT__STORE_PTR(base, offset, value, 0)
#define MT_STORE_FRAME_INT(base, offset, value) MT__STORE_INT(base, offset, value, MT_INSF_FRAME)
#define MT_STORE_FRAME_PTR(base, offset, value) MT__STORE_PTR(base, offset, value, MT_INSF_FRAME)
#define MT_NEW(size) mt__new((int64_t)(size))
#define MT_MUL(a, b) ({ mt_int a_ = (a), b_ = (b); \
    mt__binop(MT_IR_MUL, (int64_t)((uint64_t)a_.v * (uint64_t)b_.v), a_, b_); })
#define MT__BINOP(op, a, b) ({ mt_int a_ = (a), b_ = (b); int64_t v_; \
    (void)mt_ir_eval(op, a_.v, b_.v, &v_); mt__binop(op, v_, a_, b_); })
#define MT_AND(a, b) MT__BINOP(MT_IR_AND, a, b)
#define MT_OR(a, b) MT__BINOP(MT_IR_OR, a, b)
#define MT_XOR(a, b) MT__BINOP(MT_IR_XOR, a, b)
#define MT_SHL(a, b) MT__BINOP(MT_IR_SHL, a, b)
#define MT_SHR(a, b) MT__BINOP(MT_IR_SHR, a, b)
#define MT_SAR(a, b) MT__BINOP(MT_IR_SAR, a, b)
#define MT_ULT(a, b) MT__BINOP(MT_IR_ULT, a, b)
#define MT_NEG(a) ({ mt_int n_ = (a); mt__binop(MT_IR_NEG, (int64_t)(0 - (uint64_t)n_.v), n_, \
    (mt_int){0, 0}); })
/* Overflow-checked arithmetic: a guard that the result fits, recorded
 * only when it did; when it did not, a placeholder step, and the handler
 * takes its other way (which must be right for every value). */
mt_ref mt_record_checked(mt_irop op, mt_ref a, mt_ref b);
static inline bool mt__checked(mt_irop op, mt_int a, mt_int b, mt_int *out)
{
    int64_t v;
    bool fits = mt_ir_eval(op, a.v, b.v, &v);
    mt_ref ref;
    int64_t w;
    if (mt_record_replay(&w, &ref)) {
        *out = mt__int(v, ref);
        return fits;
    }
    *out = mt__int(v, fits ? mt_record_checked(op, a.ref, b.ref) : mt_record_const(MT_TYPE_INT, 0));
    return fits;
}
#define MT_ADD_OV(a, b, out) ({ mt_int a_ = (a), b_ = (b); mt__checked(MT_IR_ADD_OV, a_, b_, (out)); })
#define MT_SUB_OV(a, b, out) ({ mt_int a_ = (a), b_ = (b); mt__checked(MT_IR_SUB_OV, a_, b_, (out)); })
#define MT_MUL_OV(a, b, out) ({ mt_int a_ = (a), b_ = (b); mt__checked(MT_IR_MUL_OV, a_, b_, (out)); })
/* The same word seen as the other kind of red value: no step. */
#define MT_PTR_AS_INT(p) ({ mt_ptr pa_ = (p); (mt_int){(int64_t)(intptr_t)pa_.v, pa_.ref}; })
#define MT_INT_AS_PTR(i) ({ mt_int ia_ = (i); (mt_ptr){(void *)(intptr_t)ia_.v, ia_.ref}; })
#define MT_LT(a, b) ({ mt_int a_ = (a), b_ = (b); mt__binop(MT_IR_LT, a_.v < b_.v, a_, b_); })
#define MT_LE(a, b) ({ mt_int a_ = (a), b_ = (b); mt__binop(MT_IR_LE, a_.v <= b_.v, a_, b_); })
#define MT_EQ(a, b) ({ mt_int a_ = (a), b_ = (b); mt__binop(MT_IR_EQ, a_.v == b_.v, a_, b_); })
#define MT_NE(a, b) ({ mt_int a_ = (a), b_ = (b); mt__binop(MT_IR_NE, a_.v != b_.v, a_, b_); })
#define MT_LOAD_INT(base, offset) mt__load(MT_IR_LOAD_INT, (base), (mt_int){0, 0}, (int64_t)(offset), 0)
#define MT_LOAD_PTR(base, offset) mt__load_ptr((base), (int64_t)(offset), 0)
#define MT_LOAD_FRAME_INT(base, offset) \
    mt__load(MT_IR_LOAD_INT, (base), (mt_int){0, 0}, (int64_t)(offset), MT_INSF_FRAME)
#define MT_LOAD_FRAME_PTR(base, offset) mt__load_ptr((base), (int64_t)(offset), MT_INSF_FRAME)
#define MT_IS_ZERO(a) mt__is_zero(a)
#define MT_IS_NONZERO(a) (!mt__is_zero(a))
#define MT_IN_RANGE(a, b) ({ mt_int a_ = (a), b_ = (b); mt__in_range(a_, b_); })
#define MT_PROMOTE_INT(a) ({ mt_int a_ = (a); mt__promote(MT_TYPE_INT, a_.v, a_.ref); })
#define MT_PROMOTE_PTR(a) ({ mt_ptr a_ = (a); \
    (void *)(intptr_t)mt__promote(MT_TYPE_PTR, (int64_t)(intptr_t)a_.v, a_.ref); })

/* An unroll-safe loop's count: promoted (a constant behind a guard) when
 * it is at most `max`, else -1.  Steps: the decision (a constant), then,
 * when the loop unrolls, the guard.  A bridge replaying it keeps the
 * parent's decision; one whose guard failed unrolls the count it sees, as
 * resume mode does. */
static inline int64_t mt__unroll_safe(mt_int n, int64_t max)
{
    int64_t decided;
    mt_ref ref;
    bool replaying = mt_record_replay(&decided, &ref);
    if (!replaying) {
        decided = MT__UNROLL_COUNT(n.v, max);
        ref = mt_record_const(MT_TYPE_INT, decided);
    }
    if (decided < 0)
        return -1;
    mt_record_guard(MT_IR_GUARD_VALUE, n.ref, replaying ? mt_record_operand(MT_TYPE_INT, n.v) : ref);
    return n.v;
}
#define MT_UNROLL_SAFE(n, max) ({ mt_int n_ = (n); mt__unroll_safe(n_, (int64_t)(max)); })

/* A quasi-immutable read is one step: a constant the trace depends on, or
 * a load once the cell has changed too often. */
mt_ref mt_record_quasi(mt_quasi *q, mt_irtype type);
static inline mt_int mt__quasi(mt_quasi *q, mt_irtype type)
{
    mt_int r;
    if (mt_record_replay(&r.v, &r.ref))
        return r;
    r.v = q->value;
    r.ref = mt_record_quasi(q, type);
    return r;
}
#define MT_QUASI_INT(q) mt__quasi((q), MT_TYPE_INT)
#define MT_QUASI_PTR(q) ({ mt_int qv_ = mt__quasi((q), MT_TYPE_PTR); \
    (mt_ptr){(void *)(intptr_t)qv_.v, qv_.ref}; })

/* Residual calls: the concrete call runs now (with the plain values) and a
 * CALL is recorded.  Arguments must be red values (use MT_CONST_PTR for a
 * constant pointer); the callee returns int64_t or nothing. */
static inline mt_ref mt__ref_int(mt_int x) { return x.ref; }
static inline mt_ref mt__ref_ptr(mt_ptr x) { return x.ref; }
static inline int64_t mt__val_int(mt_int x) { return x.v; }
static inline void *mt__val_ptr(mt_ptr x) { return x.v; }
/* No default: a plain C argument does not compile. */
#define MT__REF(x) _Generic((x), mt_int: mt__ref_int, mt_ptr: mt__ref_ptr)(x)
#define MT__VAL(x) _Generic((x), mt_int: mt__val_int, mt_ptr: mt__val_ptr)(x)
#define MT__REFS1 mt_ref r_[] = {MT__REF(a1_)}
#define MT__REFS2 mt_ref r_[] = {MT__REF(a1_), MT__REF(a2_)}
#define MT__REFS3 mt_ref r_[] = {MT__REF(a1_), MT__REF(a2_), MT__REF(a3_)}
#define MT__REFS4 mt_ref r_[] = {MT__REF(a1_), MT__REF(a2_), MT__REF(a3_), MT__REF(a4_)}
#define MT__REFS5 mt_ref r_[] = {MT__REF(a1_), MT__REF(a2_), MT__REF(a3_), MT__REF(a4_), MT__REF(a5_)}
#define MT__REFS6 mt_ref r_[] = {MT__REF(a1_), MT__REF(a2_), MT__REF(a3_), MT__REF(a4_), MT__REF(a5_), \
                                 MT__REF(a6_)}
#define MT__VALS1 MT__VAL(a1_)
#define MT__VALS2 MT__VALS1, MT__VAL(a2_)
#define MT__VALS3 MT__VALS2, MT__VAL(a3_)
#define MT__VALS4 MT__VALS3, MT__VAL(a4_)
#define MT__VALS5 MT__VALS4, MT__VAL(a5_)
#define MT__VALS6 MT__VALS5, MT__VAL(a6_)
#define MT_CALL_VOID(fn, effects, ...) ((void)MT__CALL(fn, effects, VOID, __VA_ARGS__))
#define MT_CALL_INT(fn, effects, ...) MT__CALL(fn, effects, INT, __VA_ARGS__)
#define MT_CALL_PTR(fn, effects, ...) ({ mt_int cp_ = MT__CALL(fn, effects, PTR, __VA_ARGS__); \
    (mt_ptr){(void *)(intptr_t)cp_.v, cp_.ref}; })
#define MT__CALL(fn, effects, type, ...) ({ \
    _Static_assert(!((effects) & MT_EFFECT_ELIDABLE) || \
                   !((effects) & (MT_EFFECT_WRITES_HEAP | MT_EFFECT_IO)), \
                   "an elidable call can neither write the heap nor do I/O"); \
    MT__LET(__VA_ARGS__); MT__CAT(MT__REFS, MT__NARGS(__VA_ARGS__)); \
    mt_int c_ = {0, 0}; \
    if (!mt_record_replay(&c_.v, &c_.ref)) { \
        c_.v = MT__RESULT_##type(fn(MT__CAT(MT__VALS, MT__NARGS(__VA_ARGS__)))); \
        c_.ref = mt_record_call((void *)fn, #fn, (effects), MT_TYPE_##type, r_, sizeof r_ / sizeof r_[0]); \
    } c_; })
#define MT__RESULT_INT(call) (call)
#define MT__RESULT_PTR(call) ((int64_t)(intptr_t)(call))
#define MT__RESULT_VOID(call) ((call), 0)

#define MT__RREF(kind, name) (name).ref,
#define MT__RVAL(kind, name) mt__red_word_##kind(name),
#define MT__RBOX(kind, name) name = mt__red_box_##kind(rv_[i_], rr_[i_]), i_++;
static inline mt_int mt__red_box_INT(int64_t w, mt_ref ref) { return mt__int(w, ref); }
static inline mt_ptr mt__red_box_PTR(int64_t w, mt_ref ref) { return (mt_ptr){(void *)(intptr_t)w, ref}; }
#define MT_MERGE_POINT(driver, GREENS, REDS)                                       \
    do {                                                                           \
        int64_t g_[] = {GREENS(MT__GW)}, rv_[] = {REDS(MT__RVAL)};                 \
        mt_ref rr_[] = {REDS(MT__RREF)};                                           \
        if (!mt_record_merge_point(g_, rr_, rv_))                                  \
            goto mt_trace_stop;                                                    \
    } while (0)
/* A call the trace does not go into is made from compiled code: the
 * recorder makes it now, and the state becomes the caller's continuation. */
#define MT_ENTER_FUNCTION(driver, GREENS, REDS)                                    \
    do {                                                                           \
        int64_t g_[] = {GREENS(MT__GW)}, rv_[] = {REDS(MT__RVAL)};                 \
        mt_ref rr_[] = {REDS(MT__RREF)};                                           \
        if (mt_record_enter_function(g_, rr_, rv_)) {                              \
            const int64_t *p_ = g_;                                                \
            uint32_t i_ = 0;                                                       \
            GREENS(MT__GLOAD)                                                      \
            REDS(MT__RBOX)                                                         \
        }                                                                          \
    } while (0)
#define MT_LEAVE_FUNCTION(driver, GREENS, REDS) mt_record_leave_function()
#define MT_CAN_ENTER_JIT(driver, GREENS, REDS)                                     \
    do {                                                                           \
        int64_t g_[] = {GREENS(MT__GW)};                                           \
        mt_ref rr_[] = {REDS(MT__RREF)};                                           \
        if (mt_record_can_enter(g_, rr_))                                          \
            goto mt_trace_stop;                                                    \
    } while (0)

#else /* interp and resume modes: plain values */

typedef int64_t mt_int; /* a red machine integer */
typedef void *mt_ptr;   /* a red pointer */

static inline mt_int mt__red_in_INT(int64_t w, uint32_t slot) { (void)slot; return w; }
static inline mt_ptr mt__red_in_PTR(int64_t w, uint32_t slot) { (void)slot; return (void *)(intptr_t)w; }
static inline int64_t mt__red_word_INT(mt_int x) { return x; }
static inline int64_t mt__red_word_PTR(mt_ptr x) { return (int64_t)(intptr_t)x; }

#if defined(MT_MODE_RESUME)

/* Step over one replay step; with a result: true and the recorded result
 * while the cursor is inside the replay list (the operation must then have
 * no effect), false once past it (do the operation for real). */
static inline void mt__step(void) { mt_replay.next++; }
static inline bool mt__replayed(int64_t *value)
{
    uint32_t i = mt_replay.next++;
    if (i >= mt_replay.count)
        return false;
    *value = mt_replay.values[i];
    return true;
}
#define MT__STEP(x) (mt__step(), (x))
#define MT__EFFECT(expr) ({ int64_t w_; if (!mt__replayed(&w_)) w_ = (int64_t)(expr); w_; })

#define MT_CONST(x) MT__STEP((mt_int)(x))
#define MT_CONST_PTR(p) MT__STEP((mt_ptr)(p))
#define MT_ADD(a, b) ({ mt_int a_ = (a), b_ = (b); MT__STEP((mt_int)((uint64_t)a_ + (uint64_t)b_)); })
#define MT_SUB(a, b) ({ mt_int a_ = (a), b_ = (b); MT__STEP((mt_int)((uint64_t)a_ - (uint64_t)b_)); })
#define MT_LOAD_U8(base, index) ({ mt_ptr p_ = (base); mt_int i_ = (index); \
    (mt_int)MT__EFFECT(((const uint8_t *)p_)[i_]); })
#define MT_LOAD_VOLATILE_U8(base, index) ({ mt_ptr p_ = (base); mt_int i_ = (index); \
    (mt_int)MT__EFFECT(((const volatile uint8_t *)p_)[i_]); })
#define MT_STORE_U8(base, index, value) ({ mt_ptr p_ = (base); mt_int i_ = (index), x_ = (value); \
    int64_t w_; if (!mt__replayed(&w_)) { ((uint8_t *)p_)[i_] = (uint8_t)x_; } })
#define MT_STORE_INT(base, offset, value) ({ mt_ptr p_ = (base); int64_t o_ = (offset); \
    mt_int x_ = (value); int64_t w_; if (!mt__replayed(&w_)) { *(int64_t *)((char *)p_ + o_) = x_; } })
#define MT_STORE_PTR(base, offset, value) ({ mt_ptr p_ = (base); int64_t o_ = (offset); \
    mt_ptr x_ = (value); int64_t w_; if (!mt__replayed(&w_)) { *(void **)((char *)p_ + o_) = x_; } })
#define MT_NEW(size) ({ size_t s_ = (size_t)(size); (mt_ptr)(intptr_t)MT__EFFECT((intptr_t)mt_alloc(s_)); })
#define MT_MUL(a, b) ({ mt_int a_ = (a), b_ = (b); MT__STEP((mt_int)((uint64_t)a_ * (uint64_t)b_)); })
#define MT__EVAL(op, a, b) ({ mt_int a_ = (a), b_ = (b), v_; (void)mt_ir_eval(op, a_, b_, &v_); MT__STEP(v_); })
#define MT_AND(a, b) MT__EVAL(MT_IR_AND, a, b)
#define MT_OR(a, b) MT__EVAL(MT_IR_OR, a, b)
#define MT_XOR(a, b) MT__EVAL(MT_IR_XOR, a, b)
#define MT_SHL(a, b) MT__EVAL(MT_IR_SHL, a, b)
#define MT_SHR(a, b) MT__EVAL(MT_IR_SHR, a, b)
#define MT_SAR(a, b) MT__EVAL(MT_IR_SAR, a, b)
#define MT_ULT(a, b) MT__EVAL(MT_IR_ULT, a, b)
#define MT_NEG(a) MT__EVAL(MT_IR_NEG, a, 0)
#define MT__CHECKED(op, a, b, out) ({ mt_int a_ = (a), b_ = (b); mt__step(); mt_ir_eval(op, a_, b_, (out)); })
#define MT_ADD_OV(a, b, out) MT__CHECKED(MT_IR_ADD_OV, a, b, out)
#define MT_SUB_OV(a, b, out) MT__CHECKED(MT_IR_SUB_OV, a, b, out)
#define MT_MUL_OV(a, b, out) MT__CHECKED(MT_IR_MUL_OV, a, b, out)
#define MT_PTR_AS_INT(p) ((mt_int)(intptr_t)(p))
#define MT_INT_AS_PTR(i) ((mt_ptr)(intptr_t)(i))
#define MT_LT(a, b) ({ mt_int a_ = (a), b_ = (b); MT__STEP((mt_int)(a_ < b_)); })
#define MT_LE(a, b) ({ mt_int a_ = (a), b_ = (b); MT__STEP((mt_int)(a_ <= b_)); })
#define MT_EQ(a, b) ({ mt_int a_ = (a), b_ = (b); MT__STEP((mt_int)(a_ == b_)); })
#define MT_NE(a, b) ({ mt_int a_ = (a), b_ = (b); MT__STEP((mt_int)(a_ != b_)); })
#define MT_LOAD_INT(base, offset) ({ mt_ptr p_ = (base); int64_t o_ = (offset); \
    (mt_int)MT__EFFECT(*(const int64_t *)((const char *)p_ + o_)); })
#define MT_LOAD_PTR(base, offset) ({ mt_ptr p_ = (base); int64_t o_ = (offset); \
    (mt_ptr)(intptr_t)MT__EFFECT((intptr_t)*(void *const *)((const char *)p_ + o_)); })
#define MT_IS_ZERO(a) ({ mt_int a_ = (a); MT__STEP(a_ == 0); })
#define MT_IS_NONZERO(a) ({ mt_int a_ = (a); MT__STEP(a_ != 0); })
#define MT_IN_RANGE(a, b) ({ mt_int a_ = (a), b_ = (b); mt__step(); MT__STEP((uint64_t)a_ < (uint64_t)b_); })
#define MT_PROMOTE_INT(a) ({ mt_int a_ = (a); mt__step(); MT__STEP(a_); })
#define MT_PROMOTE_PTR(a) ({ mt_ptr a_ = (a); mt__step(); MT__STEP(a_); })
#define MT__VALS1 a1_
#define MT__VALS2 MT__VALS1, a2_
#define MT__VALS3 MT__VALS2, a3_
#define MT__VALS4 MT__VALS3, a4_
#define MT__VALS5 MT__VALS4, a5_
#define MT__VALS6 MT__VALS5, a6_
#define MT_CALL_VOID(fn, effects, ...) ({ (void)(effects); MT__LET(__VA_ARGS__); int64_t w_; \
    if (!mt__replayed(&w_)) { fn(MT__CAT(MT__VALS, MT__NARGS(__VA_ARGS__))); } })
#define MT_CALL_INT(fn, effects, ...) ({ (void)(effects); MT__LET(__VA_ARGS__); \
    (mt_int)MT__EFFECT(fn(MT__CAT(MT__VALS, MT__NARGS(__VA_ARGS__)))); })
#define MT_CALL_PTR(fn, effects, ...) ({ (void)(effects); MT__LET(__VA_ARGS__); \
    (mt_ptr)(intptr_t)MT__EFFECT((intptr_t)fn(MT__CAT(MT__VALS, MT__NARGS(__VA_ARGS__)))); })
#define MT_LOAD_FRAME_INT MT_LOAD_INT
#define MT_LOAD_FRAME_PTR MT_LOAD_PTR
#define MT_STORE_FRAME_INT MT_STORE_INT
#define MT_STORE_FRAME_PTR MT_STORE_PTR
/* The trace's decision, while the replay lasts; past it, the count. */
#define MT_UNROLL_SAFE(n, max) ({ mt_int n_ = (n); int64_t k_ = 0; \
    bool r_ = mt__replayed(&k_); \
    if (r_ && k_ >= 0) \
        mt__step(); \
    r_ ? (k_ < 0 ? -1 : n_) : MT__UNROLL_COUNT(n_, max); })
#define MT_QUASI_INT(q) ({ mt_quasi *q_ = (q); (mt_int)MT__EFFECT(q_->value); })
#define MT_QUASI_PTR(q) ({ mt_quasi *q_ = (q); (mt_ptr)(intptr_t)MT__EFFECT(q_->value); })

/* The instruction being resumed is the only one resume mode runs. */
#define MT_MERGE_POINT(driver, GREENS, REDS) ((void)0)
#define MT_CAN_ENTER_JIT(driver, GREENS, REDS) ((void)0)
#define MT_LEAVE_FUNCTION(driver, GREENS, REDS) ((void)0)
/* Steps only if compiled code made the call (it did not trace through
 * it): then the state becomes what the call left, from the replay list or
 * from where the call left it. */
void mt_resume_function_return(const mt_jitdriver *driver, int64_t *greens, int64_t *reds);
#define MT_ENTER_FUNCTION(driver, GREENS, REDS)                                    \
    do {                                                                           \
        int64_t w_;                                                                \
        if (mt__replayed(&w_)) {                                                   \
            int64_t g_[] = {GREENS(MT__GW)}, r_[] = {REDS(MT__RWORD)};             \
            mt_resume_function_return(&(driver), g_, r_);                          \
            MT_LOAD_STATE(GREENS, REDS, g_, r_);                                   \
        }                                                                          \
    } while (0)
#define MT__RWORD(kind, name) mt__red_word_##kind(name),

#else /* interp mode */

#define MT_CONST(x) ((mt_int)(x))
#define MT_CONST_PTR(p) ((mt_ptr)(p))
#define MT_ADD(a, b) ((mt_int)((uint64_t)(a) + (uint64_t)(b)))
#define MT_SUB(a, b) ((mt_int)((uint64_t)(a) - (uint64_t)(b)))

/* Memory: byte `index` of `base`, or the word at byte `offset` in `base`. */
#define MT_LOAD_U8(base, index) ((mt_int)((const uint8_t *)(base))[(index)])
/* A byte something outside the program may change at any moment (a
 * signal handler's flag): compiled code reads it every time it gets here. */
#define MT_LOAD_VOLATILE_U8(base, index) ((mt_int)((const volatile uint8_t *)(base))[(index)])
#define MT_STORE_U8(base, index, value) \
    ((void)(((uint8_t *)(base))[(index)] = (uint8_t)(value)))
#define MT_LOAD_INT(base, offset) (*(const mt_int *)((const char *)(base) + (offset)))
#define MT_LOAD_PTR(base, offset) (*(mt_ptr const *)((const char *)(base) + (offset)))
#define MT_STORE_INT(base, offset, value) ((void)(*(mt_int *)((char *)(base) + (offset)) = (value)))
#define MT_STORE_PTR(base, offset, value) ((void)(*(mt_ptr *)((char *)(base) + (offset)) = (value)))
/* A frame field: memory reached only through these operations (and by
 * residual calls that read or write the heap), never by the ones above,
 * so the trace may keep it in registers and write it back only where
 * something may look (docs/api.md). */
#define MT_LOAD_FRAME_INT MT_LOAD_INT
#define MT_LOAD_FRAME_PTR MT_LOAD_PTR
#define MT_STORE_FRAME_INT MT_STORE_INT
#define MT_STORE_FRAME_PTR MT_STORE_PTR
/* A new zeroed object of `size` bytes (collected). */
#define MT_NEW(size) ((mt_ptr)mt_alloc((size_t)(size)))

#define MT_MUL(a, b) ((mt_int)((uint64_t)(a) * (uint64_t)(b)))
/* Bitwise operations and shifts (counts mod 64; SHR logical, SAR
 * arithmetic), negation, unsigned less-than giving 0 or 1. */
#define MT_AND(a, b) ((mt_int)((a) & (b)))
#define MT_OR(a, b) ((mt_int)((a) | (b)))
#define MT_XOR(a, b) ((mt_int)((a) ^ (b)))
#define MT_SHL(a, b) ((mt_int)((uint64_t)(a) << ((b) & 63)))
#define MT_SHR(a, b) ((mt_int)((uint64_t)(a) >> ((b) & 63)))
#define MT_SAR(a, b) ((mt_int)((int64_t)(a) >> ((b) & 63)))
#define MT_ULT(a, b) ((mt_int)((uint64_t)(a) < (uint64_t)(b)))
#define MT_NEG(a) ((mt_int)(0 - (uint64_t)(a)))
/* Overflow-checked arithmetic: true, with the result in *out, if it
 * fits in 64 bits; false otherwise (then the handler takes another way,
 * which must give the right result for any value). */
#define MT_ADD_OV(a, b, out) (!__builtin_add_overflow((mt_int)(a), (mt_int)(b), (mt_int *)(out)))
#define MT_SUB_OV(a, b, out) (!__builtin_sub_overflow((mt_int)(a), (mt_int)(b), (mt_int *)(out)))
#define MT_MUL_OV(a, b, out) (!__builtin_mul_overflow((mt_int)(a), (mt_int)(b), (mt_int *)(out)))
/* The same word seen as the other kind of red value. */
#define MT_PTR_AS_INT(p) ((mt_int)(intptr_t)(p))
#define MT_INT_AS_PTR(i) ((mt_ptr)(intptr_t)(i))
/* Comparisons giving a red 0 or 1 (signed). */
#define MT_LT(a, b) ((mt_int)((a) < (b)))
#define MT_LE(a, b) ((mt_int)((a) <= (b)))
#define MT_EQ(a, b) ((mt_int)((a) == (b)))
#define MT_NE(a, b) ((mt_int)((a) != (b)))

/* Conditions: each yields a C truth value the handler branches on (in
 * trace mode, recording a guard on the outcome). */
#define MT_IS_ZERO(a) ((a) == 0)
#define MT_IS_NONZERO(a) ((a) != 0)
/* 0 <= a < b, for a bounds check against a non-negative length */
#define MT_IN_RANGE(a, b) ((uint64_t)(a) < (uint64_t)(b))
/* A red value as a plain C (green) value: in trace mode the trace is
 * specialised to the value seen, behind a guard. */
#define MT_PROMOTE_INT(a) ((int64_t)(a))
#define MT_PROMOTE_PTR(a) ((void *)(a))

/* An unroll-safe loop: a loop in handler code that runs `n` (red) times.
 * The count as a plain C value for a `for` loop that a trace unrolls
 * (trace mode specialises the trace to the count seen, behind a guard)
 * when it is at most `max`; otherwise -1: do the work another way (a
 * residual call). */
#define MT_UNROLL_SAFE(n, max) MT__UNROLL_COUNT((int64_t)(n), (int64_t)(max))

/* The value of a quasi-immutable cell (mt_quasi *, a green pointer); in
 * trace mode a constant of the trace. */
#define MT_QUASI_INT(q) ((mt_int)(q)->value)
#define MT_QUASI_PTR(q) ((mt_ptr)(intptr_t)(q)->value)

/* Calls the tracer does not look inside; interp mode ignores `effects`. */
#define MT_CALL_VOID(fn, effects, ...) ((void)(effects), fn(__VA_ARGS__))
#define MT_CALL_INT(fn, effects, ...) ((void)(effects), (mt_int)fn(__VA_ARGS__))
#define MT_CALL_PTR(fn, effects, ...) ((void)(effects), (mt_ptr)fn(__VA_ARGS__))

/* The top of the dispatch loop: nothing to do in interp mode. */
#define MT_MERGE_POINT(driver, GREENS, REDS) ((void)0)
/* A backward jump to a loop header, after the greens have been set to the
 * header's.  Ticks the key's counter; when it runs out, mt_hot runs
 * compiled code or records a trace and the loop state is reloaded. */
#define MT_CAN_ENTER_JIT(driver, GREENS, REDS) MT__TICK(mt_hot, driver, GREENS, REDS)
/* A call of an interpreted function, once the greens and reds are the
 * callee's entry: the last operation of its instruction.  Ticks the
 * entry's counter (a hot function gets a trace of its own); in a trace,
 * the call is traced through or made from compiled code (docs/api.md). */
#define MT_ENTER_FUNCTION(driver, GREENS, REDS) MT__TICK(mt_hot_function, driver, GREENS, REDS)
/* A return, once the state is the caller's continuation: nothing to do in
 * interp mode (traces end where they return out of the function they
 * started in). */
#define MT_LEAVE_FUNCTION(driver, GREENS, REDS) ((void)0)
#define MT__TICK(hot, driver, GREENS, REDS)                                        \
    do {                                                                           \
        uint32_t s_ = MT__SLOT(GREENS);                                            \
        if (__builtin_expect(--mt_counters[s_] < 0, 0)) {                          \
            int64_t g_[] = {GREENS(MT__GW)}, r_[] = {REDS(MT__RSAVE_INIT)};         \
            if (hot(&(driver), s_, g_, r_))                                        \
                MT_LOAD_STATE(GREENS, REDS, g_, r_);                               \
        }                                                                          \
    } while (0)
#define MT__RSAVE_INIT(kind, name) mt__red_word_##kind(name),

#endif /* interp mode */
#endif /* MT_MODE_TRACE */

#ifdef __cplusplus
}
#endif
#endif /* MT_H */
