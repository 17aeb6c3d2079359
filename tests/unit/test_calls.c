/* test_calls.c — calls between interpreted functions: traced into up to
 * the depth limit and never into a recursion, otherwise made from compiled
 * code through the driver's call function; hot functions called from
 * code that is not a loop get entry traces, which end at the return.
 * Checked on mttiny programs run to their end, with their results read
 * from main's frame. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "mt_jit.h"
#include "mt_record.h"
#include "test_util.h"
#include "tiny.h"

/* Compiled synchronously: the tests look at the code right after the run. */
static void start_sync(void)
{
    start_framework();
    mt_jit_options()->sync = true;
}

TestSuite(calls, .init = start_sync);

typedef struct run {
    tiny_program prog;
    tiny_frame *main_frame;
} run;

/* Load `source` and run it to main's return with the JIT as configured. */
static void run_program(run *r, const char *source)
{
    char err[200];
    cr_assert(tiny_load(source, &r->prog, err, sizeof err), "%s", err);
    r->main_frame = mt_alloc(TINY_SLOT(r->prog.main->nslots));
    int64_t greens[2] = {(int64_t)(intptr_t)r->prog.main, 0};
    int64_t reds[1] = {(int64_t)(intptr_t)r->main_frame};
    for (long steps = 0; tiny_step(greens, reds); steps++)
        cr_assert_lt(steps, 100000000, "the program does not end");
}

static const tiny_func *func(const run *r, const char *name)
{
    for (size_t i = 0; i < r->prog.nfuncs; i++)
        if (!strcmp(r->prog.funcs[i]->name, name))
            return r->prog.funcs[i];
    cr_assert_fail("no function %s", name);
    return NULL;
}

/* The trace entered at `pc` of `name`. */
static const mt_jittrace *trace_at(const run *r, const char *name, int64_t pc)
{
    int64_t key[2] = {(int64_t)(intptr_t)func(r, name), pc};
    const mt_jittrace *t = mt_jit_trace_at(&tiny_jit, key);
    cr_assert(t, "no trace at %s pc %lld", name, (long long)pc);
    return t;
}

/* Calls compiled code makes to interpreted functions, in the whole trace
 * or in the loop proper of a peeled one. */
static unsigned calls_made(const mt_trace *t, bool loop_only)
{
    unsigned n = 0;
    for (mt_ref r = loop_only ? t->label + 1 : 1; r < t->nins; r++)
        n += t->ins[r].op == MT_IR_CALL && t->calls[t->ins[r].a].fn == (void *)mt_call_function;
    return n;
}

static unsigned allocations(const mt_trace *t)
{
    unsigned n = 0;
    for (mt_ref r = 1; r < t->nins; r++)
        n += t->ins[r].op == MT_IR_NEW && !(t->ins[r].flags & MT_INSF_SUNK);
    return n;
}

static void jit(uint32_t threshold, bool inline_calls, uint32_t inline_depth)
{
    mt_options *o = mt_jit_options();
    o->threshold = threshold;
    o->inline_calls = inline_calls;
    o->inline_depth = inline_depth;
}

/* i = add1(i) until i reaches 1000 */
static const char loop_calling_add1[] =
    "func add1 x\n"
    "    load x\n"
    "    push 1\n"
    "    add\n"
    "    ret\n"
    "end\n"
    "func main\n"
    "    push 0\n"
    "    store i\n"
    "loop:\n"             /* main pc 2 */
    "    load i\n"
    "    call add1\n"
    "    store i\n"
    "    load i\n"
    "    push 1000\n"
    "    lt\n"
    "    jumpif loop\n"
    "    push 0\n"
    "    ret\n"
    "end\n";

Test(calls, a_call_in_a_loop_is_traced_into_and_its_frame_is_virtual)
{
    run r;
    jit(1, true, 8);
    run_program(&r, loop_calling_add1);
    cr_expect_eq(r.main_frame->slots[0], 1000);
    const mt_trace *t = &trace_at(&r, "main", 2)->ir;
    char *text = print_trace(t);
    cr_expect_eq(calls_made(t, false), 0, "%s", text);
    cr_expect_eq(allocations(t), 0, "%s", text);
    free(text);
}

Test(calls, with_inline_off_compiled_code_makes_the_call)
{
    run r;
    jit(1, false, 8);
    run_program(&r, loop_calling_add1);
    cr_expect_eq(r.main_frame->slots[0], 1000);
    const mt_trace *t = &trace_at(&r, "main", 2)->ir;
    char *text = print_trace(t);
    cr_assert_neq(t->label, 0, "not peeled:\n%s", text);
    cr_expect_eq(calls_made(t, true), 1, "%s", text);
    /* the frame main's loop runs in is known to stay the same across the
     * call: the loop carries it as an invariant, not a loaded value */
    for (mt_ref x = t->label + 1; x < t->nins; x++)
        if (t->ins[x].op == MT_IR_STORE_INT && t->ins[x].aux >= TINY_SLOT(0) &&
            !(t->ins[x].flags & MT_INSF_SUNK) && t->ins[t->ins[x].a].op != MT_IR_NEW)
            cr_expect_eq(t->ins[t->ins[x].a].op, MT_IR_INPUT, "%%%u: a store through a loaded frame\n%s",
                         x, text);
    free(text);
}

/* fib(k) for k = 0..14, summed */
static const char loop_calling_fib[] =
    "func fib n\n"
    "    load n\n"
    "    push 2\n"
    "    lt\n"
    "    jumpifnot recurse\n"
    "    load n\n"
    "    ret\n"
    "recurse:\n"
    "    load n\n"
    "    push 1\n"
    "    sub\n"
    "    call fib\n"
    "    load n\n"
    "    push 2\n"
    "    sub\n"
    "    call fib\n"
    "    add\n"
    "    ret\n"
    "end\n"
    "func main\n"
    "    push 0\n"
    "    store k\n"
    "    push 0\n"
    "    store s\n"
    "loop:\n"             /* main pc 4 */
    "    load s\n"
    "    load k\n"
    "    call fib\n"
    "    add\n"
    "    store s\n"
    "    load k\n"
    "    push 1\n"
    "    add\n"
    "    dup\n"
    "    store k\n"
    "    push 15\n"
    "    lt\n"
    "    jumpif loop\n"
    "    push 0\n"
    "    ret\n"
    "end\n";

Test(calls, a_recursive_call_is_made_instead_of_unrolled)
{
    run r;
    jit(5, true, 8); /* recorded with k = 5: fib recurses */
    run_program(&r, loop_calling_fib);
    cr_expect_eq(r.main_frame->slots[1], 986); /* fib(0) + ... + fib(14) */
    const mt_trace *t = &trace_at(&r, "main", 4)->ir;
    char *text = print_trace(t);
    /* fib is traced into once; both calls inside it are made */
    cr_expect_eq(calls_made(t, true), 2, "%s", text);
    cr_expect_lt(t->nins, 400, "%s", text);
    free(text);
}

/* f1 calls f2 calls f3 calls f4, in a loop */
static const char call_chain[] =
    "func f4 x\n    load x\n    push 1\n    add\n    ret\nend\n"
    "func f3 x\n    load x\n    call f4\n    ret\nend\n"
    "func f2 x\n    load x\n    call f3\n    ret\nend\n"
    "func f1 x\n    load x\n    call f2\n    ret\nend\n"
    "func main\n"
    "    push 0\n"
    "    store i\n"
    "loop:\n"             /* main pc 2 */
    "    load i\n"
    "    call f1\n"
    "    store i\n"
    "    load i\n"
    "    push 300\n"
    "    lt\n"
    "    jumpif loop\n"
    "    push 0\n"
    "    ret\n"
    "end\n";

Test(calls, the_depth_limit_makes_the_deeper_calls)
{
    run r;
    jit(1, true, 2);
    run_program(&r, call_chain);
    cr_expect_eq(r.main_frame->slots[0], 300);
    const mt_trace *t = &trace_at(&r, "main", 2)->ir;
    char *text = print_trace(t);
    cr_expect_eq(calls_made(t, true), 1, "f1 and f2 traced into, f3 called:\n%s", text);
    free(text);
}

Test(calls, within_the_depth_limit_the_whole_chain_is_traced_into)
{
    run r;
    jit(1, true, 8);
    run_program(&r, call_chain);
    cr_expect_eq(r.main_frame->slots[0], 300);
    const mt_trace *t = &trace_at(&r, "main", 2)->ir;
    char *text = print_trace(t);
    cr_expect_eq(calls_made(t, false), 0, "%s", text);
    cr_expect_eq(allocations(t), 0, "%s", text);
    free(text);
}

/* main is straight-line code calling sq from `n` call sites, each site
 * alternating between two places that use the result. */
static char *straight_calls(int n)
{
    static const char sq[] = "func sq x\n    load x\n    load x\n    mul\n    ret\nend\nfunc main\n";
    size_t size = sizeof sq + (size_t)n * 64 + 64;
    char *text = mt_alloc_atomic(size), *p = text;
    p += sprintf(p, "%s", sq);
    for (int i = 0; i < n; i++)
        p += sprintf(p, "    push %d\n    call sq\n    load s\n    add\n    store s\n", i);
    sprintf(p, "    push 0\n    ret\nend\n");
    return text;
}

Test(calls, a_hot_function_called_outside_loops_gets_an_entry_trace_ending_at_its_return)
{
    run r;
    jit(2, true, 8);
    mt_jit_options()->bridge_threshold = 1;
    run_program(&r, straight_calls(6));
    cr_expect_eq(r.main_frame->slots[0], 0 + 1 + 4 + 9 + 16 + 25);
    const mt_jittrace *jt = trace_at(&r, "sq", 0);
    const mt_trace *t = &jt->ir;
    char *text = print_trace(t);
    cr_expect(jt->function);
    const mt_ins *end = &t->ins[t->nins - 1];
    cr_assert_eq(end->op, MT_IR_EXIT, "%s", text);
    /* it leaves in main, right after the call: it returned out of sq */
    cr_expect_eq(t->words[t->snaps[end->snap].greens], (int64_t)(intptr_t)r.prog.main, "%s", text);
    cr_expect_eq(t->snaps[end->snap].depth, -1, "%s", text);
    free(text);
}

/* main's loop makes its calls of g (inline=0); g calls sq in the
 * interpreter that runs the call, which enters sq's entry trace. */
static const char loop_calling_g[] =
    "func sq x\n    load x\n    load x\n    mul\n    ret\nend\n"
    "func g x\n    load x\n    call sq\n    push 1\n    add\n    ret\nend\n"
    "func main\n"
    "    push 0\n"
    "    store i\n"
    "loop:\n"
    "    load s\n"
    "    load i\n"
    "    call g\n"
    "    add\n"
    "    store s\n"
    "    load i\n"
    "    push 1\n"
    "    add\n"
    "    dup\n"
    "    store i\n"
    "    push 100\n"
    "    lt\n"
    "    jumpif loop\n"
    "    push 0\n"
    "    ret\n"
    "end\n";

/* A call compiled code makes is over when the callee returns; compiled
 * code entered inside it must stop there.  sq's entry trace ends by
 * returning into g, again and again: that end must grow no bridge, which
 * would run on through g's return and past the end of the call. */
Test(calls, compiled_code_entered_in_a_function_never_runs_past_its_return)
{
    run r;
    jit(1, false, 8);
    mt_jit_options()->bridge_threshold = 1;
    run_program(&r, loop_calling_g);
    int64_t sum = 0;
    for (int i = 0; i < 100; i++)
        sum += (int64_t)i * i + 1;
    cr_expect_eq(r.main_frame->slots[1], sum);
    const mt_jittrace *jt = trace_at(&r, "sq", 0);
    const mt_ins *end = &jt->ir.ins[jt->ir.nins - 1];
    cr_assert_eq(end->op, MT_IR_EXIT);
    cr_expect_null(jt->guards[end->snap].bridge);
}

/* main's loop makes its calls of g (inline=0); in the interpreter that
 * runs g, both of g's calls of sq enter sq's entry trace. */
static const char two_sites[] =
    "func sq x\n    load x\n    load x\n    mul\n    ret\nend\n"
    "func g x\n"
    "    load x\n"
    "    call sq\n"
    "    load x\n"
    "    call sq\n"
    "    add\n"
    "    ret\n"
    "end\n"
    "func main\n"
    "    push 0\n"
    "    store i\n"
    "loop:\n"
    "    load s\n"
    "    load i\n"
    "    call g\n"
    "    add\n"
    "    store s\n"
    "    load i\n"
    "    push 1\n"
    "    add\n"
    "    dup\n"
    "    store i\n"
    "    push 100\n"
    "    lt\n"
    "    jumpif loop\n"
    "    push 0\n"
    "    ret\n"
    "end\n";

/* The entry trace of sq promotes where it returns to, so returning to the
 * other call site fails that guard.  The bridge grown from it must check
 * for the return address it saw, not the one its parent saw: else it
 * fails in turn every time. */
Test(calls, a_bridge_from_a_promote_specialises_to_the_new_value)
{
    run r;
    jit(1, false, 8);
    mt_jit_options()->bridge_threshold = 3;
    run_program(&r, two_sites);
    int64_t sum = 0;
    for (int i = 0; i < 100; i++)
        sum += 2 * (int64_t)i * i;
    cr_expect_eq(r.main_frame->slots[1], sum);
    cr_expect(trace_at(&r, "sq", 0)->function);
    cr_expect_geq(mt_jit_stats()->bridges, 1);
    /* 200 calls of sq: a few failures until the bridge is there */
    cr_expect_leq(mt_jit_stats()->guard_failures, 10, "%llu failures",
                  (unsigned long long)mt_jit_stats()->guard_failures);
}

/* Under fail_guards, a guard that holds is made to fail anyway; that
 * exit goes to the interpreter even where the guard has a bridge.  The
 * bridge is the path for the guard really failing: entered on a made-up
 * failure, its own first guard (the same test, the other way) would fail
 * for real, grow a bridge of its own, and so on without end. */
Test(calls, a_made_up_guard_failure_does_not_enter_the_bridge)
{
    run r;
    jit(1, true, 8);
    mt_jit_options()->fail_guards = 1;
    mt_jit_options()->bridge_threshold = 2;
    run_program(&r, loop_calling_fib);
    cr_expect_eq(r.main_frame->slots[1], 986);
    cr_expect_leq(mt_jit_stats()->bridges, 3, "%llu bridges", (unsigned long long)mt_jit_stats()->bridges);
}
