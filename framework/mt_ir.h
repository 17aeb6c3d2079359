/* mt_ir.h — the trace IR.  MT_IRDEF is the single list of operations; every
 * table (names, operand shapes, flags, printer, parser, verifier, optimizer
 * folds, backend lowerings) is indexed from it.
 *
 * A trace is linear SSA: instruction i defines value %i.  Operands are refs
 * to earlier instructions; constants are CONST instructions, interned so
 * equal constants share one ref.
 */
#ifndef MT_IR_H
#define MT_IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Operand shapes: which of a, b, c are refs and whether aux means something.
 *   N none   A a   AB a,b   ABC a,b,c   K aux only   AK a+aux   ABK a,b+aux
 *   V variable: the args are refs in the trace's pool (aux = first, b =
 *     count); for CALL, a is the index of its mt_callinfo, not a ref; for
 *     JUMP the args are the target loop's inputs and c its trace number, or
 *     with c = 0 in a trace with a LABEL, the new values of the label's
 *     args */
#define MT_IRDEF(_)                                                                  \
    /* name          shape  type  flags */                                             \
    _(NOP,           N,     VOID, 0)                                                   \
    _(CONST,         K,     ANY,  MT_IRF_PURE)            /* aux = value */            \
    _(INPUT,         K,     ANY,  0)                      /* aux = input slot */       \
    _(ADD,           AB,    INT,  MT_IRF_PURE | MT_IRF_COMM)                           \
    _(SUB,           AB,    INT,  MT_IRF_PURE)                                         \
    _(MUL,           AB,    INT,  MT_IRF_PURE | MT_IRF_COMM)                           \
    _(AND,           AB,    INT,  MT_IRF_PURE | MT_IRF_COMM)                           \
    _(OR,            AB,    INT,  MT_IRF_PURE | MT_IRF_COMM)                           \
    _(XOR,           AB,    INT,  MT_IRF_PURE | MT_IRF_COMM)                           \
    _(SHL,           AB,    INT,  MT_IRF_PURE)                                         \
    _(SHR,           AB,    INT,  MT_IRF_PURE)            /* logical */                \
    _(SAR,           AB,    INT,  MT_IRF_PURE)            /* arithmetic */             \
    _(NEG,           A,     INT,  MT_IRF_PURE)                                         \
    _(EQ,            AB,    INT,  MT_IRF_PURE | MT_IRF_COMM)  /* 0 or 1 */             \
    _(NE,            AB,    INT,  MT_IRF_PURE | MT_IRF_COMM)                           \
    _(LT,            AB,    INT,  MT_IRF_PURE)            /* signed */                 \
    _(LE,            AB,    INT,  MT_IRF_PURE)                                         \
    _(ULT,           AB,    INT,  MT_IRF_PURE)            /* unsigned */               \
    _(ADD_OV,        AB,    INT,  MT_IRF_GUARD)           /* exits on overflow */      \
    _(SUB_OV,        AB,    INT,  MT_IRF_GUARD)                                        \
    _(MUL_OV,        AB,    INT,  MT_IRF_GUARD)                                        \
    _(LOAD_U8,       AB,    INT,  MT_IRF_LOAD)            /* a[b] */                   \
    _(LOAD_INT,      AK,    INT,  MT_IRF_LOAD)            /* *(int64 *)(a + aux) */    \
    _(LOAD_PTR,      AK,    PTR,  MT_IRF_LOAD)                                         \
    _(STORE_U8,      ABC,   VOID, MT_IRF_STORE)           /* a[b] = c */               \
    _(STORE_INT,     ABK,   VOID, MT_IRF_STORE)           /* *(a + aux) = b */         \
    _(STORE_PTR,     ABK,   VOID, MT_IRF_STORE)                                        \
    _(GUARD_TRUE,    A,     VOID, MT_IRF_GUARD)           /* exit unless a != 0 */     \
    _(GUARD_FALSE,   A,     VOID, MT_IRF_GUARD)           /* exit unless a == 0 */     \
    _(GUARD_VALUE,   AB,    VOID, MT_IRF_GUARD)           /* exit unless a == b */     \
    _(GUARD_NOT_INVALIDATED, N, VOID, MT_IRF_GUARD) /* exit if a quasi-immutable value the trace assumed changed */ \
    _(CALL,          V,     ANY,  MT_IRF_CALL)                                         \
    _(NEW,           K,     PTR,  MT_IRF_ALLOC)           /* aux = size in bytes */    \
    _(LABEL,         V,     VOID, 0)  /* start of the peeled loop; args: the values it carries */ \
    _(JUMP,          V,     VOID, MT_IRF_END)             /* c = target trace, 0 = this loop */ \
    _(EXIT,          N,     VOID, MT_IRF_GUARD | MT_IRF_END) /* to the interpreter, at an instruction start */

typedef enum {
#define MT_IR_ENUM(name, shape, type, flags) MT_IR_##name,
    MT_IRDEF(MT_IR_ENUM)
#undef MT_IR_ENUM
    MT_IR__COUNT
} mt_irop;

typedef enum { MT_SHAPE_N, MT_SHAPE_A, MT_SHAPE_AB, MT_SHAPE_ABC, MT_SHAPE_K,
               MT_SHAPE_AK, MT_SHAPE_ABK, MT_SHAPE_V } mt_irshape;

/* Value types: every value is a 64-bit word; the type says how it is used. */
typedef enum { MT_TYPE_VOID, MT_TYPE_INT, MT_TYPE_PTR, MT_TYPE_ANY } mt_irtype;

enum {
    MT_IRF_PURE = 1 << 0,  /* no effects, result depends on operands only */
    MT_IRF_COMM = 1 << 1,  /* commutative */
    MT_IRF_GUARD = 1 << 2, /* may exit the trace; carries a snapshot */
    MT_IRF_LOAD = 1 << 3,
    MT_IRF_STORE = 1 << 4,
    MT_IRF_CALL = 1 << 5,
    MT_IRF_ALLOC = 1 << 6,
    MT_IRF_END = 1 << 7,   /* last instruction of a trace */
};

typedef struct mt_irinfo {
    const char *name; /* lower case, as printed */
    mt_irshape shape;
    mt_irtype type;   /* MT_TYPE_ANY: the instruction's own type field decides */
    unsigned flags;
} mt_irinfo;

extern const mt_irinfo mt_irinfo_table[MT_IR__COUNT];

typedef uint32_t mt_ref; /* index of an instruction; 0 is "no value" */

/* Instruction flags.  A sunk NEW is an allocation the optimizer removed
 * (a virtual object): it and the sunk stores into it are not executed;
 * they only tell deopt how to build the object if a guard needs it.
 * FRAME marks a word load or store of a frame field: memory that only
 * frame accesses (and residual calls that touch the heap) ever reach, so
 * it never overlaps other accesses.  A sunk frame store into an object
 * that is not a sunk NEW is *delayed*: the object exists, but the store
 * is done only where it is needed — before a call or a trace's end that
 * may look, or by deopt from the snapshots that list it as pending.
 * VOLATILE marks a load of memory something outside the trace may change
 * at any time (a signal handler's flag): it is never forwarded from a
 * store or hoisted out of the loop, and is done again after each call
 * that may write memory; between those, a second load of the same place
 * takes the first one's value (the flag is read at least once a trip). */
enum { MT_INSF_SUNK = 1 << 0, MT_INSF_FRAME = 1 << 1, MT_INSF_VOLATILE = 1 << 2 };

typedef struct mt_ins {
    uint8_t op;    /* mt_irop */
    uint8_t type;  /* mt_irtype of the result */
    uint8_t flags; /* MT_INSF_* */
    mt_ref a, b, c;
    int64_t aux;  /* constant, slot, offset, size, or first arg index */
    uint32_t snap; /* guards: index into the trace's snapshots */
} mt_ins;

/* Effects a residual call may have: bit i of MT_EFFECT_* in mt.h is named
 * mt_effect_names[i] in text traces. */
enum { MT_EFFECT_COUNT = 7 };
extern const char *const mt_effect_names[MT_EFFECT_COUNT];

typedef struct mt_callinfo {
    void *fn;
    const char *name;
    unsigned effects;
} mt_callinfo;

/* Call a residual function with `nargs` (at most MT_MAX_CALL_ARGS) word
 * arguments; its result, or garbage for a void one. */
enum { MT_MAX_CALL_ARGS = 6 };
int64_t mt_ir_call(const mt_callinfo *call, const int64_t *args, uint32_t nargs);

/* A snapshot is the interpreter state a guard resumes to: the green key and
 * red values at the start of the current instruction, plus the results of
 * the red operations the instruction had already performed (the replay
 * list).  Refs are into the trace; entries live in the trace's ref pool.
 *
 * The pending list names the delayed stores (see MT_INSF_FRAME) memory
 * does not have yet at the guard, at most one per location.
 *
 * The virtual list names what deopt replays to bring memory up to date
 * and build the virtual objects the reds, the replay list and the pending
 * stores reach, in trace order: each sunk NEW and each object a pending
 * store writes into, then the sunk stores into those NEWs before the
 * guard and the pending stores.  A guard's exit values are the reds, the
 * replay list, then one per virtual-list entry (mt_ir_virtual_value). */
typedef struct mt_snapshot {
    int32_t depth;            /* calls traced into since the trace began (minus returns) */
    uint32_t greens, ngreens; /* index into trace->words */
    uint32_t reds, nreds;     /* index into trace->pool */
    uint32_t replay, nreplay; /* index into trace->pool */
    uint32_t pending, npending; /* index into trace->pool */
    uint32_t virt, nvirt;     /* index into trace->pool */
    /* How deopt builds the virtual list (mt_ir_snapshot_virtuals), so
     * that it walks no IR but the entries: at `plan` in trace->pool, per
     * entry the index in the list of the object a store writes into (0
     * for the others), then per entry the index of the sunk NEW a store
     * stores (MT_NO_PLAN: none), then `nfix` pairs (exit value i, entry j):
     * exit value i names the object entry j builds.  MT_NO_PLAN: none. */
    uint32_t plan, nfix;
} mt_snapshot;
#define MT_NO_PLAN UINT32_MAX

static inline uint32_t mt_snapshot_nvalues(const mt_snapshot *s)
{
    return s->nreds + s->nreplay + s->nvirt;
}

/* A quasi-immutable cell the trace took as the constant `value`. */
typedef struct mt_quasi_dep {
    struct mt_quasi *cell;
    int64_t value;
} mt_quasi_dep;

typedef struct mt_trace {
    mt_ins *ins;
    uint32_t nins, maxins;
    mt_ref *pool;       /* call args, jump args, snapshot refs */
    uint32_t npool, maxpool;
    int64_t *words;     /* green values of snapshots */
    uint32_t nwords, maxwords;
    mt_snapshot *snaps;
    uint32_t nsnaps, maxsnaps;
    mt_callinfo *calls;
    uint32_t ncalls, maxcalls;
    mt_quasi_dep *quasi; /* the cells the trace assumes unchanged */
    uint32_t nquasi, maxquasi;
    uint32_t ninputs;
    mt_ref label;       /* the LABEL, or 0 */
} mt_trace;

void mt_trace_init(mt_trace *t);
mt_ref mt_ir_emit(mt_trace *t, mt_irop op, mt_irtype type, mt_ref a, mt_ref b, mt_ref c, int64_t aux);
mt_ref mt_ir_const(mt_trace *t, mt_irtype type, int64_t value);
mt_ref mt_ir_input(mt_trace *t, mt_irtype type, uint32_t slot);
/* Append refs to the pool; returns the index of the first. */
uint32_t mt_ir_pool_add(mt_trace *t, const mt_ref *refs, uint32_t n);
uint32_t mt_ir_call_add(mt_trace *t, void *fn, const char *name, unsigned effects);
/* Note that the trace assumes `cell` holds `value` (once per cell). */
void mt_ir_quasi_add(mt_trace *t, struct mt_quasi *cell, int64_t value);
uint32_t mt_ir_snapshot_add(mt_trace *t, const int64_t *greens, uint32_t ngreens,
                            const mt_ref *reds, uint32_t nreds, const mt_ref *replay,
                            uint32_t nreplay);

static inline const mt_irinfo *mt_ir_info(const mt_ins *ins) { return &mt_irinfo_table[ins->op]; }

/* The result of an arithmetic or comparison op (ADD .. MUL_OV) on a and b
 * (NEG ignores b): wrapping, shift counts mod 64.  False for an _OV op
 * that overflows.  The reference backend runs it, constant folding too. */
static inline bool mt_ir_eval(mt_irop op, int64_t a, int64_t b, int64_t *out)
{
    uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
    switch (op) {
    case MT_IR_ADD: *out = (int64_t)(ua + ub); return true;
    case MT_IR_SUB: *out = (int64_t)(ua - ub); return true;
    case MT_IR_MUL: *out = (int64_t)(ua * ub); return true;
    case MT_IR_AND: *out = a & b; return true;
    case MT_IR_OR: *out = a | b; return true;
    case MT_IR_XOR: *out = a ^ b; return true;
    case MT_IR_SHL: *out = (int64_t)(ua << (b & 63)); return true;
    case MT_IR_SHR: *out = (int64_t)(ua >> (b & 63)); return true;
    case MT_IR_SAR: *out = a >> (b & 63); return true;
    case MT_IR_NEG: *out = (int64_t)(0 - ua); return true;
    case MT_IR_EQ: *out = a == b; return true;
    case MT_IR_NE: *out = a != b; return true;
    case MT_IR_LT: *out = a < b; return true;
    case MT_IR_LE: *out = a <= b; return true;
    case MT_IR_ULT: *out = ua < ub; return true;
    case MT_IR_ADD_OV: return !__builtin_add_overflow(a, b, out);
    case MT_IR_SUB_OV: return !__builtin_sub_overflow(a, b, out);
    case MT_IR_MUL_OV: return !__builtin_mul_overflow(a, b, out);
    default: return false;
    }
}

static inline bool mt_ir_is_arith(mt_irop op) { return op >= MT_IR_ADD && op <= MT_IR_MUL_OV; }

/* The i-th ref of a snapshot's reds followed by its replay list. */
static inline mt_ref mt_snapshot_ref(const mt_trace *t, const mt_snapshot *s, uint32_t i)
{
    return t->pool[i < s->nreds ? s->reds + i : s->replay + (i - s->nreds)];
}

/* The refs an instruction reads as its operands a, b, c (as its shape
 * says; not the pool args of a V shape): stores them in ops, returns how
 * many. */
static inline uint32_t mt_ir_operands(const mt_ins *ins, mt_ref ops[3])
{
    uint32_t n = 0;
    switch (mt_ir_info(ins)->shape) {
    case MT_SHAPE_ABC: ops[n++] = ins->c; /* fall through */
    case MT_SHAPE_AB:
    case MT_SHAPE_ABK: ops[n++] = ins->b; /* fall through */
    case MT_SHAPE_A:
    case MT_SHAPE_AK: ops[n++] = ins->a; break;
    default: break;
    }
    return n;
}

/* The value operand of a store. */
static inline mt_ref mt_ir_stored_value(const mt_ins *ins)
{
    return ins->op == MT_IR_STORE_U8 ? ins->c : ins->b;
}

static inline bool mt_ir_is_sunk_new(const mt_trace *t, mt_ref r)
{
    return t->ins[r].op == MT_IR_NEW && (t->ins[r].flags & MT_INSF_SUNK);
}

/* A sunk store into an object that exists: a delayed frame store. */
static inline bool mt_ir_is_delayed_store(const mt_trace *t, mt_ref r)
{
    const mt_ins *ins = &t->ins[r];
    return (ins->flags & MT_INSF_SUNK) && ins->op != MT_IR_NEW && t->ins[ins->a].op != MT_IR_NEW;
}

/* The ref whose value is a guard's exit value for the virtual-list entry
 * `r`: none (0) for a NEW, the stored value for a sunk store, the object
 * itself for an object a pending store writes into. */
static inline mt_ref mt_ir_virtual_value(const mt_trace *t, mt_ref r)
{
    const mt_ins *ins = &t->ins[r];
    if (ins->op == MT_IR_NEW)
        return 0;
    return (ins->flags & MT_INSF_SUNK) ? mt_ir_stored_value(ins) : r;
}

/* Whether deopt at snapshot `s` builds nothing: its virtual list is only
 * delayed stores (of values that are no virtual objects) and the objects
 * they write into.  Native code then makes those stores itself (word
 * stores: only those can be frame accesses) instead of calling
 * mt_jit_materialize. */
static inline bool mt_snapshot_only_stores(const mt_trace *t, const mt_snapshot *s)
{
    for (uint32_t i = 0; i < s->nvirt; i++) {
        const mt_ins *ins = &t->ins[t->pool[s->virt + i]];
        if (ins->op == MT_IR_NEW || ((ins->flags & MT_INSF_SUNK) && mt_ir_is_sunk_new(t, mt_ir_stored_value(ins))))
            return false;
    }
    return true;
}

/* Set the pending list of snapshot `snap`. */
void mt_ir_snapshot_pending(mt_trace *t, uint32_t snap, const mt_ref *stores, uint32_t n);
/* Fill in every snapshot's virtual list from the sunk instructions. */
void mt_ir_snapshot_virtuals(mt_trace *t);

/* Text form, one instruction per line; mt_ir_parse reads what mt_ir_print
 * writes.  On a parse error returns false with "line N: reason" in err. */
void mt_ir_print(const mt_trace *t, FILE *out);
bool mt_ir_parse(mt_trace *t, const char *text, char *err, size_t errsize);
/* Let CALLs in parsed traces refer to `fn` by `name`. */
void mt_ir_register_call(const char *name, void *fn);
/* Check the invariants every pass must keep (operands defined before use,
 * operand types, guards with snapshots, a JUMP with one arg per input). */
bool mt_ir_verify(const mt_trace *t, char *err, size_t errsize);

#endif
