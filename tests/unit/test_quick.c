/* test_quick.c — the quick tier (jcg_x64.c) against the reference backend,
 * on random traces made to strain its register allocator.
 *
 * Each seed makes one peeled loop in the text form: six integers and a
 * pointer to a small buffer come in; a preamble and a loop body of
 * arithmetic, comparisons, guards, _ov ops, byte and word loads and stores
 * and calls of one to six arguments follow, with far more values alive at
 * once than there are registers, and snapshots naming many of them.  The
 * loop carries several values and its jump passes them on permuted, so
 * the moves at the loop's end form cycles; a counter ends it after a few
 * trips.  Both backends run it from the same inputs and memory and must
 * leave by the same guard with the same exit values and the same memory
 * — also where guards that hold are made to fail, at every Nth check
 * (fail_guards) or where a test forces one guard to (compiled in two
 * different ways).
 * A difference is a quick-tier bug: the failure prints the seed and the
 * trace, and MT_QUICK_DUMP=DIR writes its machine code for objdump.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "jcg_x64.h"
#include "mt_jit.h"
#include "test_util.h"

#if defined(MT_HAVE_GCCJIT) && JCG_HAVE_X64

enum { SEEDS = 3000, NINTS = 6, BUF_BYTES = 64, MAX_VALUES = 400, MAX_EXIT = 40 };

static int64_t interesting(rng *r)
{
    static const int64_t numbers[] = {0, 1, -1, 2, 3, 7, 63, 64, 255, -256, 1000, INT32_MAX, INT32_MIN,
                                      (int64_t)1 << 40, INT64_MAX, INT64_MIN, 0x123456789abcdef};
    return numbers[below(r, sizeof numbers / sizeof numbers[0])];
}

/* Callees of every arity: mixes of their arguments, so a swapped or lost
 * argument shows. */
static int64_t mix1(int64_t a) { return (int64_t)((uint64_t)a * 31 + 7); }
static int64_t mix2(int64_t a, int64_t b) { return (int64_t)((uint64_t)a * 31 + (uint64_t)b * 7); }
static int64_t mix3(int64_t a, int64_t b, int64_t c) { return mix2(mix2(a, b), c); }
static int64_t mix4(int64_t a, int64_t b, int64_t c, int64_t d) { return mix2(mix3(a, b, c), d); }
static int64_t mix5(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e) { return mix2(mix4(a, b, c, d), e); }
static int64_t mix6(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e, int64_t f)
{
    return mix2(mix5(a, b, c, d, e), f);
}

static void setup(void)
{
    start_framework();
    mt_ir_register_call("mix1", (void *)mix1);
    mt_ir_register_call("mix2", (void *)mix2);
    mt_ir_register_call("mix3", (void *)mix3);
    mt_ir_register_call("mix4", (void *)mix4);
    mt_ir_register_call("mix5", (void *)mix5);
    mt_ir_register_call("mix6", (void *)mix6);
}

TestSuite(quick, .init = setup);

/* The trace being written: its text and the integer values in scope. */
typedef struct gen {
    rng rng;
    FILE *out;
    uint32_t next;     /* the next ref */
    uint32_t values[MAX_VALUES];
    uint32_t nvalues;
    uint32_t ptr;      /* the buffer */
    uint32_t guards;
} gen;

static uint32_t any(gen *g) { return g->values[below(&g->rng, g->nvalues)]; }

static uint32_t emit_value(gen *g) /* the ref the line being written defines */
{
    fprintf(g->out, "%%%u = ", g->next);
    return g->next++;
}

static void keep(gen *g, uint32_t ref)
{
    if (g->nvalues < MAX_VALUES)
        g->values[g->nvalues++] = ref;
}

/* " [N | %a %b ... | %tested]": a snapshot naming up to MAX_EXIT values,
 * and (as recorded guards do, in their replay list) the value the guard
 * tests if it is not 0. */
static void snapshot(gen *g, uint32_t tested)
{
    fprintf(g->out, " [%u |", g->guards++);
    uint32_t n = 1 + below(&g->rng, MAX_EXIT - 1);
    for (uint32_t i = 0; i < n; i++)
        fprintf(g->out, " %%%u", any(g));
    if (tested)
        fprintf(g->out, " | %%%u]\n", tested);
    else
        fprintf(g->out, " | ]\n");
}

static uint32_t constant(gen *g, int64_t value)
{
    uint32_t ref = emit_value(g);
    fprintf(g->out, "const.int %lld\n", (long long)value);
    return ref;
}

/* One random operation. */
static void step(gen *g)
{
    static const char *const binary[] = {"add", "sub", "mul", "and", "or", "xor", "shl", "shr", "sar",
                                         "eq", "ne", "lt", "le", "ult"};
    static const char *const checked[] = {"add_ov", "sub_ov", "mul_ov"};
    uint32_t a = any(g), b = any(g);
    switch (below(&g->rng, 12)) {
    case 0: case 1: case 2: case 3: {
        uint32_t ref = emit_value(g);
        fprintf(g->out, "%s %%%u, %%%u\n", binary[below(&g->rng, 14)], a, b);
        keep(g, ref);
        break;
    }
    case 4:
        keep(g, constant(g, interesting(&g->rng)));
        break;
    case 5: {
        uint32_t ref = emit_value(g);
        fprintf(g->out, "%s %%%u, %%%u", checked[below(&g->rng, 3)], a, b);
        snapshot(g, 0);
        keep(g, ref);
        break;
    }
    case 6: { /* a guard on a comparison, which mostly holds */
        uint32_t ref = emit_value(g);
        fprintf(g->out, "ult %%%u, %%%u\n", a, b);
        fprintf(g->out, "guard_%s %%%u", below(&g->rng, 2) ? "true" : "false", ref);
        g->next++;
        snapshot(g, below(&g->rng, 2) ? ref : 0);
        keep(g, ref);
        break;
    }
    case 7: {
        uint32_t ref = emit_value(g);
        fprintf(g->out, "load_int %%%u, %u\n", g->ptr, 8 * below(&g->rng, BUF_BYTES / 8));
        keep(g, ref);
        break;
    }
    case 8:
        fprintf(g->out, "store_int %%%u, %%%u, %u\n", g->ptr, a, 8 * below(&g->rng, BUF_BYTES / 8));
        g->next++;
        break;
    case 9: {
        uint32_t index = constant(g, below(&g->rng, BUF_BYTES));
        uint32_t ref = emit_value(g);
        fprintf(g->out, "load_u8 %%%u, %%%u\n", g->ptr, index);
        keep(g, ref);
        if (below(&g->rng, 2)) {
            fprintf(g->out, "store_u8 %%%u, %%%u, %%%u\n", g->ptr, index, a);
            g->next++;
        }
        break;
    }
    default: {
        uint32_t nargs = 1 + below(&g->rng, MT_MAX_CALL_ARGS);
        uint32_t ref = emit_value(g);
        fprintf(g->out, "call.int mix%u(", nargs);
        for (uint32_t i = 0; i < nargs; i++)
            fprintf(g->out, "%s%%%u", i ? ", " : "", any(g));
        fprintf(g->out, ") effects=io\n");
        keep(g, ref);
        break;
    }
    }
}

/* The loop for `seed`: the inputs, a preamble, label(counter, carried...),
 * a body that counts down and exits at zero, and a jump that passes the
 * carried values on in another order. */
static char *generate(uint32_t seed, uint32_t *ncarried)
{
    gen g = {.rng = {seed}, .next = 1};
    char *text = NULL;
    size_t size = 0;
    g.out = open_memstream(&text, &size);
    for (uint32_t i = 0; i < NINTS; i++) {
        fprintf(g.out, "%%%u = input.int %u\n", g.next, i);
        keep(&g, g.next++);
    }
    g.ptr = g.next;
    fprintf(g.out, "%%%u = input.ptr %u\n", g.next++, NINTS);
    uint32_t counter = 1; /* input 0: trips left */
    uint32_t npre = 5 + below(&g.rng, 40), nbody = 5 + below(&g.rng, 60);
    for (uint32_t i = 0; i < npre; i++)
        step(&g);
    uint32_t carried[8] = {counter};
    *ncarried = 2 + below(&g.rng, 7);
    for (uint32_t i = 1; i < *ncarried; i++) { /* distinct values */
        uint32_t v;
        bool fresh;
        do {
            v = any(&g);
            fresh = true;
            for (uint32_t k = 0; k < i; k++)
                fresh &= carried[k] != v;
        } while (!fresh);
        carried[i] = v;
    }
    fprintf(g.out, "label(");
    for (uint32_t i = 0; i < *ncarried; i++)
        fprintf(g.out, "%s%%%u", i ? ", " : "", carried[i]);
    fprintf(g.out, ")\n");
    g.next++;
    uint32_t one = constant(&g, 1);
    uint32_t left = emit_value(&g);
    fprintf(g.out, "sub %%%u, %%%u\n", counter, one);
    fprintf(g.out, "guard_true %%%u", left);
    g.next++;
    snapshot(&g, left);
    keep(&g, left);
    for (uint32_t i = 0; i < nbody; i++)
        step(&g);
    /* the new values: the counter, then the carried ones rotated or
     * swapped (cycles of moves), some replaced by body values */
    uint32_t next[8] = {left};
    uint32_t shift = 1 + below(&g.rng, *ncarried - 1);
    for (uint32_t i = 1; i < *ncarried; i++) {
        uint32_t from = 1 + (i - 1 + shift) % (*ncarried - 1);
        next[i] = below(&g.rng, 4) ? carried[from] : any(&g);
    }
    fprintf(g.out, "jump(");
    for (uint32_t i = 0; i < *ncarried; i++)
        fprintf(g.out, "%s%%%u", i ? ", " : "", next[i]);
    fprintf(g.out, ")\n");
    fclose(g.out);
    return text;
}

typedef struct outcome {
    mt_ref guard;
    bool forced;
    uint32_t nvalues;
    int64_t values[MAX_EXIT + 1];
    _Alignas(8) uint8_t memory[BUF_BYTES];
} outcome;

/* In the forced mode, the guard (by snapshot) made to fail once a run. */
static uint32_t forced_snap;

static void run_with(const mt_backend *backend, mt_jittrace *t, const int64_t *ints, const uint8_t *memory,
                     outcome *out)
{
    memcpy(out->memory, memory, BUF_BYTES);
    int64_t inputs[NINTS + 1];
    memcpy(inputs, ints, sizeof *inputs * NINTS);
    inputs[NINTS] = (int64_t)(intptr_t)out->memory;
    mt_exit exit;
    mt_jit_reset(); /* the fail_guards count starts again */
    if (mt_jit_failures_may_be_forced())
        mt_jit_force_guard_failure(t, forced_snap, 1);
    backend->run(t, inputs, &exit);
    const mt_snapshot *s = &t->ir.snaps[exit.snap];
    out->guard = exit.guard;
    out->forced = exit.forced;
    out->nvalues = s->nreds + s->nreplay;
    memcpy(out->values, exit.values, out->nvalues * sizeof *exit.values);
}

static void check_seed(uint32_t seed, unsigned *spilled)
{
    uint32_t ncarried;
    char *text = generate(seed, &ncarried);
    mt_jittrace *t = mt_alloc(sizeof *t);
    char err[256];
    mt_trace_init(&t->ir);
    cr_assert(mt_ir_parse(&t->ir, text, err, sizeof err), "seed %u: %s\n%s", seed, err, text);
    cr_assert(mt_ir_verify(&t->ir, err, sizeof err), "seed %u: %s\n%s", seed, err, text);
    t->id = seed;
    t->guards = mt_alloc((t->ir.nsnaps + 1) * sizeof *t->guards);
    cr_assert_eq(mt_backend_native.compile(t, true, err, sizeof err), MT_COMPILE_READY, "seed %u: %s\n%s", seed,
                 err, text);
    cr_assert_not_null(((jcg_code *)t->code)->quick, "seed %u: no quick code", seed);
    *spilled += t->ir.nins > 60;
    rng rng = {(uint64_t)seed << 32};
    for (int run = 0; run < 3; run++) {
        int64_t ints[NINTS];
        uint8_t memory[BUF_BYTES];
        forced_snap = below(&rng, t->ir.nsnaps);
        ints[0] = 1 + below(&rng, 6); /* trips */
        for (uint32_t i = 1; i < NINTS; i++)
            ints[i] = interesting(&rng);
        for (uint32_t i = 0; i < BUF_BYTES; i++)
            memory[i] = (uint8_t)next_random(&rng);
        outcome quick, reference;
        run_with(&mt_backend_native, t, ints, memory, &quick);
        run_with(&mt_backend_ref, t, ints, memory, &reference);
        cr_assert_eq(quick.guard, reference.guard, "seed %u run %d: left at %%%u, not %%%u\n%s", seed, run,
                     quick.guard, reference.guard, text);
        cr_assert_eq(quick.forced, reference.forced, "seed %u run %d: forced %d, not %d\n%s", seed, run,
                     quick.forced, reference.forced, text);
        for (uint32_t k = 0; k < quick.nvalues; k++)
            cr_assert_eq(quick.values[k], reference.values[k],
                         "seed %u run %d: exit value %u of %%%u is %lld, not %lld\n%s", seed, run, k,
                         quick.guard, (long long)quick.values[k], (long long)reference.values[k], text);
        cr_assert_arr_eq(quick.memory, reference.memory, BUF_BYTES, "seed %u run %d: memory differs\n%s", seed,
                         run, text);
    }
    free(text);
}

static void check_seeds(uint32_t from, uint32_t to, uint64_t fail_guards)
{
    unsigned big = 0;
    for (uint32_t seed = from; seed <= to; seed++) {
        mt_jit_options()->fail_guards = fail_guards ? 1 + seed % fail_guards : 0;
        check_seed(seed, &big);
    }
    cr_expect_geq(big, (to - from + 1) / 4, "only %u traces of more than 60 instructions", big);
}

Test(quick, random_traces_run_as_the_reference_backend_runs_them, .timeout = 120)
{
    check_seeds(1, SEEDS, 0);
}

Test(quick, random_traces_with_fail_guards_run_as_the_reference_backend_runs_them, .timeout = 120)
{
    check_seeds(SEEDS + 1, 2 * SEEDS, 7);
}

Test(quick, random_traces_with_a_forced_failure_run_as_the_reference_backend_runs_them, .timeout = 120)
{
    mt_jit_force_guard_failure(NULL, 0, 0); /* compiles check for forced failures from now on */
    check_seeds(2 * SEEDS + 1, 3 * SEEDS, 0);
}

#endif
