/* mt_opt.h — the trace optimizer (framework-internal).
 *
 * mt_optimize runs the pipeline (mt_opt.c, top to bottom).  Its first
 * stage is an emission engine in the manner of LuaJIT's FOLD: the trace is
 * copied instruction by instruction into a new one, and each instruction
 * on its way out is simplified (mt_opt_fold.c), looked up in the heap
 * cache (mt_opt_heap.c) and in the CSE table.  Loop peeling
 * (mt_opt_peel.c) copies the loop a second time through the same engine,
 * so whatever the second copy finds already computed in the first is
 * hoisted out of the loop.  The engine also delays frame stores into
 * objects that exist (the interpreter's frame: its locals and stack stay
 * in registers) until a call or the trace's end may look at them;
 * guards list those still pending, for deopt to do.  Allocation sinking
 * (mt_opt_sink.c) and dead code removal (mt_opt_dce.c) then work on the
 * result in place.
 */
#ifndef MT_OPT_H
#define MT_OPT_H

#include "mt_ir.h"

/* Run every pass on `t`, replacing it by the optimized trace.  The trace
 * is verified after each pass; a failure is a framework bug (exit 70). */
void mt_optimize(mt_trace *t);

/* A remembered heap location (mt_opt_heap.c): the load or store `at`
 * (for FRESH, the NEW) and what a load there gives. */
typedef struct mt_heap_entry {
    uint8_t kind; /* MT_HEAP_* */
    mt_ref at;
    mt_ref value;
} mt_heap_entry;

enum {
    MT_HEAP_KNOWN,         /* loads there give `value` */
    MT_HEAP_BYTE_UNMASKED, /* a byte where a word was stored: value & 255 */
    MT_HEAP_FRESH,         /* a NEW nothing else has written: all zero */
};

/* The engine's state while it copies `in` into `out`. */
typedef struct mt_opt {
    const mt_trace *in;
    mt_trace *out;
    mt_ref *subst;        /* in ref -> out ref (0: gone, or no value) */
    mt_ref *same;         /* out ref -> an equal out ref known from a guard */
    uint32_t maxsame;
    mt_ref *cse;          /* open-addressed table of out refs */
    uint32_t cse_mask, cse_count;
    mt_heap_entry *heap;
    uint32_t nheap, maxheap;
    bool verbatim;        /* copy as is (renumbering only) */
    bool checked;         /* a guard_not_invalidated since the last heap-writing call */
    mt_ref last_write;    /* the last heap-writing call emitted, but idempotent ones */
    mt_ref *shared_calls; /* emitted elidable and idempotent calls */
    uint32_t nshared_calls, maxshared_calls;
    mt_ref *volatiles;    /* volatile loads emitted since `volatile_floor` */
    uint32_t nvolatiles, maxvolatiles;
    mt_ref volatile_floor; /* the loop's label or the last heap-writing call */
    mt_ref *pending;      /* delayed frame stores memory does not have yet */
    uint32_t npending, maxpending;
} mt_opt;

/* What folding decided about an instruction. */
enum { MT_FOLD_EMIT = 0, MT_FOLD_DROP = UINT32_MAX };

void mt_opt_init(mt_opt *o, const mt_trace *in, mt_trace *out);
/* Copy in-instruction x to the output through the engine: sets subst[x]. */
void mt_opt_copy(mt_opt *o, mt_ref x);
/* The out ref a value is known to equal (itself if nothing is known). */
mt_ref mt_opt_resolve(const mt_opt *o, mt_ref r);
mt_ref mt_opt_const(mt_opt *o, mt_irtype type, int64_t value);
/* Do every delayed store still pending (emitting the stores here). */
void mt_opt_flush_all(mt_opt *o);
/* A pure value computed from out refs, folded and shared like a copy. */
mt_ref mt_opt_emit_pure(mt_opt *o, mt_irop op, mt_irtype type, mt_ref a, mt_ref b);

/* mt_opt_fold.c: simplify `ins` (operands are out refs).  Returns
 * MT_FOLD_EMIT to emit it (maybe rewritten), MT_FOLD_DROP for a guard
 * known to hold, or the out ref that is its value. */
mt_ref mt_opt_fold(mt_opt *o, mt_ins *ins);
/* What the instruction just emitted at `ref` tells later folds: a guard
 * about values; a store or call about memory and shared calls. */
void mt_opt_fold_learn(mt_opt *o, mt_ref ref);

/* mt_opt_heap.c: the value a load gives if the cache knows it, else 0;
 * may emit the masking a byte load of a stored value needs. */
mt_ref mt_opt_heap_load(mt_opt *o, const mt_ins *ins);
/* Update the cache for the load, store, call or NEW just emitted. */
void mt_opt_heap_note(mt_opt *o, mt_ref ref);
/* The aliasing model: may two pointers be the same object; may two
 * accesses (loads or stores) touch the same bytes; do they access exactly
 * the same location. */
bool mt_opt_may_alias(const mt_trace *t, mt_ref p, mt_ref q);
bool mt_opt_overlap(const mt_trace *t, const mt_ins *x, const mt_ins *y);
bool mt_opt_same_place(const mt_ins *x, const mt_ins *y);

/* One pass each, on a finished trace. */
bool mt_opt_peel(const mt_trace *in, mt_trace *out);
void mt_opt_forward(const mt_trace *in, mt_trace *out);
void mt_opt_sink(mt_trace *t);
void mt_opt_dce(const mt_trace *in, mt_trace *out);

#endif
