/* test_eval.c — the reference evaluator for traces (test_eval.h): run a
 * trace over checked memory, build the virtual objects of the exit it left
 * by as deopt would (mt_jit_materialize), and describe the result. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt.h"
#include "mt_ir.h"
#include "test_eval.h"

enum { MAX_INPUTS = 16, MAX_CALL_ARGS = 4, MAX_LOGGED_CALLS = 256 };

/* ---- the objects a run allocates ----------------------------------------- */

/* NEW takes objects from the start of the arena in every run.  They are
 * kept in address order, so the one an address falls in is found by a
 * binary search. */
enum { ARENA_SIZE = 1 << 16, MAX_FRESH = ARENA_SIZE / 16 };
static _Alignas(16) uint8_t arena[ARENA_SIZE];
static size_t arena_used;
static eval_object fresh[MAX_FRESH];
static uint32_t nfresh;

/* A call with effects the interpreter could notice (I/O, heap writes):
 * the description lists them, in order. */
typedef struct logged_call {
    const mt_callinfo *ci;
    mt_ref args[MAX_CALL_ARGS]; /* for their types */
    int64_t values[MAX_CALL_ARGS];
    uint32_t nargs;
    int64_t result;
} logged_call;

/* An object of the exit's virtual list: a sunk one built for the exit, or
 * one a pending store writes into. */
typedef struct virtual_object {
    mt_ref new;
    int64_t pointer;
} virtual_object;

typedef struct run {
    const mt_trace *t;
    eval_heap *heap;
    eval_result *res;
    int64_t *v;       /* the value of each ref */
    mt_ref at;        /* the instruction running, then the one the run left by */
    char fault[200];  /* why, for EVAL_FAULT */
    logged_call calls[MAX_LOGGED_CALLS];
    uint32_t ncalls;  /* also counts those past MAX_LOGGED_CALLS */
    virtual_object *virtuals;
    uint32_t nvirtuals;
} run;

static bool fail(run *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool fail(run *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->fault, sizeof r->fault, fmt, ap);
    va_end(ap);
    r->res->how = EVAL_FAULT;
    return false;
}

/* ---- memory -------------------------------------------------------------- */

static bool within(const eval_object *o, uint64_t addr, uint64_t n)
{
    uint64_t base = (uintptr_t)o->base;
    return addr >= base && n <= o->size && addr - base <= o->size - n;
}

/* The arena object with the greatest base at or below addr, or NULL. */
static eval_object *fresh_below(uint64_t addr)
{
    uint32_t lo = 0, hi = nfresh;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if ((uintptr_t)fresh[mid].base <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? &fresh[lo - 1] : NULL;
}

/* The object the n bytes at addr lie in, or NULL. */
static eval_object *object_at(const run *r, uint64_t addr, uint64_t n)
{
    for (uint32_t i = 0; i < r->heap->nobjects; i++)
        if (within(&r->heap->objects[i], addr, n))
            return &r->heap->objects[i];
    eval_object *o = fresh_below(addr);
    return o && within(o, addr, n) ? o : NULL;
}

/* Which of the heap's objects starts at p (a pointer value), or -1. */
static int heap_object_of(const eval_heap *heap, int64_t p)
{
    for (uint32_t i = 0; i < heap->nobjects; i++)
        if ((uintptr_t)heap->objects[i].base == (uint64_t)p)
            return (int)i;
    return -1;
}

/* The arena object that starts at p, or NULL. */
static eval_object *fresh_object_of(int64_t p)
{
    eval_object *o = fresh_below((uint64_t)p);
    return o && (uintptr_t)o->base == (uint64_t)p ? o : NULL;
}

static bool is_object(const run *r, int64_t p)
{
    return heap_object_of(r->heap, p) >= 0 || fresh_object_of(p);
}

static bool load(run *r, uint64_t addr, unsigned n, int64_t *value)
{
    const eval_object *o = object_at(r, addr, n);
    if (!o)
        return fail(r, "a %u-byte load at %#llx, outside every object", n, (unsigned long long)addr);
    const uint8_t *p = o->base + (addr - (uintptr_t)o->base);
    if (n == 1)
        *value = *p;
    else
        memcpy(value, p, sizeof *value);
    return true;
}

/* Store n bytes (1 or 8); a pointer store marks its word as a pointer,
 * any other store unmarks the words it touches. */
static bool store(run *r, uint64_t addr, unsigned n, int64_t value, bool pointer)
{
    eval_object *o = object_at(r, addr, n);
    if (!o)
        return fail(r, "a %u-byte store at %#llx, outside every object", n, (unsigned long long)addr);
    uint64_t offset = addr - (uintptr_t)o->base;
    if (pointer && offset % 8)
        return fail(r, "a pointer stored at offset %llu, which is not a word", (unsigned long long)offset);
    if (n == 1)
        o->base[offset] = (uint8_t)value;
    else
        memcpy(o->base + offset, &value, sizeof value);
    for (uint64_t word = offset / 8; word <= (offset + n - 1) / 8; word++)
        o->pointers &= ~(UINT64_C(1) << word);
    if (pointer)
        o->pointers |= UINT64_C(1) << (offset / 8);
    return true;
}

static bool allocate(run *r, int64_t size, int64_t *pointer)
{
    if (size < 0 || size > EVAL_MAX_OBJECT_SIZE)
        return fail(r, "new %lld: not a size the evaluator handles", (long long)size);
    size_t rounded = size ? ((size_t)size + 15) & ~(size_t)15 : 16; /* distinct addresses */
    if (arena_used + rounded > ARENA_SIZE || nfresh == MAX_FRESH)
        return fail(r, "the evaluator's arena is full");
    eval_object *o = &fresh[nfresh++];
    *o = (eval_object){arena + arena_used, (uint32_t)size, 0};
    memset(o->base, 0, rounded);
    arena_used += rounded;
    *pointer = (int64_t)(intptr_t)o->base;
    return true;
}

/* ---- running ------------------------------------------------------------- */

static bool call(run *r, const mt_ins *ins, int64_t *result)
{
    const mt_trace *t = r->t;
    const mt_callinfo *ci = &t->calls[ins->a];
    if (!ci->fn)
        return fail(r, "a call to %s, which is not registered", ci->name);
    if (ins->b > MAX_CALL_ARGS)
        return fail(r, "a call with %u arguments", ins->b);
    logged_call c = {.ci = ci, .nargs = ins->b};
    for (uint32_t i = 0; i < ins->b; i++) {
        c.args[i] = t->pool[ins->aux + i];
        c.values[i] = r->v[c.args[i]];
        if (t->ins[c.args[i]].type == MT_TYPE_PTR && !is_object(r, c.values[i]))
            return fail(r, "%s gets a pointer that is not an object", ci->name);
    }
    *result = mt_ir_call(ci, c.values, c.nargs);
    c.result = *result;
    if (ci->effects & (MT_EFFECT_IO | MT_EFFECT_WRITES_HEAP)) {
        if (r->ncalls < MAX_LOGGED_CALLS)
            r->calls[r->ncalls] = c;
        r->ncalls++;
    }
    return true;
}

static const int64_t *virtual_pointer(const run *r, mt_ref new)
{
    for (uint32_t i = 0; i < r->nvirtuals; i++)
        if (r->virtuals[i].new == new)
            return &r->virtuals[i].pointer;
    return NULL;
}

/* Build the sunk objects of the snapshot the run leaves by: each NEW of
 * its virtual list, then the stores in order, as deopt does. */
static bool materialize(run *r, const mt_snapshot *s)
{
    const mt_trace *t = r->t;
    r->virtuals = calloc(s->nvirt + 1, sizeof *r->virtuals);
    for (uint32_t i = 0; i < s->nvirt; i++) {
        mt_ref e = t->pool[s->virt + i];
        const mt_ins *ins = &t->ins[e];
        if (ins->op == MT_IR_NEW) {
            virtual_object *o = &r->virtuals[r->nvirtuals++];
            o->new = e;
            if (!allocate(r, ins->aux, &o->pointer))
                return false;
            r->res->materialized++;
            continue;
        }
        if (!(ins->flags & MT_INSF_SUNK)) { /* an object a pending store writes into */
            virtual_object *o = &r->virtuals[r->nvirtuals++];
            o->new = e;
            o->pointer = r->v[e];
            continue;
        }
        const int64_t *object = virtual_pointer(r, ins->a);
        if (!object)
            return fail(r, "the virtual list stores into %%%u before it builds it", ins->a);
        r->res->pending += !mt_ir_is_sunk_new(t, ins->a);
        mt_ref stored = mt_ir_stored_value(ins);
        const int64_t *inner = mt_ir_is_sunk_new(t, stored) ? virtual_pointer(r, stored) : &r->v[stored];
        if (!inner)
            return fail(r, "the virtual list stores %%%u before it builds it", stored);
        uint64_t addr = (uint64_t)*object;
        if (ins->op == MT_IR_STORE_U8) {
            if (t->ins[ins->b].op != MT_IR_CONST)
                return fail(r, "a sunk store_u8 at an index that is not a constant");
            if (!store(r, addr + (uint64_t)t->ins[ins->b].aux, 1, *inner, false))
                return false;
        } else if (!store(r, addr + (uint64_t)ins->aux, 8, *inner, ins->op == MT_IR_STORE_PTR)) {
            return false;
        }
    }
    for (uint32_t i = 0; i < s->nreds + s->nreplay; i++) {
        mt_ref ref = mt_snapshot_ref(t, s, i);
        if (ref && mt_ir_is_sunk_new(t, ref) && !virtual_pointer(r, ref))
            return fail(r, "the exit names the sunk %%%u, which its virtual list does not build", ref);
    }
    return true;
}

static void leave_by_guard(run *r, const mt_ins *guard)
{
    r->res->how = EVAL_GUARD;
    materialize(r, &r->t->snaps[guard->snap]);
}

static bool guard_holds(const mt_ins *ins, const int64_t *v)
{
    switch (ins->op) {
    case MT_IR_GUARD_TRUE: return v[ins->a] != 0;
    case MT_IR_GUARD_FALSE: return v[ins->a] == 0;
    case MT_IR_GUARD_VALUE: return v[ins->a] == v[ins->b];
    default: return false; /* exit */
    }
}

/* Count an iteration; false (still looping) if there were enough. */
static bool next_iteration(run *r, unsigned max_iterations)
{
    if (r->res->iterations == max_iterations) {
        r->res->how = EVAL_LOOPING;
        return false;
    }
    r->res->iterations++;
    return true;
}

/* Run until the trace is left; res->how and r->at say how and where. */
static void execute(run *r, const int64_t *inputs, unsigned max_iterations)
{
    const mt_trace *t = r->t;
    int64_t *v = r->v;
    int64_t in[MAX_INPUTS];
    if (t->ninputs > MAX_INPUTS) {
        fail(r, "%u inputs", t->ninputs);
        return;
    }
    for (uint32_t i = 0; i < r->heap->nobjects; i++)
        if (r->heap->objects[i].size > EVAL_MAX_OBJECT_SIZE) {
            fail(r, "in%u is larger than the evaluator handles", i);
            return;
        }
    memcpy(in, inputs, t->ninputs * sizeof *in);
    for (mt_ref ref = 1; ref < t->nins; ref++) {
        const mt_ins *ins = &t->ins[ref];
        r->at = ref;
        if (ins->flags & MT_INSF_SUNK)
            continue;
        switch ((mt_irop)ins->op) {
        case MT_IR_NOP:
        case MT_IR_GUARD_NOT_INVALIDATED: /* nothing a trace assumes changes in a test */
            break;
        case MT_IR_LABEL: /* the end of the preamble: the first iteration's jump */
            if (!next_iteration(r, max_iterations))
                return;
            break;
        case MT_IR_CONST: v[ref] = ins->aux; break;
        case MT_IR_INPUT: v[ref] = in[ins->aux]; break;
        case MT_IR_LOAD_U8:
            if (!load(r, (uint64_t)v[ins->a] + (uint64_t)v[ins->b], 1, &v[ref]))
                return;
            break;
        case MT_IR_LOAD_INT:
        case MT_IR_LOAD_PTR:
            if (!load(r, (uint64_t)v[ins->a] + (uint64_t)ins->aux, 8, &v[ref]))
                return;
            break;
        case MT_IR_STORE_U8:
            if (!store(r, (uint64_t)v[ins->a] + (uint64_t)v[ins->b], 1, v[ins->c], false))
                return;
            break;
        case MT_IR_STORE_INT:
        case MT_IR_STORE_PTR:
            if (!store(r, (uint64_t)v[ins->a] + (uint64_t)ins->aux, 8, v[ins->b], ins->op == MT_IR_STORE_PTR))
                return;
            break;
        case MT_IR_GUARD_TRUE:
        case MT_IR_GUARD_FALSE:
        case MT_IR_GUARD_VALUE:
        case MT_IR_EXIT:
            if (!guard_holds(ins, v)) {
                leave_by_guard(r, ins);
                return;
            }
            break;
        case MT_IR_CALL:
            if (!call(r, ins, &v[ref]))
                return;
            break;
        case MT_IR_NEW:
            if (!allocate(r, ins->aux, &v[ref]))
                return;
            break;
        case MT_IR_JUMP: {
            if (ins->c) {
                r->res->how = EVAL_JUMP;
                return;
            }
            if (ins->b > MAX_INPUTS) {
                fail(r, "a jump with %u arguments", ins->b);
                return;
            }
            if (!next_iteration(r, max_iterations))
                return;
            int64_t args[MAX_INPUTS];
            for (uint32_t i = 0; i < ins->b; i++) /* all read before any is assigned */
                args[i] = v[t->pool[ins->aux + i]];
            if (t->label) { /* the label's values take their next values */
                const mt_ins *label = &t->ins[t->label];
                for (uint32_t i = 0; i < ins->b; i++)
                    v[t->pool[label->aux + i]] = args[i];
                ref = t->label; /* the loop goes on after it */
            } else { /* the inputs do */
                memcpy(in, args, ins->b * sizeof *args);
                ref = 0;
            }
            break;
        }
        default:
            if (!mt_ir_is_arith((mt_irop)ins->op)) {
                fail(r, "the evaluator does not know %s", mt_ir_info(ins)->name);
                return;
            }
            if (!mt_ir_eval((mt_irop)ins->op, v[ins->a], v[ins->b], &v[ref])) {
                leave_by_guard(r, ins); /* an _ov op that overflows */
                return;
            }
            break;
        }
    }
    fail(r, "ran off the end of the trace");
}

/* ---- describing ---------------------------------------------------------- */

/* Objects the trace allocated are named new1, new2, ... in the order the
 * description first reaches them.  Every value is written with a space
 * in front. */
typedef struct describer {
    const run *r;
    FILE *out;
    uint32_t *name;  /* arena object index -> its number, 0 until reached */
    uint32_t *queue; /* arena object indices in the order they were named */
    uint32_t nqueue;
} describer;

static void put_pointer(describer *d, int64_t p)
{
    int in = heap_object_of(d->r->heap, p);
    const eval_object *o = fresh_object_of(p);
    if (p == 0) {
        fputs(" 0", d->out);
    } else if (in >= 0) {
        fprintf(d->out, " &in%d", in);
    } else if (o) {
        uint32_t k = (uint32_t)(o - fresh);
        if (!d->name[k]) {
            d->queue[d->nqueue++] = k;
            d->name[k] = d->nqueue;
        }
        fprintf(d->out, " &new%u", d->name[k]);
    } else {
        fprintf(d->out, " ?%#llx", (unsigned long long)p); /* not the start of an object */
    }
}

/* A value of the trace: `_` for a step without one. */
static void put_value(describer *d, mt_ref ref, int64_t value)
{
    const mt_trace *t = d->r->t;
    if (!ref || t->ins[ref].type == MT_TYPE_VOID)
        fputs(" _", d->out);
    else if (t->ins[ref].type == MT_TYPE_PTR)
        put_pointer(d, value);
    else
        fprintf(d->out, " %lld", (long long)value);
}

/* The values of a snapshot's refs, sunk objects as built for the exit. */
static void put_exit_values(describer *d, uint32_t first, uint32_t n)
{
    const run *r = d->r;
    for (uint32_t i = 0; i < n; i++) {
        mt_ref ref = r->t->pool[first + i];
        const int64_t *value = ref && mt_ir_is_sunk_new(r->t, ref) ? virtual_pointer(r, ref) : &r->v[ref];
        put_value(d, ref, *value);
    }
}

static void put_object(describer *d, const eval_object *o)
{
    bool looping = d->r->res->how == EVAL_LOOPING;
    for (uint32_t at = 0; at < o->size; at += 8) {
        int64_t word = 0;
        memcpy(&word, o->base + at, o->size - at < 8 ? o->size - at : 8);
        if (looping && (d->r->heap->frame_words & (UINT64_C(1) << (at / 8))))
            fputs(" -", d->out);
        else if (o->pointers & (UINT64_C(1) << (at / 8)))
            put_pointer(d, word);
        else
            fprintf(d->out, " %lld", (long long)word);
    }
    fputc('\n', d->out);
}

static void put_exit(describer *d)
{
    const run *r = d->r;
    const mt_trace *t = r->t;
    const mt_ins *ins = &t->ins[r->at];
    FILE *out = d->out;
    switch (r->res->how) {
    case EVAL_GUARD: {
        const mt_snapshot *s = &t->snaps[ins->snap];
        fputs("left by guard [", out);
        for (uint32_t i = 0; i < s->ngreens; i++)
            fprintf(out, " %lld", (long long)t->words[s->greens + i]);
        fputs(" |", out);
        put_exit_values(d, s->reds, s->nreds);
        fputs(" |", out);
        put_exit_values(d, s->replay, s->nreplay);
        fputs(" ]", out);
        break;
    }
    case EVAL_JUMP:
        fprintf(out, "left by jump T%u (", ins->c);
        for (uint32_t i = 0; i < ins->b; i++)
            put_value(d, t->pool[ins->aux + i], r->v[t->pool[ins->aux + i]]);
        fputs(" )", out);
        break;
    case EVAL_LOOPING: fputs("still looping", out); break;
    case EVAL_FAULT: fprintf(out, "fault at %%%u: %s", r->at, r->fault); break;
    }
    fprintf(out, " after %u iterations\n", r->res->iterations);
}

static bool same_call(const logged_call *a, const logged_call *b)
{
    return a->ci == b->ci && a->nargs == b->nargs && a->result == b->result &&
           !memcmp(a->values, b->values, a->nargs * sizeof *a->values);
}

/* The calls, a run of equal ones (a loop's) as one line. */
static void put_calls(describer *d)
{
    const run *r = d->r;
    uint32_t n = r->ncalls < MAX_LOGGED_CALLS ? r->ncalls : MAX_LOGGED_CALLS;
    for (uint32_t i = 0, times; i < n; i += times) {
        const logged_call *c = &r->calls[i];
        for (times = 1; i + times < n && same_call(c, &r->calls[i + times]);)
            times++;
        fprintf(d->out, "call %s (", c->ci->name);
        for (uint32_t k = 0; k < c->nargs; k++)
            put_value(d, c->args[k], c->values[k]);
        fprintf(d->out, " ) = %lld", (long long)c->result);
        fprintf(d->out, times > 1 ? ", %u times\n" : "\n", times);
    }
    if (r->ncalls > MAX_LOGGED_CALLS)
        fprintf(d->out, "%u calls in all\n", r->ncalls);
}

/* Everything the run left that the interpreter could see. */
static char *describe(const run *r)
{
    char *text = NULL;
    size_t size = 0;
    describer d = {.r = r, .out = open_memstream(&text, &size)};
    d.name = calloc(nfresh + 1, sizeof *d.name);
    d.queue = calloc(nfresh + 1, sizeof *d.queue);
    put_exit(&d);
    put_calls(&d);
    for (uint32_t i = 0; i < r->heap->nobjects; i++) {
        fprintf(d.out, "in%u:", i);
        put_object(&d, &r->heap->objects[i]);
    }
    for (uint32_t i = 0; i < d.nqueue; i++) { /* the queue grows as objects point to more */
        fprintf(d.out, "new%u:", i + 1);
        put_object(&d, &fresh[d.queue[i]]);
    }
    fclose(d.out);
    free(d.name);
    free(d.queue);
    return text;
}

void eval_run(const mt_trace *t, const int64_t *inputs, eval_heap *heap, unsigned max_iterations,
              eval_result *res)
{
    run *r = calloc(1, sizeof *r); /* the call log is large for the stack */
    r->t = t;
    r->heap = heap;
    r->res = res;
    r->v = calloc(t->nins, sizeof *r->v);
    memset(res, 0, sizeof *res);
    arena_used = 0;
    nfresh = 0;
    execute(r, inputs, max_iterations);
    res->at = r->at;
    res->text = describe(r);
    free(r->v);
    free(r->virtuals);
    free(r);
}
