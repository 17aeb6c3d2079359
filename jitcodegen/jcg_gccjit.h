/* jcg_gccjit.h — shared by the native backend's files: how compiled code
 * is called and reports an exit, the code record each trace owns, and the
 * lowering of a trace to one libgccjit function.
 */
#ifndef JCG_GCCJIT_H
#define JCG_GCCJIT_H

#include "jcg_gccjit_api.h"

#include "mt_jit.h"

/* The words through which compiled code reports the guard that failed
 * (all words, so generated code writes them as an array). */
enum { JCG_EXIT_TRACE, JCG_EXIT_GUARD, JCG_EXIT_SNAP, JCG_EXIT_FORCED, JCG_EXIT_WORDS };

/* Every trace function reads its inputs from, and writes a failing guard's
 * exit values to, one buffer of this many words per run; a trace that
 * would need more is not compiled. */
enum { JCG_BUF_WORDS = 4096 };

/* A trace's machine code: `buf` holds its inputs.  Returns 0 when a guard
 * without a bridge failed, its exit values in buf and its identity in
 * exit[JCG_EXIT_*]; bridges and other loops are entered by tail calls. */
typedef int64_t (*jcg_entry)(int64_t *buf, int64_t *exit);

typedef struct jcg_batch jcg_batch;

/* The code of one trace.  Plain malloc memory: the compile thread fills in
 * `optimized`, and compiled code reads `entry`, `exits` and `hot` without
 * the collector knowing.  `entry` is what runs: the quick code first if
 * the trace has any, gcc's from the merge point after it is ready. */
typedef struct jcg_code {
    mt_jittrace *trace;
    jcg_batch *batch;  /* the compile (and gcc_jit_result) it came from */
    char name[24];     /* its function's name in the batch */
    jcg_entry entry;
    jcg_entry *exits;  /* by snapshot: the bridge a failing guard enters */
    jcg_entry optimized; /* gcc's code, once compiled (entry then becomes it) */
    void *quick;       /* the quick tier's code (jcg_x64.c), or NULL */
    size_t quick_size;
    int64_t hot;       /* quick code: the run count left (see jcg_x64.c) */
    volatile uint8_t hot_flag; /* ... set when it runs out */
    bool upgrading;    /* gcc is compiling it while the quick code runs */
    bool holds_key;    /* its key's code word points to it */
    bool delivered;    /* the framework has heard how its compile ended */
    bool released;
    double requested_ms;
} jcg_code;

/* Which guards ask mt_jit_fail_guard whether to fail although they hold. */
typedef enum {
    JCG_CHECK_NONE,
    JCG_CHECK_FORCED,      /* a test's forced failure may name them */
    JCG_CHECK_EVERY_GUARD, /* fail_guards */
} jcg_checks;

/* Whether the backend can take the trace (either tier): false with a
 * reason for a call with too many arguments, or more exit values than
 * the buffer holds. */
bool jcg_check_trace(const mt_trace *ir, char *err, size_t errsize);

/* Add the function of `code`'s trace to `ctxt` (on the main thread: it
 * reads the IR).  False with a reason for a trace the backend cannot
 * take. */
bool jcg_lower(gcc_jit_context *ctxt, jcg_code *code, jcg_checks checks, char *err, size_t errsize);

#endif
