/* test_native.c — the native backend's life cycle of code: bridges compile
 * in the background and attach to their guard, and the code of invalidated
 * ones is released, so invalidating traces over and over keeps the RSS
 * bounded, for gcc's code and quick code alike; quick code that gets hot
 * is replaced by gcc's; both tiers compute what the reference backend
 * computes; traces it cannot take are rejected with a reason. */
#include "config.h"

#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "jcg_gccjit.h"
#include "jcg_x64.h"
#include "mt_jit.h"
#include "mt_opt.h"
#include "test_util.h"
#include "tiny.h"

#ifdef MT_HAVE_GCCJIT

TestSuite(native, .init = start_framework);

static const char count_loop[] = "func main\n"
                                 "  push 100000\n"
                                 "  store n\n"
                                 "loop:\n" /* pc 2 */
                                 "  load n\n"
                                 "  push 1\n"
                                 "  sub\n"
                                 "  store n\n"
                                 "  load n\n"
                                 "  jumpif loop\n"
                                 "  push 0\n"
                                 "  ret\n"
                                 "end\n";

/* A loop compiled the way a hot loop header compiles it. */
static mt_jittrace *record_parent(void)
{
    static tiny_program prog;
    char err[200];
    cr_assert(tiny_load(count_loop, &prog, err, sizeof err), "%s", err);
    int64_t greens[2] = {(int64_t)(intptr_t)prog.main, 0};
    int64_t reds[1] = {(int64_t)(intptr_t)mt_alloc(TINY_SLOT(prog.main->nslots))};
    mt_jit_options()->enabled = false;
    while (greens[1] != 2)
        cr_assert(tiny_step(greens, reds));
    mt_jit_options()->enabled = true;
    mt_jittrace *loop = mt_jit_record_loop(&tiny_jit, greens, reds);
    cr_assert(loop && loop->code, "the loop did not compile natively");
    return loop;
}

static const char bridge_text[] = "%1 = input.int 0\n"
                                  "guard_not_invalidated [1 | %1 | ]\n"
                                  "%3 = const.int 1\n"
                                  "%4 = add %1, %3\n"
                                  "exit [1 | %4 | ]\n";

static mt_jittrace *new_bridge(mt_jittrace *parent, uint32_t id, const char *text)
{
    mt_jittrace *t = mt_alloc(sizeof *t);
    char err[200];
    mt_trace_init(&t->ir);
    cr_assert(mt_ir_parse(&t->ir, text, err, sizeof err), "%s", err);
    t->id = id;
    t->driver = parent->driver;
    t->parent = parent;
    t->parent_snap = id % parent->ir.nsnaps;
    t->guards = mt_alloc((t->ir.nsnaps + 1) * sizeof *t->guards);
    return t;
}

/* Wait for `n` background compiles to end; link each as its guard's
 * bridge, as the framework does at a merge point. */
static void install_all(uint32_t n)
{
    for (uint32_t done = 0; done < n;) {
        mt_compile_status status;
        char err[256];
        mt_jittrace *t = mt_backend_native.finished(&status, err, sizeof err);
        if (!t) {
            nanosleep(&(struct timespec){0, 1000000}, NULL);
            continue;
        }
        cr_assert_eq(status, MT_COMPILE_READY, "%s", err);
        mt_backend_native.link(t);
        cr_assert_eq(t->parent->guards[t->parent_snap].bridge, NULL); /* the framework's, untouched */
        done++;
    }
}

/* The mappings of compiled code in the process (objects jcg_elf.c placed:
 * anonymous and executable; gcc results: dlopen'ed "fake.so" files): what
 * keeping code costs. */
static unsigned code_mappings(void)
{
    char line[512], perms[8];
    unsigned n = 0;
    FILE *f = fopen("/proc/self/maps", "r");
    cr_assert(f);
    while (fgets(line, sizeof line, f)) {
        int path = 0;
        if (sscanf(line, "%*x-%*x %7s %*x %*x:%*x %*u %n", perms, &path) == 1 && path)
            n += strstr(line, "/fake.so") != NULL || (perms[2] == 'x' && line[path] == '\n');
    }
    fclose(f);
    return n;
}

static long rss_kib(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    cr_assert(f);
    cr_assert_eq(fscanf(f, "%ld %ld", &pages, &resident), 2);
    fclose(f);
    return resident * 4;
}

/* Which tier compiles new traces: gcc from the start, or quick code. */
static void gcc_only(void) { mt_jit_options()->gcc_after = 0; }

/* 10,000 bridges compiled, attached, invalidated (detached from their
 * guard, as invalidation does) and collected at a safe point.  Without
 * releasing, each round's gcc result stays mapped (tens of MB in all),
 * and each quick code its pages. */
static void release_many(bool quick)
{
    enum { ROUNDS = 40, PER_ROUND = 250, WARM_ROUNDS = 5 };
    if (!quick)
        gcc_only();
    mt_jittrace *parent = record_parent();
    /* what is kept, not how fast it runs: -O0 compiles fastest */
    setenv("MT_NATIVE_CFLAGS", "-O0 --param=ggc-min-heapsize=1024 --param=ggc-min-expand=10", 1);
    mt_jittrace **round = mt_alloc(PER_ROUND * sizeof *round);
    long warm_rss = 0;
    unsigned warm_mappings = 0;
    char err[256];
    for (uint32_t r = 0; r < ROUNDS; r++) {
        for (uint32_t i = 0; i < PER_ROUND; i++) {
            round[i] = new_bridge(parent, 1000 + r * PER_ROUND + i, bridge_text);
            cr_assert_eq(mt_backend_native.compile(round[i], false, err, sizeof err),
                         quick ? MT_COMPILE_READY : MT_COMPILE_PENDING, "%s", err);
            if (quick)
                mt_backend_native.link(round[i]);
        }
        if (!quick)
            install_all(PER_ROUND);
        for (uint32_t i = 0; i < PER_ROUND; i++) {
            round[i]->invalid = true;
            mt_backend_native.unlink(round[i]);
        }
        mt_backend_native.collect();
        for (uint32_t i = 0; i < PER_ROUND; i++)
            cr_assert_null(round[i]->code, "the code of T%u was kept", round[i]->id);
        if (r == WARM_ROUNDS) {
            warm_rss = rss_kib();
            warm_mappings = code_mappings();
        }
    }
    long end_rss = rss_kib();
    cr_expect_leq(code_mappings(), warm_mappings, "gcc results mapped: %u, after warm-up %u", code_mappings(),
                  warm_mappings);
#ifndef MT_SANITIZERS /* ASan holds freed memory back */
    cr_expect_lt(end_rss, warm_rss + 8 * 1024, "RSS grew from %ld KiB to %ld KiB", warm_rss, end_rss);
#else
    (void)end_rss;
#endif
}

Test(native, invalidated_code_is_released_and_rss_stays_bounded, .timeout = 240) { release_many(false); }
Test(native, invalidated_quick_code_is_released_and_rss_stays_bounded, .timeout = 60) { release_many(true); }

/* A bridge that is still attached, or whose parent still runs, stays. */
Test(native, attached_code_is_kept)
{
    gcc_only();
    mt_jittrace *parent = record_parent();
    mt_jittrace *bridge = new_bridge(parent, 1000, bridge_text);
    char err[256];
    cr_assert_eq(mt_backend_native.compile(bridge, false, err, sizeof err), MT_COMPILE_PENDING, "%s", err);
    install_all(1);
    mt_backend_native.collect();
    cr_expect_not_null(bridge->code);
    cr_expect_not_null(parent->code);
}

/* The trace in `text`, on its own (no parent), compiled at once. */
static mt_jittrace *compiled_alone(const char *text)
{
    mt_jittrace *t = new_bridge(record_parent(), 1000, text);
    t->parent = NULL;
    char err[256];
    cr_assert_eq(mt_backend_native.compile(t, true, err, sizeof err), MT_COMPILE_READY, "%s", err);
    return t;
}

static int64_t weigh(int64_t a, int64_t b, int64_t c)
{
    return (int64_t)((uint64_t)a * 7 + (uint64_t)b * 3 + (uint64_t)c);
}

/* Every arithmetic, comparison, memory, allocation and call op, then an
 * exit whose values are their results; the _ov ops exit on overflow. */
static const char every_op[] = "%1 = input.int 0\n"
                               "%2 = input.int 1\n"
                               "%3 = input.ptr 2\n"
                               "%4 = add %1, %2\n"
                               "%5 = sub %1, %2\n"
                               "%6 = mul %1, %2\n"
                               "%7 = and %1, %2\n"
                               "%8 = or %1, %2\n"
                               "%9 = xor %1, %2\n"
                               "%10 = shl %1, %2\n"
                               "%11 = shr %1, %2\n"
                               "%12 = sar %1, %2\n"
                               "%13 = neg %1\n"
                               "%14 = eq %1, %2\n"
                               "%15 = ne %1, %2\n"
                               "%16 = lt %1, %2\n"
                               "%17 = le %1, %2\n"
                               "%18 = ult %1, %2\n"
                               "%19 = const.int 3\n"
                               "%20 = load_u8 %3, %19\n"
                               "store_u8 %3, %19, %1\n"
                               "%22 = load_int %3, 8\n"
                               "store_int %3, %4, 16\n"
                               "%24 = load_ptr %3, 24\n"
                               "%25 = new 16\n"
                               "store_int %25, %6, 8\n"
                               "%27 = load_int %25, 8\n"
                               "%28 = call.int weigh(%1, %2, %22) effects=io\n"
                               "%29 = add_ov %1, %2 [1 | %1 %2 | ]\n"
                               "%30 = sub_ov %1, %2 [2 | %1 %2 | ]\n"
                               "%31 = mul_ov %1, %2 [3 | %1 %2 | ]\n"
                               "exit [4 | %4 %5 %6 %7 %8 %9 %10 %11 %12 %13 %14 %15 %16 %17 %18 %20 %22 %24 %27 "
                               "%28 %29 %30 %31 | ]\n";

typedef struct outcome {
    mt_ref guard;
    int64_t values[32];
    uint32_t nvalues;
    _Alignas(8) uint8_t memory[32];
} outcome;

static void fill(uint8_t *memory, size_t size)
{
    for (size_t i = 0; i < size; i++)
        memory[i] = (uint8_t)(i * 37 + 1);
}

static void run_with(const mt_backend *backend, mt_jittrace *t, int64_t a, int64_t b, outcome *out)
{
    fill(out->memory, sizeof out->memory);
    int64_t inputs[3] = {a, b, (int64_t)(intptr_t)out->memory};
    mt_exit exit;
    backend->run(t, inputs, &exit);
    const mt_snapshot *s = &t->ir.snaps[exit.snap];
    out->guard = exit.guard;
    out->nvalues = s->nreds + s->nreplay;
    memcpy(out->values, exit.values, out->nvalues * sizeof *exit.values);
}

/* The reference backend's semantics are the spec: wrapping arithmetic,
 * shift counts mod 64, signed and unsigned compares, byte and word memory,
 * overflow exits. */
static void every_op_as_reference(bool quick)
{
    if (!quick)
        gcc_only();
    mt_ir_register_call("weigh", (void *)weigh);
    mt_jittrace *t = compiled_alone(every_op);
    cr_assert_eq(((jcg_code *)t->code)->quick != NULL, quick && JCG_HAVE_X64);
    static const int64_t pairs[][2] = {
        {5, 3}, {-1, 63}, {-7, 64}, {INT64_MIN, -1}, {INT64_MAX, 1}, {INT64_MIN, 1},
        {0x123456789, 65}, {-2, -3}, {3037000500, 3037000500}, {0, 0}, {255, -256},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        outcome native, reference;
        run_with(&mt_backend_native, t, pairs[i][0], pairs[i][1], &native);
        run_with(&mt_backend_ref, t, pairs[i][0], pairs[i][1], &reference);
        cr_expect_eq(native.guard, reference.guard, "a=%lld b=%lld: left at %%%u, not %%%u",
                     (long long)pairs[i][0], (long long)pairs[i][1], native.guard, reference.guard);
        cr_assert_eq(native.nvalues, reference.nvalues);
        for (uint32_t k = 0; k < native.nvalues; k++)
            cr_expect_eq(native.values[k], reference.values[k], "a=%lld b=%lld: exit value %u is %lld, not %lld",
                         (long long)pairs[i][0], (long long)pairs[i][1], k, (long long)native.values[k],
                         (long long)reference.values[k]);
        cr_expect_arr_eq(native.memory, reference.memory, sizeof native.memory, "a=%lld b=%lld: memory differs",
                         (long long)pairs[i][0], (long long)pairs[i][1]);
    }
}

Test(native, every_op_computes_what_the_reference_backend_computes) { every_op_as_reference(false); }
Test(native, every_op_of_quick_code_computes_what_the_reference_backend_computes) { every_op_as_reference(true); }

/* Deopt's stores at a guard's exit.  The optimizer delays the frame stores
 * into the input object, so the first guard's snapshot has only stores to
 * do (native code makes them itself); the second's
 * stores a virtual object, which mt_jit_materialize builds; the end
 * leaves the object pointing to itself.  Both tiers must leave memory as
 * the reference backend does. */
static const char delayed_stores[] = "%1 = input.int 0\n"
                                     "%2 = input.int 1\n"
                                     "%3 = input.ptr 2\n"
                                     "store_int %3, %1, 8 frame\n"
                                     "%5 = const.int 3\n"
                                     "store_int %3, %5, 24 frame\n"
                                     "%7 = const.int 100\n"
                                     "%8 = lt %1, %7\n"
                                     "guard_true %8 [1 | %1 %2 %3 | ]\n"
                                     "%10 = new 16\n"
                                     "store_int %10, %2, 8\n"
                                     "store_ptr %3, %10, 16 frame\n"
                                     "%13 = const.int 200\n"
                                     "%14 = lt %1, %13\n"
                                     "guard_true %14 [2 | %1 %2 %3 | ]\n"
                                     "store_ptr %3, %3, 16 frame\n"
                                     "%17 = add %1, %7\n"
                                     "store_int %3, %17, 8 frame\n"
                                     "exit [3 | %1 %17 | ]\n";

/* The memory with a pointer stored at 16 replaced by what it points to:
 * this memory (1), or the first word after the header of another object
 * (run_with's filling is no pointer). */
static void describe_memory(const outcome *o, int64_t *words)
{
    memcpy(words, o->memory, sizeof o->memory);
    uint8_t filled[sizeof o->memory];
    fill(filled, sizeof filled);
    if (!memcmp(o->memory + 16, filled + 16, 8))
        return;
    const uint8_t *p = (const uint8_t *)(intptr_t)words[2];
    words[2] = p == o->memory ? 1 : *(const int64_t *)(p + 8);
}

static void delayed_stores_as_reference(bool quick)
{
    if (!quick)
        gcc_only();
    mt_jittrace *t = new_bridge(record_parent(), 1000, delayed_stores);
    mt_optimize(&t->ir);
    t->guards = mt_alloc((t->ir.nsnaps + 1) * sizeof *t->guards);
    t->parent = NULL;
    uint32_t stores_only = 0, builds = 0;
    for (uint32_t i = 0; i < t->ir.nsnaps; i++) {
        const mt_snapshot *s = &t->ir.snaps[i];
        if (s->nvirt)
            mt_snapshot_only_stores(&t->ir, s) ? stores_only++ : builds++;
    }
    cr_assert(stores_only && builds, "the optimizer no longer delays these stores (%u, %u)", stores_only, builds);
    char err[256];
    cr_assert_eq(mt_backend_native.compile(t, true, err, sizeof err), MT_COMPILE_READY, "%s", err);
    cr_assert_eq(((jcg_code *)t->code)->quick != NULL, quick && JCG_HAVE_X64);
    static const int64_t as[] = {5, 99, 100, 150, 199, 200, 250, -1};
    for (size_t i = 0; i < sizeof as / sizeof as[0]; i++) {
        outcome native, reference;
        run_with(&mt_backend_native, t, as[i], 77, &native);
        run_with(&mt_backend_ref, t, as[i], 77, &reference);
        cr_expect_eq(native.guard, reference.guard, "a=%lld: left at %%%u, not %%%u", (long long)as[i],
                     native.guard, reference.guard);
        int64_t mine[4], theirs[4];
        describe_memory(&native, mine);
        describe_memory(&reference, theirs);
        cr_expect_arr_eq(mine, theirs, sizeof mine, "a=%lld: memory %llx %llx %llx %llx, not %llx %llx %llx %llx",
                         (long long)as[i], (long long)mine[0], (long long)mine[1], (long long)mine[2],
                         (long long)mine[3], (long long)theirs[0], (long long)theirs[1], (long long)theirs[2],
                         (long long)theirs[3]);
    }
}

Test(native, delayed_stores_at_exits_are_made_as_by_the_reference_backend) { delayed_stores_as_reference(false); }
Test(native, delayed_stores_at_exits_of_quick_code_are_made_as_by_the_reference_backend)
{
    delayed_stores_as_reference(true);
}

/* A volatile load in a loop is done in every trip: a flag another thread
 * raises while the loop runs ends it (gcc once hoisted the load, and the
 * loop never ended). */
static volatile uint8_t flag_bytes[8];

static void *raise_flag(void *unused)
{
    (void)unused;
    nanosleep(&(struct timespec){0, 20 * 1000 * 1000}, NULL);
    flag_bytes[3] = 1;
    return NULL;
}

static void volatile_loop(bool quick)
{
    if (!quick)
        gcc_only();
    mt_jittrace *t = compiled_alone("%1 = input.ptr 0\n"
                                    "%2 = input.int 1\n"
                                    "%3 = const.int 3\n"
                                    "%4 = load_u8 %1, %3 volatile\n"
                                    "guard_false %4 [1 | %1 %2 | ]\n"
                                    "%6 = const.int 1\n"
                                    "%7 = add %2, %6\n"
                                    "jump(%1, %7)\n");
    flag_bytes[3] = 0;
    pthread_t thread;
    cr_assert_eq(pthread_create(&thread, NULL, raise_flag, NULL), 0);
    int64_t inputs[2] = {(int64_t)(intptr_t)flag_bytes, 0};
    mt_exit exit;
    mt_backend_native.run(t, inputs, &exit);
    pthread_join(thread, NULL);
    cr_expect_eq(exit.guard, 5, "left at %%%u", exit.guard);
    cr_expect_gt(exit.values[1], 0, "the loop went round %lld times", (long long)exit.values[1]);
}

Test(native, a_volatile_load_in_a_loop_sees_the_flag_change, .timeout = 60) { volatile_loop(false); }
Test(native, a_volatile_load_in_a_quick_loop_sees_the_flag_change, .timeout = 60) { volatile_loop(true); }

/* A loop that counts its input down to 0 and exits there, compiled. */
static mt_jittrace *count_down_loop(void)
{
    return compiled_alone("%1 = input.int 0\n"
                          "%2 = const.int 1\n"
                          "%3 = sub %1, %2\n"
                          "guard_true %3 [1 | %3 | ]\n"
                          "jump(%3)\n");
}

/* A count-down loop's quick code runs out of its run count (gcc_after
 * instructions), flags itself hot, and at the next safe point gcc's code
 * replaces it: the code's entry is gcc's function from then on, and it
 * counts down as the quick code did. */
Test(native, hot_quick_code_is_replaced_by_gccs)
{
    if (!JCG_HAVE_X64)
        return;
    mt_jit_options()->gcc_after = 5000;
    mt_jit_options()->sync = true;
    mt_jittrace *t = count_down_loop();
    jcg_code *code = t->code;
    char err[256];
    cr_assert_not_null(code->quick);
    cr_assert_eq((void *)code->entry, code->quick);
    int64_t inputs[1] = {100000};
    mt_exit exit;
    mt_backend_native.run(t, inputs, &exit);
    cr_assert_eq(exit.guard, 4);
    cr_assert_eq(exit.values[0], 0);
    cr_assert(code->hot_flag && jcg_quick_hot, "the quick code did not flag itself hot");
    mt_compile_status status;
    cr_assert_null(mt_backend_native.finished(&status, err, sizeof err), "%s", err);
    cr_assert_not_null(code->optimized);
    cr_assert_eq(code->entry, code->optimized, "gcc's code does not run now");
    cr_assert_eq(mt_jit_stats()->nupgrade_latencies, 1);
    inputs[0] = 777;
    mt_backend_native.run(t, inputs, &exit);
    cr_expect_eq(exit.guard, 4);
    cr_expect_eq(exit.values[0], 0);
}

/* A loop that runs fewer instructions than gcc_after stays quick. */
Test(native, quick_code_that_is_not_hot_stays_quick)
{
    if (!JCG_HAVE_X64)
        return;
    mt_jit_options()->gcc_after = 1000000;
    mt_jittrace *t = count_down_loop();
    jcg_code *code = t->code;
    char err[256];
    int64_t inputs[1] = {1000};
    mt_exit exit;
    for (int i = 0; i < 10; i++) /* the count carries over from run to run */
        mt_backend_native.run(t, inputs, &exit);
    cr_expect(!code->hot_flag);
    /* 999 trips a run, each of 4 instructions (input, sub, guard, jump) */
    cr_expect_eq(code->hot, 1000000 - 10 * 999 * 4, "run count %lld", (long long)code->hot);
    mt_compile_status status;
    cr_expect_null(mt_backend_native.finished(&status, err, sizeof err));
    cr_expect_null(code->optimized);
}

#endif
