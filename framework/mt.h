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

/* Print "progname: message" on stderr and exit with `status`. */
void mt_die(int status, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 2, 3)));

/* ---- JIT options: `--jit SPEC` on the command line, MTJIT=SPEC in the env - */

typedef enum { MT_BACKEND_NATIVE, MT_BACKEND_REF } mt_backend_kind;

typedef struct mt_options {
    bool enabled;              /* off: never count, never trace */
    uint32_t threshold;        /* loop iterations before tracing starts */
    uint32_t bridge_threshold; /* guard failures before a bridge is traced */
    uint32_t trace_limit;      /* recorded ops before a trace is aborted */
    bool inline_calls;         /* trace through interpreter-level calls */
    mt_backend_kind backend;
    bool sync;                 /* compile on the main thread */
    uint64_t fail_guards;      /* 0, or fail every Nth guard check (stress) */
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

/* ---- logging: MTLOG=category[,category...][:file] ------------------------ */

enum {
    MT_LOG_JIT_SUMMARY = 1u << 0, /* one stable line at exit */
    MT_LOG_JIT_IR = 1u << 1,      /* each trace before/after optimization */
    MT_LOG_JIT_ABORT = 1u << 2,   /* why a trace was abandoned */
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
} mt_stats;
mt_stats *mt_jit_stats(void);
/* Write "jit-summary: loops=N bridges=N aborts=N guard_failures=N
 * compile_ms=X" (the format tests and benchmarks parse). */
void mt_stats_print_summary(const mt_stats *stats, FILE *out);

/* ---- allocation (Boehm GC behind a narrow interface) --------------------- */

void *mt_alloc(size_t size);        /* zeroed, may hold pointers */
void *mt_alloc_atomic(size_t size); /* not zeroed, holds no pointers */
void *mt_realloc(void *block, size_t size);
char *mt_strdup(const char *s);
/* Called when an allocation fails; the default prints "progname: out of
 * memory" and exits 1.  A VM that raises MemoryError installs its own; the
 * handler must not return. */
void mt_set_oom_handler(void (*handler)(size_t size));

/* ---- native backend ------------------------------------------------------ */

/* "libgccjit MAJOR.MINOR.PATCH", or a note that the native backend was not
 * built (configure --disable-native-jit). */
const char *mt_native_backend_version(void);

/* ---- red values and the operations on them -------------------------------
 *
 * Handler code manipulates run-time ("red") values only through these
 * operations.  In interp mode (the default) they are plain C and compile to
 * exactly what a hand-written interpreter would do.  Green values (the
 * program, the pc, anything computed from them alone) are plain C in every
 * mode.
 */
typedef int64_t mt_int;  /* a red machine integer */
typedef void *mt_ptr;    /* a red pointer */

#define MT_CONST(x) ((mt_int)(x))
#define MT_ADD(a, b) ((mt_int)((uint64_t)(a) + (uint64_t)(b)))
#define MT_SUB(a, b) ((mt_int)((uint64_t)(a) - (uint64_t)(b)))

/* Memory: byte `index` of `base`, or the word at byte `offset` in `base`. */
#define MT_LOAD_U8(base, index) ((mt_int)((const uint8_t *)(base))[(index)])
#define MT_STORE_U8(base, index, value) \
    ((void)(((uint8_t *)(base))[(index)] = (uint8_t)(value)))

#define MT_LOAD_INT(base, offset) (*(const mt_int *)((const char *)(base) + (offset)))
#define MT_LOAD_PTR(base, offset) (*(mt_ptr const *)((const char *)(base) + (offset)))

/* Conditions: each yields a C truth value the handler branches on. */
#define MT_IS_ZERO(a) ((a) == 0)
#define MT_IS_NONZERO(a) ((a) != 0)
/* 0 <= a < b, for a bounds check against a non-negative length */
#define MT_IN_RANGE(a, b) ((uint64_t)(a) < (uint64_t)(b))

/* Calls the tracer does not look inside.  `effects` summarises what the
 * callee may do (MT_EFFECT_* bits); interp mode ignores it. */
enum {
    MT_EFFECT_NONE = 0,
    MT_EFFECT_READS_HEAP = 1u << 0,
    MT_EFFECT_WRITES_HEAP = 1u << 1,
    MT_EFFECT_IO = 1u << 2,
    MT_EFFECT_CAN_RAISE = 1u << 3,
};
#define MT_CALL_VOID(fn, effects, ...) ((void)(effects), fn(__VA_ARGS__))
#define MT_CALL_INT(fn, effects, ...) ((void)(effects), (mt_int)fn(__VA_ARGS__))

#ifdef __cplusplus
}
#endif
#endif /* MT_H */
