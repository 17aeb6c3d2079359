/* mt_opt_heap.c — the heap cache: a load of a location whose content the
 * trace already knows (it loaded or stored it, and nothing since may have
 * written it) becomes that value; a field of an object the trace
 * allocated and nothing wrote is zero (allocations are zeroed).
 *
 * Aliasing model (docs/api.md): a pointer is the start of an object; word
 * fields (LOAD/STORE_INT and _PTR) are eight bytes at a constant offset,
 * byte arrays (LOAD/STORE_U8) are indexed from the pointer.  Two refs may
 * be the same object unless one is an allocation of the trace and the
 * other was computed before it, or they are different constants.  Frame
 * accesses and other accesses never touch the same bytes.
 */
#include "config.h"

#include <string.h>

#include "mt_internal.h"
#include "mt_opt.h"

enum { HEAP_MAX = 1024 }; /* entries kept; the oldest half goes when full */

bool mt_opt_may_alias(const mt_trace *t, mt_ref p, mt_ref q)
{
    if (p == q)
        return true;
    const mt_ins *x = &t->ins[p], *y = &t->ins[q];
    if (x->op == MT_IR_CONST && y->op == MT_IR_CONST)
        return false;
    return !((x->op == MT_IR_NEW && q < p) || (y->op == MT_IR_NEW && p < q));
}

/* r as base + k (base 0 for a constant). */
static mt_ref split_index(const mt_trace *t, mt_ref r, int64_t *k)
{
    const mt_ins *ins = &t->ins[r];
    *k = 0;
    if (ins->op == MT_IR_CONST) {
        *k = ins->aux;
        return 0;
    }
    if (ins->op == MT_IR_ADD && t->ins[ins->b].op == MT_IR_CONST) {
        *k = t->ins[ins->b].aux;
        return ins->a;
    }
    return r;
}

static bool is_byte_access(const mt_ins *ins) { return ins->op == MT_IR_LOAD_U8 || ins->op == MT_IR_STORE_U8; }

static bool same_class(const mt_ins *a, const mt_ins *b)
{
    return !((a->flags ^ b->flags) & MT_INSF_FRAME);
}

bool mt_opt_overlap(const mt_trace *t, const mt_ins *a, const mt_ins *b)
{
    if (!same_class(a, b) || !mt_opt_may_alias(t, a->a, b->a))
        return false;
    bool abyte = is_byte_access(a), bbyte = is_byte_access(b);
    if (abyte && bbyte) {
        int64_t ka, kb;
        return !(a->a == b->a && split_index(t, a->b, &ka) == split_index(t, b->b, &kb) && ka != kb);
    }
    return abyte || bbyte || (a->aux - b->aux < 8 && b->aux - a->aux < 8);
}

bool mt_opt_same_place(const mt_ins *a, const mt_ins *b)
{
    if (a->a != b->a || !same_class(a, b) || is_byte_access(a) != is_byte_access(b))
        return false;
    return is_byte_access(a) ? a->b == b->b : a->aux == b->aux;
}

/* The entry that knows what `load` gives (every entry holds at once).  A
 * fresh object answers for a field only if nothing stored since overlaps
 * it in another shape. */
static mt_heap_entry *find(mt_opt *o, const mt_ins *load)
{
    const mt_trace *t = o->out;
    bool overlapped = false;
    for (uint32_t i = o->nheap; i-- > 0;) {
        mt_heap_entry *e = &o->heap[i];
        if (e->kind == MT_HEAP_FRESH) {
            if (e->at == load->a && !overlapped)
                return e;
            continue;
        }
        const mt_ins *at = &t->ins[e->at];
        if (mt_opt_same_place(at, load))
            return e;
        overlapped |= at->a == load->a && mt_opt_overlap(t, at, load);
    }
    return NULL;
}

mt_ref mt_opt_heap_load(mt_opt *o, const mt_ins *ins)
{
    const mt_trace *t = o->out;
    mt_heap_entry *e = find(o, ins);
    if (!e)
        return 0;
    switch (e->kind) {
    case MT_HEAP_FRESH:
        return mt_opt_const(o, (mt_irtype)ins->type, 0);
    case MT_HEAP_BYTE_UNMASKED: /* a stored word reads back as its low byte */
        e->value = mt_opt_emit_pure(o, MT_IR_AND, MT_TYPE_INT, e->value, mt_opt_const(o, MT_TYPE_INT, 0xff));
        e->kind = MT_HEAP_KNOWN;
        return e->value;
    default: /* an int and a pointer are one word: either reads back as the other */
        return t->ins[e->value].type != MT_TYPE_VOID ? e->value : 0;
    }
}

static void add(mt_opt *o, uint8_t kind, mt_ref at, mt_ref value)
{
    if (o->nheap == HEAP_MAX) {
        memmove(o->heap, o->heap + HEAP_MAX / 2, (HEAP_MAX / 2) * sizeof *o->heap);
        o->nheap = HEAP_MAX / 2;
    }
    MT_RESERVE(o->heap, o->maxheap, o->nheap + 1);
    o->heap[o->nheap++] = (mt_heap_entry){kind, at, value};
}

/* Forget what the store `st` may overwrite.  A fresh object that loses
 * an entry is fresh no more: what the lost entry knew is unknown now. */
static void kill(mt_opt *o, mt_ref st)
{
    const mt_trace *t = o->out;
    mt_ref obj = t->ins[st].a;
    mt_ref *spoilt = NULL;
    uint32_t nspoilt = 0, maxspoilt = 0, n = 0;
    for (uint32_t i = 0; i < o->nheap; i++) {
        const mt_heap_entry *e = &o->heap[i];
        bool gone;
        if (e->kind == MT_HEAP_FRESH) {
            gone = e->at != obj && mt_opt_may_alias(t, e->at, obj);
        } else {
            gone = mt_opt_overlap(t, &t->ins[e->at], &t->ins[st]);
            if (gone) {
                MT_RESERVE(spoilt, maxspoilt, nspoilt + 1);
                spoilt[nspoilt++] = t->ins[e->at].a;
            }
        }
        if (!gone)
            o->heap[n++] = *e;
    }
    o->nheap = n;
    n = 0;
    for (uint32_t i = 0; i < o->nheap; i++) {
        const mt_heap_entry *e = &o->heap[i];
        bool gone = false;
        for (uint32_t j = 0; j < nspoilt && e->kind == MT_HEAP_FRESH && !gone; j++)
            gone = spoilt[j] == e->at;
        if (!gone)
            o->heap[n++] = *e;
    }
    o->nheap = n;
}

static bool known_byte(const mt_trace *t, mt_ref r)
{
    const mt_ins *ins = &t->ins[r];
    return ins->op == MT_IR_LOAD_U8 || (ins->op == MT_IR_CONST && (uint64_t)ins->aux <= 0xff) ||
           (ins->op == MT_IR_AND && t->ins[ins->b].op == MT_IR_CONST &&
            (uint64_t)t->ins[ins->b].aux <= 0xff);
}

void mt_opt_heap_note(mt_opt *o, mt_ref ref)
{
    const mt_trace *t = o->out;
    const mt_ins *ins = &t->ins[ref];
    switch (ins->op) {
    case MT_IR_LOAD_INT:
    case MT_IR_LOAD_PTR:
    case MT_IR_LOAD_U8:
        if (!(ins->flags & MT_INSF_VOLATILE)) /* the next one may read something else */
            add(o, MT_HEAP_KNOWN, ref, ref);
        break;
    case MT_IR_STORE_INT:
    case MT_IR_STORE_PTR:
        kill(o, ref);
        add(o, MT_HEAP_KNOWN, ref, ins->b);
        break;
    case MT_IR_STORE_U8:
        kill(o, ref);
        add(o, known_byte(t, ins->c) ? MT_HEAP_KNOWN : MT_HEAP_BYTE_UNMASKED, ref, ins->c);
        break;
    case MT_IR_CALL:
        if (t->calls[ins->a].effects & MT_EFFECT_WRITES_HEAP)
            o->nheap = 0;
        break;
    case MT_IR_NEW:
        add(o, MT_HEAP_FRESH, ref, 0);
        break;
    default:
        break;
    }
}
