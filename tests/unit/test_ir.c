/* test_ir.c — the IR's text form round-trips, and the verifier rejects
 * malformed traces. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "mt.h"
#include "mt_ir.h"
#include "test_util.h"

TestSuite(ir, .init = start_framework);

static int64_t fake_getc(int64_t cell) { return cell; }

static const char bf_loop[] =
    "  %1 = input.ptr 0\n"
    "  %2 = input.int 1\n"
    "  %3 = input.int 2\n"
    "  %4 = const.int 1\n"
    "  %5 = load_u8 %1, %2\n"
    "  %6 = add %5, %4\n"
    "  store_u8 %1, %2, %6\n"
    "  %8 = add %2, %4\n"
    "  %9 = ult %8, %3\n"
    "  guard_true %9 [4 | %1 %2 %3 | %8]\n"
    "  %11 = call.int fake_getc(%6) effects=io\n"
    "  guard_not_invalidated [5 | %1 %8 %3 | %11] depth=2\n"
    "  %13 = load_int %1, 16 frame\n"
    "  store_ptr %1, %1, -8\n"
    "  %15 = new 24\n"
    "  store_int %1, %13, 24 frame sunk\n"
    "  guard_value %11, %4 [7 9 | %1 %8 %3 | ] pending(%1.24=%13)\n"
    "  jump(%1, %8, %13)\n";

Test(ir, printed_trace_parses_back_to_the_same_text)
{
    mt_trace t;
    char err[200];
    mt_ir_register_call("fake_getc", (void *)fake_getc);
    cr_assert(mt_ir_parse(&t, bf_loop, err, sizeof err), "%s", err);
    cr_assert(mt_ir_verify(&t, err, sizeof err), "%s", err);
    char *text = print_trace(&t);
    cr_expect_str_eq(text, bf_loop);
    cr_expect_eq(t.ninputs, 3);
    cr_expect_eq(t.ncalls, 1);
    cr_expect_eq(t.calls[0].fn, (void *)fake_getc);
    cr_expect_eq(t.calls[0].effects, MT_EFFECT_IO);
    cr_expect_eq(t.nsnaps, 3);
    cr_expect_eq(t.snaps[1].depth, 2);
    cr_expect_eq(t.snaps[2].npending, 1);
    cr_expect(mt_ir_is_delayed_store(&t, 16));
    cr_expect_eq(t.ins[13].flags, MT_INSF_FRAME);
    free(text);
}

/* A call that may run interpreted code may do anything: the name alone
 * stands for every effect. */
Test(ir, reenters_implies_every_effect)
{
    mt_trace t;
    char err[200];
    mt_ir_register_call("fake_getc", (void *)fake_getc);
    cr_assert(mt_ir_parse(&t, "%1 = input.int 0\n%2 = call.int fake_getc(%1) effects=reenters\njump(%2)\n",
                          err, sizeof err), "%s", err);
    cr_expect_eq(t.calls[0].effects, MT_EFFECT_REENTERS);
    char *text = print_trace(&t);
    cr_expect(strstr(text, "effects=reads,writes,io,raises,reenters"), "%s", text);
    free(text);
}

Test(ir, labels_are_renumbered_in_order)
{
    mt_trace t;
    char err[200];
    cr_assert(mt_ir_parse(&t, "%10 = input.int 0\n# comment\n\n%7 = neg %10\njump(%7)\n", err, sizeof err),
              "%s", err);
    char *text = print_trace(&t);
    cr_expect_str_eq(text, "  %1 = input.int 0\n  %2 = neg %1\n  jump(%2)\n");
    free(text);
}

Test(ir, builder_interns_constants)
{
    mt_trace t;
    mt_trace_init(&t);
    mt_ref a = mt_ir_const(&t, MT_TYPE_INT, 42);
    mt_ref b = mt_ir_const(&t, MT_TYPE_INT, 7);
    cr_expect_eq(mt_ir_const(&t, MT_TYPE_INT, 42), a);
    cr_expect_neq(mt_ir_const(&t, MT_TYPE_PTR, 42), a);
    cr_expect_neq(a, b);
}

static void expect_parse_error(const char *text, const char *reason)
{
    mt_trace t;
    char err[200] = "";
    cr_expect_not(mt_ir_parse(&t, text, err, sizeof err), "accepted: %s", text);
    cr_expect(strstr(err, reason), "'%s': got '%s', expected '%s'", text, err, reason);
}

Test(ir, parse_errors_name_the_line_and_problem)
{
    expect_parse_error("%1 = input.int 0\n%2 = frob %1\n", "line 2: unknown operation 'frob'");
    expect_parse_error("%2 = add %1, %1\n", "line 1: %1 used before it is defined");
    expect_parse_error("%1 = input.int 0\n%1 = neg %1\n", "%1 defined twice");
    expect_parse_error("%1 = input.int 0\nguard_true %1\n", "expected '['");
    expect_parse_error("%1 = input.int 0\n%2 = neg %1 extra\n", "unexpected 'extra'");
    expect_parse_error("%1 = input.int 0\nneg %1\n", "needs a %N = in front");
    expect_parse_error("%1 = input.int 0\n%2 = store_u8 %1, %1, %1\n", "defines no value");
    expect_parse_error("%1 = add.int %1, %1\n", "takes no type suffix");
}

static void expect_invalid(const char *text, const char *reason)
{
    mt_trace t;
    char err[200] = "";
    cr_assert(mt_ir_parse(&t, text, err, sizeof err), "%s", err);
    cr_expect_not(mt_ir_verify(&t, err, sizeof err), "verified: %s", text);
    cr_expect(strstr(err, reason), "'%s': got '%s', expected '%s'", text, err, reason);
}

Test(ir, verifier_rejects_broken_traces)
{
    expect_invalid("%1 = input.int 0\njump(%1, %1)\n", "jump passes 2 values to a loop with 1 inputs");
    expect_invalid("%1 = input.int 0\njump(%1)\n%3 = neg %1\n", "JUMP before the end");
    expect_invalid("%1 = input.int 0\n%2 = neg %1\n%3 = input.int 1\njump(%1, %2)\n",
                   "input after the start");
    expect_invalid("%1 = input.int 0\n%2 = input.int 0\njump(%1)\n", "input slot 0 defined twice");
}

Test(ir, verifier_rejects_a_forward_reference)
{
    mt_trace t;
    char err[200];
    mt_trace_init(&t);
    mt_ref in = mt_ir_input(&t, MT_TYPE_INT, 0);
    mt_ir_emit(&t, MT_IR_NEG, MT_TYPE_INT, in + 2, 0, 0, 0);
    mt_ir_emit(&t, MT_IR_NEG, MT_TYPE_INT, in, 0, 0, 0);
    cr_expect_not(mt_ir_verify(&t, err, sizeof err));
    cr_expect(strstr(err, "%2: operand %3 is not defined before its use"), "%s", err);
}

Test(ir, verifier_rejects_a_guard_without_snapshot_and_a_void_operand)
{
    mt_trace t;
    char err[200];
    mt_trace_init(&t);
    mt_ref in = mt_ir_input(&t, MT_TYPE_INT, 0);
    mt_ref guard = mt_ir_emit(&t, MT_IR_GUARD_TRUE, MT_TYPE_VOID, in, 0, 0, 0);
    t.ins[guard].snap = 5;
    cr_expect_not(mt_ir_verify(&t, err, sizeof err));
    cr_expect(strstr(err, "guard without a snapshot"), "%s", err);
    t.ins[guard].op = MT_IR_NOP;
    mt_ir_emit(&t, MT_IR_NEG, MT_TYPE_INT, guard, 0, 0, 0);
    cr_expect_not(mt_ir_verify(&t, err, sizeof err));
    cr_expect(strstr(err, "has no value"), "%s", err);
}
