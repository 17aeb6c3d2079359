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
 * operations.  A file selects its mode before including mt.h:
 *   (nothing)          interp mode: plain C, exactly what a hand-written
 *                      interpreter would do
 *   #define MT_MODE_TRACE  trace mode: red values are {value, IR ref} boxes;
 *                      every operation computes its result and records it
 * Green values (the program, the pc, anything computed from them alone) are
 * plain C in every mode.  Outside handlers use int64_t / void *, never the
 * mode types.
 */

/* Effect summary of a call the tracer does not look inside. */
enum {
    MT_EFFECT_NONE = 0,
    MT_EFFECT_READS_HEAP = 1u << 0,
    MT_EFFECT_WRITES_HEAP = 1u << 1,
    MT_EFFECT_IO = 1u << 2,
    MT_EFFECT_CAN_RAISE = 1u << 3,
};

#ifdef MT_MODE_TRACE
#include "mt_ir.h"

/* Boxes: a struct, so `pos + 1` on a red value is a compile error. */
typedef struct mt_int { int64_t v; mt_ref ref; } mt_int;
typedef struct mt_ptr { void *v; mt_ref ref; } mt_ptr;

/* The recorder (mt_record.c).  Every operation is appended to the current
 * instruction's replay list, which guards snapshot. */
mt_ref mt_record_op(mt_irop op, mt_irtype type, mt_ref a, mt_ref b, mt_ref c, int64_t aux);
mt_ref mt_record_const(mt_irtype type, int64_t value);
void mt_record_guard(mt_irop op, mt_ref a, mt_ref b);
mt_ref mt_record_call(void *fn, const char *name, unsigned effects, mt_irtype type,
                      const mt_ref *args, uint32_t nargs);

static inline mt_int mt__int(int64_t v, mt_ref ref) { return (mt_int){v, ref}; }
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
static inline bool mt__is_zero(mt_int a)
{
    return !mt__cond(a.v != 0, a.ref);
}
static inline bool mt__in_range(mt_int a, mt_int b)
{
    bool in = (uint64_t)a.v < (uint64_t)b.v;
    return mt__cond(in, mt_record_op(MT_IR_ULT, MT_TYPE_INT, a.ref, b.ref, 0, 0));
}

#define MT_CONST(x) mt__const_int((int64_t)(x))
#define MT_CONST_PTR(p) mt__const_ptr((void *)(p))
#define MT_ADD(a, b) ({ mt_int a_ = (a), b_ = (b); \
    mt__binop(MT_IR_ADD, (int64_t)((uint64_t)a_.v + (uint64_t)b_.v), a_, b_); })
#define MT_SUB(a, b) ({ mt_int a_ = (a), b_ = (b); \
    mt__binop(MT_IR_SUB, (int64_t)((uint64_t)a_.v - (uint64_t)b_.v), a_, b_); })

#define MT_LOAD_U8(base, index) ({ mt_ptr p_ = (base); mt_int i_ = (index); \
    mt__int(((const uint8_t *)p_.v)[i_.v], mt_record_op(MT_IR_LOAD_U8, MT_TYPE_INT, p_.ref, i_.ref, 0, 0)); })
#define MT_STORE_U8(base, index, value) ({ mt_ptr p_ = (base); mt_int i_ = (index), x_ = (value); \
    ((uint8_t *)p_.v)[i_.v] = (uint8_t)x_.v; \
    (void)mt_record_op(MT_IR_STORE_U8, MT_TYPE_VOID, p_.ref, i_.ref, x_.ref, 0); })
#define MT_LOAD_INT(base, offset) ({ mt_ptr p_ = (base); \
    mt__int(*(const int64_t *)((const char *)p_.v + (offset)), \
            mt_record_op(MT_IR_LOAD_INT, MT_TYPE_INT, p_.ref, 0, 0, (int64_t)(offset))); })
#define MT_LOAD_PTR(base, offset) ({ mt_ptr p_ = (base); \
    (mt_ptr){*(void *const *)((const char *)p_.v + (offset)), \
             mt_record_op(MT_IR_LOAD_PTR, MT_TYPE_PTR, p_.ref, 0, 0, (int64_t)(offset))}; })

#define MT_IS_ZERO(a) mt__is_zero(a)
#define MT_IS_NONZERO(a) (!mt__is_zero(a))
#define MT_IN_RANGE(a, b) mt__in_range((a), (b))

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
#define MT__ARGS1(a) typeof(a) a1_ = (a); mt_ref r_[] = {MT__REF(a1_)}
#define MT__ARGS2(a, b) typeof(a) a1_ = (a); typeof(b) a2_ = (b); mt_ref r_[] = {MT__REF(a1_), MT__REF(a2_)}
#define MT__VALS1 MT__VAL(a1_)
#define MT__VALS2 MT__VAL(a1_), MT__VAL(a2_)
#define MT__NARGS(...) MT__NARGS_(__VA_ARGS__, 2, 1)
#define MT__NARGS_(a, b, n, ...) n
#define MT__CAT(a, b) MT__CAT_(a, b)
#define MT__CAT_(a, b) a##b
#define MT_CALL_VOID(fn, effects, ...) ({ MT__CAT(MT__ARGS, MT__NARGS(__VA_ARGS__))(__VA_ARGS__); \
    fn(MT__CAT(MT__VALS, MT__NARGS(__VA_ARGS__))); \
    (void)mt_record_call((void *)fn, #fn, (effects), MT_TYPE_VOID, r_, sizeof r_ / sizeof r_[0]); })
#define MT_CALL_INT(fn, effects, ...) ({ MT__CAT(MT__ARGS, MT__NARGS(__VA_ARGS__))(__VA_ARGS__); \
    int64_t v_ = fn(MT__CAT(MT__VALS, MT__NARGS(__VA_ARGS__))); \
    mt__int(v_, mt_record_call((void *)fn, #fn, (effects), MT_TYPE_INT, r_, sizeof r_ / sizeof r_[0])); })

#else /* interp mode */

typedef int64_t mt_int; /* a red machine integer */
typedef void *mt_ptr;   /* a red pointer */

#define MT_CONST(x) ((mt_int)(x))
#define MT_CONST_PTR(p) ((mt_ptr)(p))
#define MT_ADD(a, b) ((mt_int)((uint64_t)(a) + (uint64_t)(b)))
#define MT_SUB(a, b) ((mt_int)((uint64_t)(a) - (uint64_t)(b)))

/* Memory: byte `index` of `base`, or the word at byte `offset` in `base`. */
#define MT_LOAD_U8(base, index) ((mt_int)((const uint8_t *)(base))[(index)])
#define MT_STORE_U8(base, index, value) \
    ((void)(((uint8_t *)(base))[(index)] = (uint8_t)(value)))
#define MT_LOAD_INT(base, offset) (*(const mt_int *)((const char *)(base) + (offset)))
#define MT_LOAD_PTR(base, offset) (*(mt_ptr const *)((const char *)(base) + (offset)))

/* Conditions: each yields a C truth value the handler branches on (in
 * trace mode, recording a guard on the outcome). */
#define MT_IS_ZERO(a) ((a) == 0)
#define MT_IS_NONZERO(a) ((a) != 0)
/* 0 <= a < b, for a bounds check against a non-negative length */
#define MT_IN_RANGE(a, b) ((uint64_t)(a) < (uint64_t)(b))

/* Calls the tracer does not look inside; interp mode ignores `effects`. */
#define MT_CALL_VOID(fn, effects, ...) ((void)(effects), fn(__VA_ARGS__))
#define MT_CALL_INT(fn, effects, ...) ((void)(effects), (mt_int)fn(__VA_ARGS__))

#endif /* MT_MODE_TRACE */

#ifdef __cplusplus
}
#endif
#endif /* MT_H */
