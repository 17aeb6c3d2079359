/* test_opt_random.c — the optimizer against the reference evaluator, on
 * random traces.
 *
 * Each seed makes one random loop trace in the text form: two pointers to
 * small objects, a counter and a few integers come in; arithmetic,
 * comparisons, guards, word and byte loads and stores, allocations (which
 * the optimizer may sink), calls that write the heap and calls that do not
 * follow; a jump back to the start (the optimizer peels the loop) or to
 * another trace ends it.  The trace runs as written and as optimized from
 * the same inputs and memory, a few times from different starting points,
 * and both runs must leave it the same way: by the same guard with the
 * same exit values and the same objects behind them, or by the same jump,
 * or still looping, after the same number of iterations, with the same
 * calls made and the same memory (test_eval.h).  A difference is an
 * optimizer bug: the failure names the seed and prints both traces, small
 * enough to become a test in test_opt.c.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "mt.h"
#include "mt_ir.h"
#include "mt_opt.h"
#include "test_eval.h"
#include "test_util.h"

enum {
    SEEDS = 5000,       /* traces: seeds 1 .. SEEDS */
    RUNS_PER_TRACE = 3, /* starting points each trace runs from */
    MAX_STEPS = 24,     /* operations in a trace's body, besides the loop's own */
    MAX_ITERATIONS = 40,
};

/* Every object, the test's and those the trace allocates, is four words
 * of integers (bytes 0..31, which byte accesses index too), a pointer
 * field, and two integer frame fields, which only frame accesses touch
 * (as the frame contract in docs/api.md requires).  Pointers live only in
 * the pointer field, so an integer load never reads one: an address is
 * not a value two runs could agree on. */
enum { INT_BYTES = 32, POINTER_FIELD = 32, FRAME_FIELDS = 40, NFRAME_FIELDS = 2,
       OBJECT_SIZE = FRAME_FIELDS + 8 * NFRAME_FIELDS, NOBJECTS = 3 };
static _Alignas(8) uint8_t objects[NOBJECTS][OBJECT_SIZE];

/* Input slots.  `base` is the first object in every iteration (the loop
 * passes it on unchanged), and its pointer field always holds an object:
 * the trace may load a pointer from it and use that. */
enum { SLOT_BASE, SLOT_OTHER, SLOT_COUNTER, SLOT_FIRST_INT, MAX_INT_SLOTS = 3,
       MAX_SLOTS = SLOT_FIRST_INT + MAX_INT_SLOTS };

/* ---- the callees --------------------------------------------------------- */

/* Declared effects=writes: stores x into one of the integer words of the
 * first object, which one depending on x. */
static int64_t poke(int64_t x)
{
    memcpy(objects[0] + 8 * ((uint64_t)x % 4), &x, sizeof x);
    return x ^ 5;
}

/* Declared with no effects, effects=reads, effects=io or effects=elidable:
 * touches no memory. */
static int64_t mix(int64_t x) { return (int64_t)((uint64_t)x * 3 + 1); }

/* Declared effects=reads: the first word of an object. */
static int64_t peek(int64_t object)
{
    int64_t word;
    memcpy(&word, (const void *)(intptr_t)object, sizeof word);
    return word;
}

/* Declared effects=reads: the first frame field of an object (a residual
 * call may read frames: the stores into them must be done before). */
static int64_t peek_frame(int64_t object)
{
    int64_t word;
    memcpy(&word, (const uint8_t *)(intptr_t)object + FRAME_FIELDS, sizeof word);
    return word;
}

static void setup(void)
{
    start_framework();
    mt_jit_options()->optimize = true;
    mt_ir_register_call("poke", (void *)poke);
    mt_ir_register_call("mix", (void *)mix);
    mt_ir_register_call("peek", (void *)peek);
    mt_ir_register_call("peek_frame", (void *)peek_frame);
}

TestSuite(opt_random, .init = setup);

/* ---- random numbers ------------------------------------------------------ */

static bool one_in(rng *r, uint32_t n) { return below(r, n) == 0; }

/* Small numbers mostly, and the edges where folding and _ov ops differ. */
static int64_t interesting_number(rng *r)
{
    static const int64_t small[] = {0, 1, -1, 2, 3, 5, 7, 8, 15, 31, 32, 63, 64, 255, 256, 300, -1000};
    static const int64_t edges[] = {INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1, INT64_C(1) << 32};
    if (one_in(r, 10))
        return edges[below(r, sizeof edges / sizeof edges[0])];
    return small[below(r, sizeof small / sizeof small[0])];
}

/* ---- the trace generator ------------------------------------------------- */

enum { MAX_VALUES = 256 };

/* Labels of values the trace has defined, by what they may be used for. */
typedef struct value_list {
    uint32_t label[MAX_VALUES];
    uint32_t n;
} value_list;

typedef struct gen {
    rng *rng;
    FILE *out;
    uint32_t nlabels; /* %1 .. %nlabels are defined */
    uint32_t nguards; /* each guard gets a green of its own */
    value_list ints;
    value_list indexes;  /* ints in 0 .. INT_BYTES-1: byte indexes */
    value_list pointers; /* every one the start of an object */
    value_list news;
    value_list linked;   /* pointers whose pointer field holds an object */
    uint32_t slot_label[MAX_SLOTS];
    uint32_t nint_slots;
    uint64_t turned;    /* guards (by number) to turn around: see make_trace */
    uint64_t turnable;  /* guards that are guard_true or guard_false */
} gen;

static void add(value_list *l, uint32_t label)
{
    if (l->n == MAX_VALUES)
        cr_assert_fail("the generator made more than %d values of a kind", MAX_VALUES);
    l->label[l->n++] = label;
}

static bool contains(const value_list *l, uint32_t label)
{
    for (uint32_t i = 0; i < l->n; i++)
        if (l->label[i] == label)
            return true;
    return false;
}

/* A value of the list, mostly one of the last few: traces compute on
 * what they have just computed, as real ones do, and a value used is one
 * whose mistakes can show. */
static uint32_t pick(gen *g, const value_list *l)
{
    uint32_t n = l->n;
    if (!one_in(g->rng, 3))
        return l->label[n - 1 - below(g->rng, n < 3 ? n : 3)];
    return l->label[below(g->rng, n)];
}

/* Start a line that defines the next label; returns the label. */
static uint32_t define(gen *g)
{
    fprintf(g->out, "%%%u = ", ++g->nlabels);
    return g->nlabels;
}

static uint32_t constant(gen *g, int64_t value)
{
    uint32_t k = define(g);
    fprintf(g->out, "const.int %lld\n", (long long)value);
    add(&g->ints, k);
    return k;
}

/* An operand: a value so far, or now and then a new constant (which gives
 * the folding rules something to do).  Call it before define(): a
 * constant is a line of its own. */
static uint32_t int_operand(gen *g)
{
    return one_in(g->rng, 4) ? constant(g, interesting_number(g->rng)) : pick(g, &g->ints);
}

static uint32_t int_result(gen *g)
{
    uint32_t r = define(g);
    add(&g->ints, r);
    return r;
}

/* A pointer a snapshot names: allocations are the interesting ones, they
 * may be sunk and then built by deopt. */
static uint32_t snapshot_pointer(gen *g)
{
    return g->news.n && one_in(g->rng, 2) ? pick(g, &g->news) : pick(g, &g->pointers);
}

/* Ends a guard's line: " [green | reds | replay]". */
static void snapshot(gen *g)
{
    fprintf(g->out, " [%u |", ++g->nguards);
    if (one_in(g->rng, 2))
        fprintf(g->out, " %%%u", g->ints.label[g->ints.n - 1]);
    for (uint32_t n = below(g->rng, 4); n > 0; n--)
        fprintf(g->out, " %%%u", one_in(g->rng, 3) ? snapshot_pointer(g) : pick(g, &g->ints));
    fputs(" |", g->out);
    for (uint32_t n = one_in(g->rng, 4) ? 1 + below(g->rng, 2) : 0; n > 0; n--)
        fprintf(g->out, " %%%u", pick(g, &g->ints));
    fputs(" ]\n", g->out);
}

/* Which way round the next guard tests: at random, but the other way if
 * make_trace found it failing. */
static bool sense(gen *g)
{
    uint32_t guard = g->nguards + 1; /* the number snapshot() gives it */
    bool way = one_in(g->rng, 2);
    if (guard < 64) {
        g->turnable |= UINT64_C(1) << guard;
        way ^= (g->turned >> guard) & 1;
    }
    return way;
}

/* A word offset: mostly aligned, sometimes overlapping two words. */
static int word_offset(gen *g)
{
    return one_in(g->rng, 8) ? 4 + 8 * (int)below(g->rng, 3) : 8 * (int)below(g->rng, 4);
}

/* A byte index into the integer bytes of an object: a constant, a value
 * masked into range, or that plus a constant (indexes x+k1 and x+k2 are
 * the ones the heap cache tells apart). */
static uint32_t byte_index(gen *g)
{
    uint32_t x, mask, masked, k, index;
    switch (below(g->rng, 4)) {
    case 0:
        return constant(g, below(g->rng, INT_BYTES));
    case 1:
        if (g->indexes.n)
            return pick(g, &g->indexes);
        /* fall through */
    case 2:
        x = pick(g, &g->ints);
        mask = constant(g, INT_BYTES - 1);
        index = int_result(g);
        fprintf(g->out, "and %%%u, %%%u\n", x, mask);
        break;
    default:
        x = pick(g, &g->ints);
        mask = constant(g, INT_BYTES / 2 - 1);
        masked = int_result(g);
        fprintf(g->out, "and %%%u, %%%u\n", x, mask);
        add(&g->indexes, masked);
        k = constant(g, below(g->rng, INT_BYTES / 2 + 1));
        index = int_result(g);
        fprintf(g->out, "add %%%u, %%%u\n", masked, k);
        break;
    }
    add(&g->indexes, index);
    return index;
}

/* ---- one step of a trace's body each ------------------------------------- */

static void arithmetic(gen *g)
{
    static const char *const ops[] = {"add", "sub", "mul", "and", "or", "xor", "shl",
                                      "shr", "sar", "eq", "ne", "lt", "le", "ult"};
    const char *op = ops[below(g->rng, sizeof ops / sizeof ops[0])];
    uint32_t a = int_operand(g);
    /* x op k half the time: the shape most folding rules look for */
    uint32_t b = one_in(g->rng, 2) ? constant(g, interesting_number(g->rng)) : int_operand(g);
    int_result(g);
    fprintf(g->out, "%s %%%u, %%%u\n", op, a, b);
}

static void negation(gen *g)
{
    uint32_t a = pick(g, &g->ints);
    int_result(g);
    fprintf(g->out, "neg %%%u\n", a);
}

static void overflow_check(gen *g)
{
    static const char *const ops[] = {"add_ov", "sub_ov", "mul_ov"};
    const char *op = ops[below(g->rng, 3)];
    uint32_t a = int_operand(g);
    uint32_t b = int_operand(g);
    uint32_t r = define(g);
    fprintf(g->out, "%s %%%u, %%%u", op, a, b);
    snapshot(g); /* before r is a value: the snapshot is the state before the op */
    add(&g->ints, r);
}

static void compare_and_guard(gen *g)
{
    static const char *const ops[] = {"eq", "ne", "lt", "le", "ult"};
    const char *op = ops[below(g->rng, sizeof ops / sizeof ops[0])];
    uint32_t a = pick(g, &g->ints);
    uint32_t b = int_operand(g);
    uint32_t cond = int_result(g);
    fprintf(g->out, "%s %%%u, %%%u\n", op, a, b);
    fprintf(g->out, "guard_%s %%%u", sense(g) ? "true" : "false", cond);
    snapshot(g);
}

static void guard_on_value(gen *g)
{
    uint32_t x = pick(g, &g->ints);
    switch (below(g->rng, 8)) {
    case 0: { /* x promoted to a constant: one that may well be x */
        uint32_t y = one_in(g->rng, 2) ? constant(g, (int64_t)below(g->rng, 5) - 1) : pick(g, &g->ints);
        fprintf(g->out, "guard_value %%%u, %%%u", x, y);
        break;
    }
    case 1:
    case 2: { /* a bit of x promoted: 0 or 1, whichever it is */
        uint32_t one = constant(g, 1);
        uint32_t bit = int_result(g);
        fprintf(g->out, "and %%%u, %%%u\n", x, one);
        uint32_t k = constant(g, sense(g));
        fprintf(g->out, "guard_value %%%u, %%%u", bit, k);
        break;
    }
    default:
        fprintf(g->out, "guard_%s %%%u", sense(g) ? "true" : "false", x);
        break;
    }
    snapshot(g);
}

static void word_load(gen *g)
{
    uint32_t p = pick(g, &g->pointers);
    int_result(g);
    fprintf(g->out, "load_int %%%u, %d\n", p, word_offset(g));
}

static void word_store(gen *g)
{
    uint32_t p = pick(g, &g->pointers);
    uint32_t x = int_operand(g);
    fprintf(g->out, "store_int %%%u, %%%u, %d\n", p, x, word_offset(g));
}

static int frame_offset(gen *g) { return FRAME_FIELDS + 8 * (int)below(g->rng, NFRAME_FIELDS); }

static void frame_load(gen *g)
{
    uint32_t p = pick(g, &g->pointers);
    int_result(g);
    fprintf(g->out, "load_int %%%u, %d frame\n", p, frame_offset(g));
}

static void frame_store(gen *g)
{
    uint32_t p = pick(g, &g->pointers);
    uint32_t x = int_operand(g);
    fprintf(g->out, "store_int %%%u, %%%u, %d frame\n", p, x, frame_offset(g));
}

static void byte_load(gen *g)
{
    uint32_t p = pick(g, &g->pointers);
    uint32_t i = byte_index(g);
    int_result(g);
    fprintf(g->out, "load_u8 %%%u, %%%u\n", p, i);
}

static void byte_store(gen *g)
{
    uint32_t p = pick(g, &g->pointers);
    uint32_t i = byte_index(g);
    uint32_t x = int_operand(g);
    fprintf(g->out, "store_u8 %%%u, %%%u, %%%u\n", p, i, x);
}

static void allocation(gen *g)
{
    uint32_t p = define(g);
    fprintf(g->out, "new %d\n", OBJECT_SIZE);
    add(&g->pointers, p);
    add(&g->news, p);
}

/* Pointer fields only ever receive objects, so every pointer the trace
 * loads is one it may use. */
static void pointer_store(gen *g)
{
    uint32_t p = pick(g, &g->pointers);
    uint32_t x = pick(g, &g->pointers);
    fprintf(g->out, "store_ptr %%%u, %%%u, %d\n", p, x, POINTER_FIELD);
    if (contains(&g->news, p) && !contains(&g->linked, p))
        add(&g->linked, p);
}

static void pointer_load(gen *g)
{
    uint32_t p = pick(g, &g->linked);
    uint32_t q = define(g);
    fprintf(g->out, "load_ptr %%%u, %d\n", p, POINTER_FIELD);
    add(&g->pointers, q);
}

static void call(gen *g)
{
    static const char *const mix_effects[] = {"", " effects=reads", " effects=io", " effects=elidable"};
    uint32_t x;
    switch (below(g->rng, 4)) {
    case 0:
        x = int_operand(g);
        int_result(g);
        fprintf(g->out, "call.int poke(%%%u) effects=writes\n", x);
        break;
    case 3:
        x = pick(g, &g->pointers);
        int_result(g);
        fprintf(g->out, "call.int peek_frame(%%%u) effects=reads\n", x);
        break;
    case 1:
        x = int_operand(g);
        int_result(g);
        fprintf(g->out, "call.int mix(%%%u)%s\n", x, mix_effects[below(g->rng, 4)]);
        break;
    default:
        x = pick(g, &g->pointers);
        int_result(g);
        fprintf(g->out, "call.int peek(%%%u) effects=reads\n", x);
        break;
    }
}

static const struct {
    unsigned weight;
    void (*emit)(gen *g);
} steps[] = {
    {6, arithmetic},     {1, negation},   {2, overflow_check}, {3, compare_and_guard},
    {2, guard_on_value}, {3, word_load},  {3, word_store},     {2, byte_load},
    {2, byte_store},     {2, allocation}, {1, pointer_store},  {1, pointer_load},
    {2, call},           {3, frame_load}, {4, frame_store},
};

static void step(gen *g)
{
    unsigned total = 0;
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        total += steps[i].weight;
    unsigned r = below(g->rng, total);
    size_t i = 0;
    while (r >= steps[i].weight)
        r -= steps[i++].weight;
    steps[i].emit(g);
}

/* The next value of int slot `slot` for a jump back to the start: the
 * same, another slot's (inputs that swap, or two that become one), any
 * value, or a constant (which a peeled loop may not take for granted). */
static uint32_t next_int(gen *g, uint32_t slot)
{
    switch (below(g->rng, 4)) {
    case 0: return g->slot_label[slot];
    case 1: return g->slot_label[SLOT_FIRST_INT + below(g->rng, g->nint_slots)];
    case 2: return pick(g, &g->ints);
    default: return constant(g, interesting_number(g->rng));
    }
}

/* The counter and its guard (most loops stop after a few iterations; the
 * others run until a guard fails, or the evaluator stops them), then the
 * jump. */
static void close_loop(gen *g)
{
    uint32_t one = constant(g, 1);
    uint32_t count = int_result(g);
    fprintf(g->out, "add %%%u, %%%u\n", g->slot_label[SLOT_COUNTER], one);
    if (!one_in(g->rng, 4)) {
        uint32_t limit = constant(g, 1 + below(g->rng, 12));
        uint32_t more = int_result(g);
        fprintf(g->out, "lt %%%u, %%%u\n", count, limit);
        fprintf(g->out, "guard_true %%%u", more);
        snapshot(g);
    }
    if (one_in(g->rng, 4)) { /* to another trace */
        uint32_t args[4], nargs = 1 + below(g->rng, 4);
        for (uint32_t i = 0; i < nargs; i++)
            args[i] = one_in(g->rng, 3) ? pick(g, &g->pointers) : pick(g, &g->ints);
        fputs("jump T2(", g->out);
        for (uint32_t i = 0; i < nargs; i++)
            fprintf(g->out, "%s%%%u", i ? ", " : "", args[i]);
        fputs(")\n", g->out);
        return;
    }
    uint32_t args[MAX_SLOTS];
    args[SLOT_BASE] = g->slot_label[SLOT_BASE];
    args[SLOT_OTHER] = !one_in(g->rng, 2) ? g->slot_label[SLOT_OTHER] : pick(g, &g->pointers);
    args[SLOT_COUNTER] = one_in(g->rng, 8) ? pick(g, &g->ints) : count;
    for (uint32_t i = 0; i < g->nint_slots; i++)
        args[SLOT_FIRST_INT + i] = next_int(g, SLOT_FIRST_INT + i);
    fputs("jump(", g->out);
    for (uint32_t i = 0; i < SLOT_FIRST_INT + g->nint_slots; i++)
        fprintf(g->out, "%s%%%u", i ? ", " : "", args[i]);
    fputs(")\n", g->out);
}

/* A random trace; free() it.  *ninputs is the number of input slots,
 * *turnable the guards `turned` may name. */
static char *generate(rng *r, uint64_t turned, uint32_t *ninputs, uint64_t *turnable)
{
    gen g = {.rng = r, .nint_slots = 1 + below(r, MAX_INT_SLOTS), .turned = turned};
    char *text = NULL;
    size_t size = 0;
    g.out = open_memstream(&text, &size);
    *ninputs = SLOT_FIRST_INT + g.nint_slots;
    for (uint32_t slot = 0; slot < *ninputs; slot++) {
        uint32_t x = g.slot_label[slot] = define(&g);
        bool pointer = slot == SLOT_BASE || slot == SLOT_OTHER;
        fprintf(g.out, "input.%s %u\n", pointer ? "ptr" : "int", slot);
        add(pointer ? &g.pointers : &g.ints, x);
    }
    add(&g.linked, g.slot_label[SLOT_BASE]);
    for (uint32_t n = 1 + below(r, MAX_STEPS); n > 0; n--)
        step(&g);
    close_loop(&g);
    fclose(g.out);
    *turnable = g.turnable;
    return text;
}

/* ---- running ------------------------------------------------------------- */

/* Where a run starts: the inputs and the objects' contents. */
typedef struct start {
    int64_t inputs[MAX_SLOTS];
    uint8_t objects[NOBJECTS][OBJECT_SIZE];
} start;

static int64_t object_address(uint32_t i) { return (int64_t)(intptr_t)objects[i]; }

/* `other` is `base` a third of the time: the two may alias. */
static void random_start(rng *r, start *s)
{
    s->inputs[SLOT_BASE] = object_address(0);
    s->inputs[SLOT_OTHER] = object_address(one_in(r, 3) ? 0 : 1 + below(r, NOBJECTS - 1));
    s->inputs[SLOT_COUNTER] = one_in(r, 4) ? below(r, 4) : 0;
    for (uint32_t slot = SLOT_FIRST_INT; slot < MAX_SLOTS; slot++)
        s->inputs[slot] = one_in(r, 3) ? 0 : interesting_number(r);
    for (uint32_t i = 0; i < NOBJECTS; i++) {
        for (uint32_t at = 0; at < INT_BYTES; at += 8) {
            int64_t word = one_in(r, 2) ? 0 : one_in(r, 2) ? interesting_number(r) : below(r, 256);
            memcpy(s->objects[i] + at, &word, sizeof word);
        }
        int64_t field = object_address(below(r, NOBJECTS));
        memcpy(s->objects[i] + POINTER_FIELD, &field, sizeof field);
        for (uint32_t k = 0; k < NFRAME_FIELDS; k++) {
            int64_t word = interesting_number(r);
            memcpy(s->objects[i] + FRAME_FIELDS + 8 * k, &word, sizeof word);
        }
    }
}

static void run_from(const mt_trace *t, const start *s, eval_result *res)
{
    memcpy(objects, s->objects, sizeof objects);
    eval_heap heap = {.nobjects = NOBJECTS,
                      .frame_words = ((UINT64_C(1) << NFRAME_FIELDS) - 1) << (FRAME_FIELDS / 8)};
    for (uint32_t i = 0; i < NOBJECTS; i++)
        heap.objects[i] = (eval_object){objects[i], OBJECT_SIZE, UINT64_C(1) << (POINTER_FIELD / 8)};
    eval_run(t, s->inputs, &heap, MAX_ITERATIONS, res);
}

/* " &inK" if p is the address of objects[K]. */
static void put_address(FILE *out, int64_t p)
{
    for (uint32_t k = 0; k < NOBJECTS; k++)
        if (p == object_address(k))
            fprintf(out, " &in%u", k);
}

/* The start, for a failure message: inputs, then each object's words. */
static char *describe_start(const start *s, uint32_t ninputs)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    fputs("inputs:", out);
    put_address(out, s->inputs[SLOT_BASE]);
    put_address(out, s->inputs[SLOT_OTHER]);
    for (uint32_t slot = SLOT_COUNTER; slot < ninputs; slot++)
        fprintf(out, " %lld", (long long)s->inputs[slot]);
    fputc('\n', out);
    for (uint32_t i = 0; i < NOBJECTS; i++) {
        int64_t word;
        fprintf(out, "in%u:", i);
        for (uint32_t at = 0; at < INT_BYTES; at += 8) {
            memcpy(&word, s->objects[i] + at, sizeof word);
            fprintf(out, " %lld", (long long)word);
        }
        memcpy(&word, s->objects[i] + POINTER_FIELD, sizeof word);
        put_address(out, word);
        for (uint32_t k = 0; k < NFRAME_FIELDS; k++) {
            memcpy(&word, s->objects[i] + FRAME_FIELDS + 8 * k, sizeof word);
            fprintf(out, " frame %lld", (long long)word);
        }
        fputc('\n', out);
    }
    fclose(out);
    return text;
}

/* What the seeds exercised, so that a change that makes the generator or
 * the optimizer miss the interesting cases shows. */
typedef struct coverage {
    unsigned peeled, sunk, delayed; /* traces */
    unsigned left[EVAL_FAULT];      /* runs, by how they left */
    unsigned materialized;          /* runs whose exit built a sunk object */
    unsigned pending;               /* runs whose exit did delayed stores */
} coverage;

/* mt_optimize exits (status 70) if a pass leaves a trace that does not
 * verify: then say which trace it was. */
static struct {
    uint32_t seed;
    const char *text;
} optimizing;

static void report_optimizer_exit(void)
{
    if (optimizing.text)
        fprintf(stderr, "opt_random: the optimizer exited on seed %u, this trace:\n%s", optimizing.seed,
                optimizing.text);
}

/* The trace for `seed`, parsed into *t; free() the text.  Like a recorded
 * trace, it gets through its first iteration when it runs from `first`,
 * unless a guard it cannot turn around (guard_value, an _ov op, the
 * counter's) fails there: a guard_true or guard_false that fails is
 * turned around and the trace made again from the same random numbers. */
static char *make_trace(uint32_t seed, const start *first, mt_trace *t, uint32_t *ninputs)
{
    for (uint64_t turned = 0;;) {
        rng r = {seed};
        uint64_t turnable;
        char *text = generate(&r, turned, ninputs, &turnable);
        char err[256];
        cr_assert(mt_ir_parse(t, text, err, sizeof err),
                  "seed %u: the generator wrote a trace that does not parse: %s\n%s", seed, err, text);
        cr_assert(mt_ir_verify(t, err, sizeof err),
                  "seed %u: the generator wrote a trace that does not verify: %s\n%s", seed, err, text);
        eval_result res;
        run_from(t, first, &res);
        free(res.text);
        if (res.how != EVAL_GUARD || res.iterations > 0)
            return text;
        const mt_snapshot *s = &t->snaps[t->ins[res.at].snap];
        int64_t guard = t->words[s->greens];
        if (guard >= 64 || !((turnable >> guard) & 1) || ((turned >> guard) & 1))
            return text;
        turned |= UINT64_C(1) << guard;
        free(text);
    }
}

static void check_seed(uint32_t seed, coverage *cov)
{
    rng starts_rng = {(uint64_t)seed << 32}; /* a stream apart from the trace's */
    start starts[RUNS_PER_TRACE];
    for (unsigned run = 0; run < RUNS_PER_TRACE; run++)
        random_start(&starts_rng, &starts[run]);
    mt_trace orig, opt;
    uint32_t ninputs;
    char *text = make_trace(seed, &starts[0], &orig, &ninputs);
    char err[256];
    mt_ir_parse(&opt, text, err, sizeof err); /* it parsed a moment ago */
    optimizing.seed = seed;
    optimizing.text = text;
    mt_optimize(&opt);
    optimizing.text = NULL;
    char *opt_text = print_trace(&opt);
    cov->peeled += opt.label != 0;
    for (mt_ref ref = 1; ref < opt.nins; ref++)
        if (mt_ir_is_sunk_new(&opt, ref)) {
            cov->sunk++;
            break;
        }
    for (mt_ref ref = 1; ref < opt.nins; ref++)
        if (mt_ir_is_delayed_store(&opt, ref)) {
            cov->delayed++;
            break;
        }
    for (unsigned run = 0; run < RUNS_PER_TRACE; run++) {
        const start *s = &starts[run];
        eval_result want, got;
        run_from(&orig, s, &want);
        if (want.how == EVAL_FAULT) {
            char *from = describe_start(s, ninputs);
            cr_assert_fail("seed %u, run %u: the generator wrote a trace that faults\nstarting from:\n%s"
                           "as written:\n%strace:\n%s",
                           seed, run, from, want.text, text);
        }
        run_from(&opt, s, &got);
        if (strcmp(want.text, got.text)) {
            char *from = describe_start(s, ninputs);
            cr_assert_fail("seed %u, run %u: the optimized trace behaves differently\nstarting from:\n%s"
                           "as written:\n%soptimized:\n%strace:\n%soptimized trace:\n%s",
                           seed, run, from, want.text, got.text, text, opt_text);
        }
        cov->left[want.how]++;
        cov->materialized += got.materialized > 0;
        cov->pending += got.pending > 0;
        free(want.text);
        free(got.text);
    }
    free(opt_text);
    free(text);
}

Test(opt_random, optimized_traces_behave_as_written)
{
    coverage cov = {0};
    atexit(report_optimizer_exit);
    for (uint32_t seed = 1; seed <= SEEDS; seed++)
        check_seed(seed, &cov);
    unsigned runs = SEEDS * RUNS_PER_TRACE;
    cr_log_info("opt_random: %u traces, %u peeled, %u with sunk objects, %u with delayed stores; "
                "%u runs: %u left by a guard (%u building sunk objects, %u doing delayed stores), "
                "%u by a jump, %u still looping",
                SEEDS, cov.peeled, cov.sunk, cov.delayed, runs, cov.left[EVAL_GUARD], cov.materialized,
                cov.pending, cov.left[EVAL_JUMP], cov.left[EVAL_LOOPING]);
    cr_expect_geq(cov.peeled, SEEDS / 4, "only %u traces were peeled", cov.peeled);
    cr_expect_geq(cov.sunk, SEEDS / 20, "only %u traces sank an object", cov.sunk);
    cr_expect_geq(cov.delayed, SEEDS / 4, "only %u traces delayed a store", cov.delayed);
    cr_expect_geq(cov.materialized, runs / 100, "only %u exits built a sunk object", cov.materialized);
    cr_expect_geq(cov.pending, runs / 20, "only %u exits did delayed stores", cov.pending);
    cr_expect_geq(cov.left[EVAL_JUMP], runs / 20, "only %u runs left by a jump", cov.left[EVAL_JUMP]);
    cr_expect_geq(cov.left[EVAL_LOOPING], runs / 100, "only %u runs were still looping",
                  cov.left[EVAL_LOOPING]);
}
