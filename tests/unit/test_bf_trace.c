/* test_bf_trace.c — trace shapes: what recording mtbf's handlers in trace
 * mode produces for small loops, and what the optimizer makes of it. */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <stdlib.h>
#include <string.h>

#include "bf.h"
#include "mt_ir.h"
#include "mt_jit.h"
#include "test_util.h"

TestSuite(bf_trace, .init = start_framework);

/* Parse `source`, set up cells, and record (and compile: optimized or
 * not) the loop whose '[' is the first, starting at its body the way a
 * hot loop header would. */
static void record(const char *source, bool optimize, const uint8_t *cells, size_t ncells, mt_trace *t,
                   bf_tape *tape, int64_t *pos)
{
    mt_jit_options()->optimize = optimize;
    bf_program prog;
    long line, column;
    char bracket;
    cr_assert(bf_parse(source, strlen(source), &prog, &line, &column, &bracket));
    bf_tape_init(tape, 1 << 20);
    *pos = tape->length / 2;
    memcpy(tape->cells + *pos, cells, ncells);
    size_t header = 0;
    while (prog.code[header].op != BF_OPEN)
        header++;
    int64_t greens[] = {(int64_t)(intptr_t)prog.code, (int64_t)header + 1, (int64_t)(intptr_t)tape};
    int64_t reds[] = {(int64_t)(intptr_t)tape->cells, *pos, tape->length};
    mt_jittrace *loop = mt_jit_record_loop(&bf_jit, greens, reds);
    cr_assert(loop);
    *t = loop->ir;
    *pos = reds[1];
    /* recording stopped back at the header */
    cr_expect_eq(greens[1], (int64_t)header + 1);
    char err[200];
    cr_assert(mt_ir_verify(t, err, sizeof err), "%s", err);
}

Test(bf_trace, move_loop_records_one_trip_with_guards_and_no_pc)
{
    mt_trace t;
    bf_tape tape;
    int64_t pos;
    const uint8_t cells[] = {3, 0};
    record("[->+<]", false, cells, sizeof cells, &t, &tape, &pos);
    char *text = print_trace(&t);
    /* one trip ran for real: the cell moved by one */
    cr_expect_eq(tape.cells[pos], 2, "%s", text);
    cr_expect_eq(tape.cells[pos + 1], 1, "%s", text);
    /* three inputs: cells, pos, length; the loop jumps back with them */
    cr_expect_eq(t.ninputs, 3);
    cr_expect_eq(t.ins[t.nins - 1].op, MT_IR_JUMP, "%s", text);
    /* two cell updates, each a load and a store through the cells input */
    cr_expect_eq(count_ops(&t, MT_IR_STORE_U8), 2, "%s", text);
    cr_expect_eq(count_ops(&t, MT_IR_LOAD_U8), 3, "%s", text); /* + the loop test */
    for (mt_ref r = 1; r < t.nins; r++)
        if (t.ins[r].op == MT_IR_LOAD_U8 || t.ins[r].op == MT_IR_STORE_U8)
            cr_expect_eq(t.ins[r].a, 1, "%%%u does not address the cells input\n%s", r, text);
    /* the program (and so the pc) is never read: no word loads at all */
    cr_expect_eq(count_ops(&t, MT_IR_LOAD_INT) + count_ops(&t, MT_IR_LOAD_PTR), 0, "%s", text);
    /* guards: two bounds checks for the moves and the loop-continue test
     * (the cell was non-zero, so the trace continues only while it is) */
    cr_expect_eq(count_ops(&t, MT_IR_GUARD_TRUE), 3, "%s", text);
    cr_expect_eq(count_ops(&t, MT_IR_GUARD_FALSE), 0, "%s", text);
    free(text);
    bf_tape_free(&tape);
}

Test(bf_trace, guard_snapshot_holds_the_instruction_start_and_its_replay)
{
    mt_trace t;
    bf_tape tape;
    int64_t pos;
    const uint8_t cells[] = {3, 0};
    record("[->+<]", false, cells, sizeof cells, &t, &tape, &pos);
    /* The first guard is the bounds check of '>' (instruction 2): the
     * snapshot's green is pc 2, its reds are the inputs, and its replay
     * list holds the constant and the add that '>' had already done. */
    mt_ref guard = 1;
    while (t.ins[guard].op != MT_IR_GUARD_TRUE)
        guard++;
    const mt_snapshot *s = &t.snaps[t.ins[guard].snap];
    cr_assert_eq(s->ngreens, 3);
    cr_expect_eq(t.words[s->greens + 1], 2);
    cr_assert_eq(s->nreds, 3);
    cr_expect_eq(t.pool[s->reds + 1], 2); /* pos is still the input */
    cr_assert_eq(s->nreplay, 3);          /* const 1, add, ult */
    cr_expect_eq(t.ins[t.pool[s->replay]].op, MT_IR_CONST);
    cr_expect_eq(t.ins[t.pool[s->replay + 1]].op, MT_IR_ADD);
    cr_expect_eq(t.ins[t.pool[s->replay + 2]].op, MT_IR_ULT);
    bf_tape_free(&tape);
}

Test(bf_trace, output_is_a_residual_call_with_io_effect)
{
    mt_trace t;
    bf_tape tape;
    int64_t pos;
    const uint8_t cells[] = {2, 0};
    cr_redirect_stdout();
    record("[.-]", false, cells, sizeof cells, &t, &tape, &pos);
    fflush(stdout);
    cr_assert_eq(count_ops(&t, MT_IR_CALL), 1);
    cr_expect_str_eq(t.calls[0].name, "bf_putc");
    cr_expect_eq(t.calls[0].effects, MT_EFFECT_IO);
    cr_expect_stdout_eq_str("\002");
    bf_tape_free(&tape);
}

/* Optimized, the move loop is peeled.  Its bounds checks only depend on
 * pos and the tape's length, which the loop does not change: they stay in
 * the preamble.  The two cells stay in registers from one trip to the
 * next, so the loop proper is two adds, two stores and the loop test. */
Test(bf_trace, move_loop_optimized_hoists_bounds_checks_and_keeps_cells_in_registers)
{
    mt_trace t;
    bf_tape tape;
    int64_t pos;
    const uint8_t cells[] = {3, 0};
    record("[->+<]", true, cells, sizeof cells, &t, &tape, &pos);
    char *text = print_trace(&t);
    cr_assert_neq(t.label, 0, "not peeled:\n%s", text);
    cr_expect_eq(count_loop_ops(&t, MT_IR_ULT), 0, "%s", text);
    cr_expect_eq(count_loop_ops(&t, MT_IR_LOAD_U8), 0, "%s", text);
    cr_expect_eq(count_loop_ops(&t, MT_IR_STORE_U8), 2, "%s", text);
    cr_expect_eq(count_loop_ops(&t, MT_IR_ADD), 2, "%s", text);
    cr_expect_eq(count_loop_ops(&t, MT_IR_GUARD_TRUE) + count_loop_ops(&t, MT_IR_GUARD_FALSE), 1, "%s", text);
    /* the carried values: the two cells */
    cr_expect_eq(t.ins[t.label].b, 2, "%s", text);
    free(text);
    bf_tape_free(&tape);
}

/* Output is I/O, not a heap write: the cell loaded for it is still known
 * afterwards, so '-' needs no second load, and the call stays in the loop. */
Test(bf_trace, output_loop_optimized_keeps_the_call_and_loads_nothing)
{
    mt_trace t;
    bf_tape tape;
    int64_t pos;
    const uint8_t cells[] = {2, 0};
    cr_redirect_stdout();
    record("[.-]", true, cells, sizeof cells, &t, &tape, &pos);
    fflush(stdout);
    char *text = print_trace(&t);
    cr_assert_neq(t.label, 0, "not peeled:\n%s", text);
    cr_expect_eq(count_loop_ops(&t, MT_IR_CALL), 1, "%s", text);
    cr_expect_eq(count_loop_ops(&t, MT_IR_LOAD_U8), 0, "%s", text);
    cr_expect_eq(count_ops(&t, MT_IR_LOAD_U8), 1, "%s", text);
    free(text);
    bf_tape_free(&tape);
}
