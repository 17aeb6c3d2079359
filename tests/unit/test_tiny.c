/* test_tiny.c — mttiny's loader (errors, stack heights) and the shape of
 * the trace a counting loop compiles to. */
#include <criterion/criterion.h>
#include <string.h>

#include "mt_jit.h"
#include "test_util.h"
#include "tiny.h"

TestSuite(tiny, .init = start_framework);

static void expect_error(const char *source, const char *message)
{
    tiny_program prog;
    char err[200] = "";
    cr_assert_not(tiny_load(source, &prog, err, sizeof err), "accepted:\n%s", source);
    cr_expect_str_eq(err, message);
}

Test(tiny, loader_reports_errors_with_their_line)
{
    expect_error("func main\n  push 1\n  frob\n  ret\nend\n", "3: unknown instruction 'frob'");
    expect_error("func main\n  push x\n  ret\nend\n", "2: 'push' needs an integer, not 'x'");
    expect_error("func main\n  load y\n  ret\nend\n", "2: no local or parameter named 'y'");
    expect_error("func main\n  jump nowhere\nend\n", "2: no label 'nowhere' in function 'main'");
    expect_error("func main\n  push 1\n  add\n  ret\nend\n", "3: 'add' needs 2 values on the stack, has 1");
    expect_error("func main\n  push 1\n  pop\nend\n", "3: function 'main' runs off its end (no 'ret')");
    expect_error("func main\n  push 1\n  ret\n", "1: function 'main' has no 'end'");
    expect_error("func f\n  push 1\n  ret\nend\n", "4: no function 'main'");
}

Test(tiny, stack_heights_give_every_instruction_its_slot)
{
    tiny_program prog;
    char err[200];
    cr_assert(tiny_load("func main\n  push 1\n  store a\n  push 2\n  push 3\n  add\n  ret\nend\n", &prog,
                        err, sizeof err), "%s", err);
    const tiny_func *f = prog.main;
    cr_assert_eq(f->ncode, 6);
    /* one local (a), then the stack: push 1 writes slot 1, push 3 slot 2 */
    const uint32_t tops[] = {1, 2, 1, 2, 3, 2};
    for (size_t i = 0; i < 6; i++)
        cr_expect_eq(f->code[i].top, tops[i], "instruction %zu", i);
    cr_expect_eq(f->nslots, 3);
}

/* Record (and compile) the loop of a program counting n down from 100,
 * optimized or as recorded. */
static mt_jittrace *counting_loop(bool optimize, int64_t greens[2], int64_t reds[1])
{
    static tiny_program prog;
    char err[200];
    mt_jit_options()->optimize = optimize;
    cr_assert(tiny_load("func main\n"
                        "  push 100\n"
                        "  store n\n"
                        "loop:\n"
                        "  load n\n"
                        "  push 1\n"
                        "  sub\n"
                        "  dup\n"
                        "  store n\n"
                        "  jumpif loop\n"
                        "  push 0\n"
                        "  ret\n"
                        "end\n",
                        &prog, err, sizeof err), "%s", err);
    tiny_frame *frame = mt_alloc(TINY_SLOT(prog.main->nslots));
    frame->slots[0] = 100;
    greens[0] = (int64_t)(intptr_t)prog.main;
    greens[1] = 2;
    reds[0] = (int64_t)(intptr_t)frame;
    mt_jittrace *loop = mt_jit_record_loop(&tiny_jit, greens, reds);
    cr_assert(loop);
    /* one trip ran: n went from 100 to 99, and the trace closed at the
     * header */
    cr_expect_eq(frame->slots[0], 99);
    cr_expect_eq(greens[1], 2);
    return loop;
}

Test(tiny, counting_loop_compiles_to_one_loop_without_reading_the_pc)
{
    int64_t greens[2], reds[1];
    const mt_trace *t = &counting_loop(false, greens, reds)->ir;
    char *text = print_trace(t);
    /* as recorded: one trip, ending with a jump to itself */
    cr_expect_eq(t->ins[t->nins - 1].op, MT_IR_JUMP, "%s", text);
    cr_expect_eq(t->ins[t->nins - 1].c, 0, "%s", text);
    /* the body: n - 1 and one guard (the loop test), nothing else */
    cr_expect_eq(count_ops(t, MT_IR_SUB), 1, "%s", text);
    cr_expect_eq(count_ops(t, MT_IR_GUARD_TRUE) + count_ops(t, MT_IR_GUARD_FALSE), 1, "%s", text);
    cr_expect_eq(count_ops(t, MT_IR_GUARD_VALUE) + count_ops(t, MT_IR_CALL) + count_ops(t, MT_IR_NEW), 0,
                 "%s", text);
    /* every memory access is to the frame's slots: the pc, the code and
     * the frame header are never read */
    for (mt_ref r = 1; r < t->nins; r++) {
        const mt_ins *ins = &t->ins[r];
        if (mt_ir_info(ins)->flags & (MT_IRF_LOAD | MT_IRF_STORE)) {
            cr_expect_eq(ins->a, 1, "%%%u is not on the frame\n%s", r, text);
            cr_expect_geq(ins->aux, TINY_SLOT(0), "%%%u reads the frame header\n%s", r, text);
        }
    }
    free(text);
}

/* Optimized, the loop is peeled: in the loop proper n stays in a register
 * (no loads), and each trip is one subtraction and one guard.  The frame
 * stays out of memory: its three stores (n and the two stack slots a
 * deopt at the loop test needs; those overwritten before the test are
 * gone) are delayed, done only by deopt or at the trace's end. */
Test(tiny, counting_loop_optimized_keeps_n_in_a_register)
{
    int64_t greens[2], reds[1];
    mt_jittrace *loop = counting_loop(true, greens, reds);
    const mt_trace *t = &loop->ir;
    char *text = print_trace(t);
    cr_assert_neq(t->label, 0, "not peeled:\n%s", text);
    cr_expect_eq(t->ins[t->nins - 1].op, MT_IR_JUMP, "%s", text);
    cr_expect_eq(count_loop_ops(t, MT_IR_LOAD_INT), 0, "%s", text);
    cr_expect_eq(count_loop_ops(t, MT_IR_ADD) + count_loop_ops(t, MT_IR_SUB), 1, "%s", text);
    cr_expect_eq(count_loop_ops(t, MT_IR_GUARD_TRUE) + count_loop_ops(t, MT_IR_GUARD_FALSE), 1, "%s", text);
    unsigned stores = 0, delayed = 0;
    for (mt_ref r = t->label + 1; r < t->nins; r++)
        if (t->ins[r].op == MT_IR_STORE_INT)
            *(mt_ir_is_delayed_store(t, r) ? &delayed : &stores) += 1;
    cr_expect_eq(stores, 0, "%s", text);
    cr_expect_eq(delayed, 3, "%s", text);
    const mt_snapshot *exit = &t->snaps[t->ins[t->nins - 2].snap];
    cr_expect_eq(exit->npending, 3, "%s", text);
    /* and it counts right: run it until the loop test fails at n = 0 */
    mt_jit_run(loop, greens, reds);
    cr_expect_eq(((tiny_frame *)(intptr_t)reds[0])->slots[0], 0, "%s", text);
    cr_expect_eq(greens[1], 8, "%s", text); /* after the jumpif */
    free(text);
}

/* s += i ** e for i < 100, recorded at the loop header with the JIT's
 * usual path. */
static mt_jittrace *power_loop(int e)
{
    static tiny_program prog;
    static char source[512];
    char err[200];
    snprintf(source, sizeof source,
             "func main\n"
             "  push 0\n"
             "  store i\n"
             "loop:\n"
             "  load s\n"
             "  load i\n"
             "  push %d\n"
             "  pow\n"
             "  add\n"
             "  store s\n"
             "  load i\n"
             "  push 1\n"
             "  add\n"
             "  dup\n"
             "  store i\n"
             "  push 100\n"
             "  lt\n"
             "  jumpif loop\n"
             "  push 0\n"
             "  ret\n"
             "end\n",
             e);
    cr_assert(tiny_load(source, &prog, err, sizeof err), "%s", err);
    tiny_frame *frame = mt_alloc(TINY_SLOT(prog.main->nslots));
    int64_t greens[2] = {(int64_t)(intptr_t)prog.main, 2}, reds[1] = {(int64_t)(intptr_t)frame};
    mt_jittrace *loop = mt_jit_record_loop(&tiny_jit, greens, reds);
    cr_assert(loop);
    return loop;
}

/* pow's loop is unroll-safe: a small exponent is unrolled into the trace
 * (here a constant, so nothing is left to check), a large one is a call. */
Test(tiny, pow_unrolls_a_small_exponent_and_calls_for_a_large_one)
{
    const mt_trace *t = &power_loop(3)->ir;
    char *text = print_trace(t);
    cr_expect_eq(count_loop_ops(t, MT_IR_MUL), 2, "%s", text);
    cr_expect_eq(count_loop_ops(t, MT_IR_CALL) + count_loop_ops(t, MT_IR_GUARD_VALUE), 0, "%s", text);
    free(text);
    t = &power_loop(20)->ir;
    text = print_trace(t);
    cr_expect_eq(count_loop_ops(t, MT_IR_MUL), 0, "%s", text);
    cr_expect_eq(count_loop_ops(t, MT_IR_CALL), 1, "%s", text);
    free(text);
}

/* Resume mode takes an unroll-safe loop's way from the trace's decision
 * while the replay lasts: a trace that called (decision -1) is finished
 * with the call's recorded result, whatever the count; past the replay
 * list the count decides. */
Test(tiny, resume_mode_follows_the_unroll_decision_of_the_trace)
{
    static tiny_program prog;
    char err[200];
    cr_assert(tiny_load("func main\n  push 2\n  push 5\n  pow\n  ret\nend\n", &prog, err, sizeof err),
              "%s", err);
    tiny_frame *frame = mt_alloc(TINY_SLOT(prog.main->nslots));
    frame->slots[0] = 2; /* x */
    frame->slots[1] = 5; /* n: small enough to unroll */
    int64_t greens[2] = {(int64_t)(intptr_t)prog.main, 2}, reds[1] = {(int64_t)(intptr_t)frame};
    /* steps: load x, load n, the decision, the constant 1, the call's
     * result */
    const int64_t called[] = {2, 5, -1, 1, 42};
    mt_replay = (mt_replay_cursor){called, 5, 0};
    tiny_resume(greens, reds);
    cr_expect_eq(frame->slots[0], 42, "resume did not take the call the trace made");
    cr_expect_eq(mt_replay.next, 6); /* and the store after it */
    cr_expect_eq(greens[1], 3);
    /* nothing replayed: the count decides (2^5 by multiplying) */
    frame->slots[0] = 2;
    greens[1] = 2;
    mt_replay = (mt_replay_cursor){called, 0, 0};
    tiny_resume(greens, reds);
    cr_expect_eq(frame->slots[0], 32);
}
