/* test_opt.c — the trace optimizer, one property at a time.
 *
 * Each test writes a small trace in the text form, runs mt_optimize on it
 * and checks a property of the result: how many of an operation are left,
 * what a jump or snapshot now refers to, which instructions are sunk,
 * whether the loop was peeled.  Traces that must not be peeled end with
 * `jump T2(...)` (a jump to another trace).
 *
 * Where the property is "the result computes the same thing", the test
 * runs the trace before and after optimization with the reference
 * evaluator (test_eval.h) and compares where and how each run leaves the
 * trace.  test_opt_random.c does the same for random traces. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "mt.h"
#include "mt_ir.h"
#include "mt_opt.h"
#include "test_eval.h"
#include "test_util.h"

TestSuite(opt, .init = start_framework);

/* ---- helpers --------------------------------------------------------------- */

static void parse_ok(mt_trace *t, const char *text)
{
    char err[256];
    cr_assert(mt_ir_parse(t, text, err, sizeof err), "parse: %s\n%s", err, text);
    cr_assert(mt_ir_verify(t, err, sizeof err), "the input does not verify: %s\n%s", err, text);
}

/* Parse `text`, optimize it into `t` and return the printed result (free()
 * it).  Both the input and the result must verify. */
static char *optimize(mt_trace *t, const char *text)
{
    char err[256];
    parse_ok(t, text);
    mt_optimize(t);
    char *out = print_trace(t);
    cr_assert(mt_ir_verify(t, err, sizeof err), "the result does not verify: %s\n%s", err, out);
    return out;
}

/* The n-th (from 0) instruction with operation `op`, or 0. */
static mt_ref nth_op(const mt_trace *t, mt_irop op, unsigned n)
{
    for (mt_ref r = 1; r < t->nins; r++)
        if (t->ins[r].op == op && n-- == 0)
            return r;
    return 0;
}

static const mt_ins *last_ins(const mt_trace *t) { return &t->ins[t->nins - 1]; }

/* Argument i of the trace's final jump. */
static mt_ref jump_arg(const mt_trace *t, uint32_t i)
{
    const mt_ins *j = last_ins(t);
    cr_assert_eq(j->op, MT_IR_JUMP, "the trace does not end with a jump");
    cr_assert_lt(i, j->b, "the jump has no argument %u", i);
    return t->pool[j->aux + i];
}

static bool is_const(const mt_trace *t, mt_ref r, int64_t value)
{
    return r && t->ins[r].op == MT_IR_CONST && t->ins[r].aux == value;
}

static bool is_input(const mt_trace *t, mt_ref r, int64_t slot)
{
    return r && t->ins[r].op == MT_IR_INPUT && t->ins[r].aux == slot;
}

static const mt_snapshot *snap_of(const mt_trace *t, mt_ref guard)
{
    cr_assert(guard && (mt_ir_info(&t->ins[guard])->flags & MT_IRF_GUARD), "%%%u is not a guard", guard);
    return &t->snaps[t->ins[guard].snap];
}

static bool has_line(const char *out, const char *line) { return strstr(out, line) != NULL; }

/* ---- running traces ------------------------------------------------------- */

enum { MAX_ITERATIONS = 1000, MEM_SIZE = 64 };
static uint8_t mem[MEM_SIZE]; /* what an input pointer in slot 0 points to */

/* Run `t` with the reference evaluator (test_eval.h), `mem` starting as
 * `init_mem`. */
static void run_from(const mt_trace *t, const int64_t *inputs, const uint8_t *init_mem, eval_result *res)
{
    memcpy(mem, init_mem, MEM_SIZE);
    eval_heap heap = {.objects = {{mem, MEM_SIZE, 0}}, .nobjects = 1};
    eval_run(t, inputs, &heap, MAX_ITERATIONS, res);
}

/* Run `text` as written and optimized, from the same inputs and memory
 * (an input slot 0 of type ptr points to `mem`, which starts as
 * `init_mem`), and expect both runs to leave the same way with the same
 * values and memory.  Returns the optimized trace's text (free() it). */
static char *expect_same_behaviour(mt_trace *opt, const char *text, const int64_t *inputs,
                                   const uint8_t *init_mem)
{
    mt_trace orig;
    parse_ok(&orig, text);
    char *out = optimize(opt, text);
    int64_t in[16];
    cr_assert_leq(orig.ninputs, 16);
    memcpy(in, inputs, orig.ninputs * sizeof *in);
    if (orig.ninputs && orig.ins[1].op == MT_IR_INPUT && orig.ins[1].type == MT_TYPE_PTR)
        in[orig.ins[1].aux] = (int64_t)(intptr_t)mem;
    eval_result want, got;
    run_from(&orig, in, init_mem, &want);
    run_from(opt, in, init_mem, &got);
    cr_expect(!strcmp(want.text, got.text), "as written:\n%soptimized:\n%strace:\n%s\noptimized:\n%s",
              want.text, got.text, text, out);
    cr_expect_neq(want.how, EVAL_FAULT, "the test trace is wrong: %s", want.text);
    cr_expect_neq(want.how, EVAL_LOOPING, "the test trace should leave");
    free(want.text);
    free(got.text);
    return out;
}

static const uint8_t zero_mem[MEM_SIZE];

static int64_t opaque(int64_t x) { return x * 3 + 1; }

/* ---- 1. constant folding --------------------------------------------------- */

/* Arithmetic and comparisons on constants become constants. */
Test(opt, fold_constant_arithmetic)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.int 0\n"
                         "%2 = const.int 6\n"
                         "%3 = const.int 7\n"
                         "%4 = add %2, %3\n"
                         "%5 = sub %2, %3\n"
                         "%6 = mul %2, %3\n"
                         "%7 = and %2, %3\n"
                         "%8 = lt %2, %3\n"
                         "%9 = eq %2, %3\n"
                         "%10 = shl %2, %3\n"
                         "jump T2(%4, %5, %6, %7, %8, %9, %10, %1)\n");
    const int64_t want[] = {13, -1, 42, 6, 1, 0, 6 << 7};
    for (uint32_t i = 0; i < 7; i++)
        cr_expect(is_const(&t, jump_arg(&t, i), want[i]), "argument %u is not %lld:\n%s", i,
                  (long long)want[i], out);
    cr_expect(is_input(&t, jump_arg(&t, 7), 0), "%s", out);
    cr_expect_eq(t.nins, 1 + 1 + 7 + 1, "only the input, the constants and the jump:\n%s", out);
    free(out);
}

/* x+0, x*1, x|0, x-x, x^x and x<x simplify without knowing x. */
Test(opt, fold_algebraic_identities)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.int 0\n"
                         "%2 = const.int 0\n"
                         "%3 = const.int 1\n"
                         "%4 = add %1, %2\n"
                         "%5 = mul %1, %3\n"
                         "%6 = or %1, %2\n"
                         "%7 = sub %1, %1\n"
                         "%8 = xor %1, %1\n"
                         "%9 = lt %1, %1\n"
                         "%10 = eq %1, %1\n"
                         "%11 = mul %3, %1\n" /* constant on the left */
                         "jump T2(%4, %5, %6, %7, %8, %9, %10, %11)\n");
    cr_expect(is_input(&t, jump_arg(&t, 0), 0), "x+0:\n%s", out);
    cr_expect(is_input(&t, jump_arg(&t, 1), 0), "x*1:\n%s", out);
    cr_expect(is_input(&t, jump_arg(&t, 2), 0), "x|0:\n%s", out);
    cr_expect(is_const(&t, jump_arg(&t, 3), 0), "x-x:\n%s", out);
    cr_expect(is_const(&t, jump_arg(&t, 4), 0), "x^x:\n%s", out);
    cr_expect(is_const(&t, jump_arg(&t, 5), 0), "x<x:\n%s", out);
    cr_expect(is_const(&t, jump_arg(&t, 6), 1), "x==x:\n%s", out);
    cr_expect(is_input(&t, jump_arg(&t, 7), 0), "1*x:\n%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_ADD) + count_ops(&t, MT_IR_SUB) + count_ops(&t, MT_IR_MUL) +
                     count_ops(&t, MT_IR_OR) + count_ops(&t, MT_IR_XOR) + count_ops(&t, MT_IR_LT) +
                     count_ops(&t, MT_IR_EQ),
                 0, "%s", out);
    free(out);
}

/* (x+1)+(-1) and (x+1)-1 are x: constants of an add chain combine (x-k is
 * rewritten x+(-k) first), and a chain that does not cancel stays one add. */
Test(opt, fold_reassociates_constant_adds)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.int 0\n"
                         "%2 = const.int 1\n"
                         "%3 = const.int -1\n"
                         "%4 = const.int 5\n"
                         "%5 = add %1, %2\n"
                         "%6 = add %5, %3\n"
                         "%7 = sub %5, %2\n"
                         "%8 = sub %5, %4\n"
                         "jump T2(%6, %7, %8)\n");
    cr_expect(is_input(&t, jump_arg(&t, 0), 0), "(x+1)+(-1):\n%s", out);
    cr_expect(is_input(&t, jump_arg(&t, 1), 0), "(x+1)-1:\n%s", out);
    mt_ref r = jump_arg(&t, 2);
    cr_expect(t.ins[r].op == MT_IR_ADD && is_input(&t, t.ins[r].a, 0) && is_const(&t, t.ins[r].b, -4),
              "(x+1)-5 should be x + -4:\n%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_ADD), 1, "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_SUB), 0, "%s", out);
    free(out);
}

/* A guard on a non-zero constant always holds and goes; guard_true on 0
 * always fails and must stay (it is the trace's way out). */
Test(opt, fold_guards_on_constants)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.int 0\n"
                         "%2 = const.int 3\n"
                         "%3 = const.int 0\n"
                         "%4 = const.int 4\n"
                         "guard_true %2 [1 | %1 | ]\n"
                         "guard_false %3 [2 | %1 | ]\n"
                         "%7 = lt %2, %4\n"
                         "guard_true %7 [3 | %1 | ]\n"
                         "jump T2(%1)\n");
    cr_expect_eq(count_ops(&t, MT_IR_GUARD_TRUE) + count_ops(&t, MT_IR_GUARD_FALSE), 0, "%s", out);
    free(out);

    out = optimize(&t,
                   "%1 = input.int 0\n"
                   "%2 = const.int 0\n"
                   "guard_true %2 [1 | %1 | ]\n"
                   "jump T2(%1)\n");
    cr_expect_eq(count_ops(&t, MT_IR_GUARD_TRUE), 1, "guard_true 0 must stay:\n%s", out);
    free(out);
}

/* A comparison's result is 0 or 1, so testing it against a constant
 * either always comes out the same (and a guard on that goes) or is the
 * comparison itself; a test it does not decide stays. */
Test(opt, fold_tests_of_a_comparison_result)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.int 0\n"
                         "%2 = input.int 1\n"
                         "%3 = const.int 0\n"
                         "%4 = const.int 1\n"
                         "%5 = const.int 7\n"
                         "%6 = ne %1, %2\n"
                         "%7 = lt %6, %3\n"   /* (x != y) < 0: never */
                         "guard_false %7 [1 | %1 %2 | ]\n"
                         "%9 = and %6, %4\n"  /* (x != y) & 1: itself */
                         "%10 = eq %6, %5\n"  /* (x != y) == 7: never */
                         "%11 = lt %3, %6\n"  /* 0 < (x != y): itself */
                         "%12 = ult %6, %5\n" /* unsigned < 7: always */
                         "%13 = add %6, %4\n" /* not a test: stays */
                         "%14 = lt %1, %6\n"  /* no constant: stays */
                         "jump T2(%9, %10, %11, %13, %14, %12)\n");
    cr_expect_eq(count_ops(&t, MT_IR_GUARD_FALSE), 0, "the guard on a decided test should go:\n%s", out);
    mt_ref ne = nth_op(&t, MT_IR_NE, 0);
    cr_expect(ne && jump_arg(&t, 0) == ne, "(x != y) & 1:\n%s", out);
    cr_expect(is_const(&t, jump_arg(&t, 1), 0), "(x != y) == 7:\n%s", out);
    cr_expect(jump_arg(&t, 2) == ne, "0 < (x != y):\n%s", out);
    cr_expect_eq(t.ins[jump_arg(&t, 3)].op, MT_IR_ADD, "%s", out);
    cr_expect_eq(t.ins[jump_arg(&t, 4)].op, MT_IR_LT, "%s", out);
    cr_expect(is_const(&t, jump_arg(&t, 5), 1), "(x != y) <u 7:\n%s", out);
    free(out);
}

/* ---- 2. common subexpressions --------------------------------------------- */

/* Equal pure operations, also with commuted operands, are computed once;
 * ones that differ in operation or operand are not merged. */
Test(opt, cse_merges_equal_operations)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.int 0\n"
                         "%2 = input.int 1\n"
                         "%3 = add %1, %2\n"
                         "%4 = add %1, %2\n"
                         "%5 = add %2, %1\n"
                         "%6 = sub %1, %2\n"
                         "%7 = sub %2, %1\n"
                         "%8 = add %1, %1\n"
                         "jump T2(%3, %4, %5, %6, %7, %8)\n");
    cr_expect_eq(count_ops(&t, MT_IR_ADD), 2, "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_SUB), 2, "sub is not commutative:\n%s", out);
    cr_expect_eq(jump_arg(&t, 0), jump_arg(&t, 1), "%s", out);
    cr_expect_eq(jump_arg(&t, 0), jump_arg(&t, 2), "%s", out);
    cr_expect_neq(jump_arg(&t, 3), jump_arg(&t, 4), "%s", out);
    cr_expect_neq(jump_arg(&t, 0), jump_arg(&t, 5), "%s", out);
    free(out);
}

/* A guard that repeats an earlier one (same operation, same value) is
 * removed, whatever its snapshot. */
Test(opt, cse_removes_a_repeated_guard)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.int 0\n"
                         "%2 = input.int 1\n"
                         "guard_true %1 [1 | %1 %2 | ]\n"
                         "%4 = add %2, %2\n"
                         "guard_true %1 [2 | %1 %4 | ]\n"
                         "%6 = ult %1, %2\n"
                         "guard_true %6 [3 | %1 %2 | ]\n"
                         "%8 = ult %1, %2\n"
                         "guard_true %8 [4 | %1 %2 | ]\n"
                         "guard_false %2 [5 | %1 %2 | ]\n"
                         "jump T2(%1, %4)\n");
    cr_expect_eq(count_ops(&t, MT_IR_GUARD_TRUE), 2, "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_GUARD_FALSE), 1, "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_ULT), 1, "%s", out);
    cr_expect(has_line(out, "[1 | "), "%s", out);
    cr_expect(!has_line(out, "[2 | "), "%s", out);
    cr_expect(!has_line(out, "[4 | "), "%s", out);
    free(out);
}

/* ---- 3. what guards teach ------------------------------------------------- */

/* After guard_value x, k the rest of the trace uses k for x. */
Test(opt, guard_value_makes_the_value_a_constant)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.int 0\n"
                         "%2 = const.int 5\n"
                         "%3 = const.int 1\n"
                         "%4 = add %1, %3\n" /* before the guard: stays */
                         "guard_value %1, %2 [1 | %1 | ]\n"
                         "%6 = add %1, %3\n"
                         "%7 = mul %1, %1\n"
                         "guard_true %1 [2 | %1 | ]\n"
                         "jump T2(%4, %6, %7, %1)\n");
    cr_expect_eq(count_ops(&t, MT_IR_GUARD_VALUE), 1, "the guard itself stays:\n%s", out);
    cr_expect_eq(t.ins[jump_arg(&t, 0)].op, MT_IR_ADD, "%s", out);
    cr_expect(is_const(&t, jump_arg(&t, 1), 6), "%s", out);
    cr_expect(is_const(&t, jump_arg(&t, 2), 25), "%s", out);
    cr_expect(is_const(&t, jump_arg(&t, 3), 5), "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_MUL), 0, "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_GUARD_TRUE), 0, "x is 5, so x != 0 holds:\n%s", out);
    /* the later snapshot names the constant too */
    mt_ref g = nth_op(&t, MT_IR_GUARD_VALUE, 0);
    cr_expect(is_input(&t, mt_snapshot_ref(&t, snap_of(&t, g), 0), 0), "%s", out);
    free(out);
}

/* After guard_false x, x is 0; after guard_true (x == k), x is k; after
 * guard_false (x != k), x is k. */
Test(opt, guard_false_and_equality_guards_give_values)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.int 0\n"
                         "%2 = input.int 1\n"
                         "%3 = input.int 2\n"
                         "%4 = const.int 7\n"
                         "%5 = const.int 9\n"
                         "guard_false %1 [1 | %1 | ]\n"
                         "%7 = eq %2, %4\n"
                         "guard_true %7 [2 | %2 | ]\n"
                         "%9 = ne %3, %5\n"
                         "guard_false %9 [3 | %3 | ]\n"
                         "%11 = add %2, %1\n"
                         "%12 = mul %3, %1\n"
                         "%13 = eq %2, %4\n"
                         "jump T2(%1, %2, %3, %11, %12, %13)\n");
    cr_expect(is_const(&t, jump_arg(&t, 0), 0), "%s", out);
    cr_expect(is_const(&t, jump_arg(&t, 1), 7), "%s", out);
    cr_expect(is_const(&t, jump_arg(&t, 2), 9), "%s", out);
    cr_expect(is_const(&t, jump_arg(&t, 3), 7), "%s", out);
    cr_expect(is_const(&t, jump_arg(&t, 4), 0), "%s", out);
    cr_expect(is_const(&t, jump_arg(&t, 5), 1), "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_ADD) + count_ops(&t, MT_IR_MUL), 0, "%s", out);
    free(out);
}

/* guard_true x only says x != 0: it must not make x 1. */
Test(opt, guard_true_on_a_plain_value_does_not_make_it_one)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.int 0\n"
                         "%2 = const.int 1\n"
                         "guard_true %1 [1 | %1 | ]\n"
                         "%4 = eq %1, %2\n"
                         "%5 = add %1, %2\n"
                         "jump T2(%4, %5)\n");
    cr_expect_eq(t.ins[jump_arg(&t, 0)].op, MT_IR_EQ, "%s", out);
    cr_expect_eq(t.ins[jump_arg(&t, 1)].op, MT_IR_ADD, "%s", out);
    free(out);
}

/* ---- 4. the heap cache ---------------------------------------------------- */

/* A load after a store to the same object and offset gives the stored
 * value; a load after a load of the same place gives the first load. */
Test(opt, heap_forwards_stores_and_shares_loads)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.ptr 0\n"
                         "%2 = input.int 1\n"
                         "store_int %1, %2, 8\n"
                         "%4 = load_int %1, 8\n"
                         "%5 = load_int %1, 16\n"
                         "%6 = load_int %1, 16\n"
                         "%7 = load_ptr %1, 24\n"
                         "%8 = load_ptr %1, 24\n"
                         "jump T2(%4, %5, %6, %7, %8)\n");
    cr_expect(is_input(&t, jump_arg(&t, 0), 1), "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_LOAD_INT), 1, "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_LOAD_PTR), 1, "%s", out);
    cr_expect_eq(jump_arg(&t, 1), jump_arg(&t, 2), "%s", out);
    cr_expect_eq(jump_arg(&t, 3), jump_arg(&t, 4), "%s", out);
    free(out);
}

/* store, load, a call with the given effects, then both loads again */
#define STORE_CALL_LOAD(effects)                        \
    "%1 = input.ptr 0\n"                                \
    "%2 = input.int 1\n"                                \
    "store_int %1, %2, 8\n"                             \
    "%4 = load_int %1, 16\n"                            \
    "%5 = call.int opaque(%2) effects=" effects "\n"    \
    "%6 = load_int %1, 8\n"                             \
    "%7 = load_int %1, 16\n"                            \
    "jump T2(%6, %7, %5)\n"

/* A call that may write the heap makes the cache forget everything. */
Test(opt, heap_call_that_writes_kills_the_cache)
{
    mt_trace t;
    mt_ir_register_call("opaque", (void *)opaque);
    char *out = optimize(&t, STORE_CALL_LOAD("writes"));
    cr_expect_eq(count_ops(&t, MT_IR_LOAD_INT), 2, "(the first load of 16 is dead):\n%s", out);
    cr_expect_eq(t.ins[jump_arg(&t, 0)].op, MT_IR_LOAD_INT, "%s", out);
    cr_expect_eq(t.ins[jump_arg(&t, 1)].op, MT_IR_LOAD_INT, "%s", out);
    free(out);
}

/* A call that only does I/O (or only reads) keeps the cache. */
Test(opt, heap_call_without_writes_keeps_the_cache)
{
    mt_trace t;
    mt_ir_register_call("opaque", (void *)opaque);
    const char *effects[] = {"io", "reads", "reads,io,raises"};
    const char *texts[] = {STORE_CALL_LOAD("io"), STORE_CALL_LOAD("reads"),
                           STORE_CALL_LOAD("reads,io,raises")};
    for (unsigned i = 0; i < 3; i++) {
        char *out = optimize(&t, texts[i]);
        cr_expect_eq(count_ops(&t, MT_IR_LOAD_INT), 1, "effects=%s:\n%s", effects[i], out);
        cr_expect(is_input(&t, jump_arg(&t, 0), 1), "effects=%s:\n%s", effects[i], out);
        free(out);
    }
}

/* A store elsewhere in the same object keeps what is known; a store that
 * overlaps the word, or through another pointer (which may be the same
 * object), kills it. */
Test(opt, heap_stores_kill_only_what_they_may_overwrite)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.ptr 0\n"
                         "%2 = input.int 1\n"
                         "%3 = input.int 2\n"
                         "store_int %1, %2, 8\n"
                         "store_int %1, %3, 16\n"
                         "store_int %1, %3, 0\n"
                         "%7 = load_int %1, 8\n"
                         "jump T2(%7)\n");
    cr_expect(is_input(&t, jump_arg(&t, 0), 1), "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_LOAD_INT), 0, "%s", out);
    free(out);

    out = optimize(&t,
                   "%1 = input.ptr 0\n"
                   "%2 = input.int 1\n"
                   "%3 = input.int 2\n"
                   "store_int %1, %2, 8\n"
                   "store_int %1, %3, 12\n" /* bytes 12..19 overlap 8..15 */
                   "%6 = load_int %1, 8\n"
                   "jump T2(%6)\n");
    cr_expect_eq(count_ops(&t, MT_IR_LOAD_INT), 1, "an overlapping store:\n%s", out);
    free(out);

    out = optimize(&t,
                   "%1 = input.ptr 0\n"
                   "%2 = input.int 1\n"
                   "%3 = input.ptr 2\n"
                   "store_int %1, %2, 8\n"
                   "store_int %3, %2, 8\n" /* %3 may be %1 */
                   "%6 = load_int %1, 8\n"
                   "jump T2(%6)\n");
    cr_expect_eq(count_ops(&t, MT_IR_LOAD_INT), 1, "a store through another pointer:\n%s", out);
    free(out);

    out = optimize(&t,
                   "%1 = input.ptr 0\n"
                   "%2 = input.int 1\n"
                   "%3 = input.int 2\n"
                   "store_int %1, %2, 8\n"
                   "store_u8 %1, %3, %2\n" /* some byte of the object */
                   "%6 = load_int %1, 8\n"
                   "jump T2(%6)\n");
    cr_expect_eq(count_ops(&t, MT_IR_LOAD_INT), 1, "a byte store into the object:\n%s", out);
    free(out);
}

/* A byte load after a byte store at the same index reads the stored
 * value's low byte: `and value, 255`, or the constant itself. */
Test(opt, heap_byte_store_then_load)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.ptr 0\n"
                         "%2 = input.int 1\n"
                         "%3 = input.int 2\n"
                         "store_u8 %1, %2, %3\n"
                         "%5 = load_u8 %1, %2\n"
                         "jump T2(%5)\n");
    cr_expect_eq(count_ops(&t, MT_IR_LOAD_U8), 0, "%s", out);
    mt_ref r = jump_arg(&t, 0);
    cr_expect(t.ins[r].op == MT_IR_AND && is_input(&t, t.ins[r].a, 2) && is_const(&t, t.ins[r].b, 255),
              "expected and %%value, 255:\n%s", out);
    free(out);

    out = optimize(&t,
                   "%1 = input.ptr 0\n"
                   "%2 = input.int 1\n"
                   "%3 = const.int 7\n"
                   "%4 = const.int 300\n"
                   "%5 = const.int 3\n"
                   "store_u8 %1, %2, %3\n"
                   "store_u8 %1, %5, %4\n"
                   "%8 = load_u8 %1, %2\n"
                   "%9 = load_u8 %1, %5\n"
                   "jump T2(%8, %9)\n");
    /* index 3 may be %2: the first store is forgotten */
    cr_expect_eq(count_ops(&t, MT_IR_LOAD_U8), 1, "%s", out);
    cr_expect(is_const(&t, jump_arg(&t, 1), 300 & 255), "300 reads back as 44:\n%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_AND), 0, "%s", out);
    free(out);

    out = optimize(&t,
                   "%1 = input.ptr 0\n"
                   "%2 = input.int 1\n"
                   "%3 = const.int 7\n"
                   "store_u8 %1, %2, %3\n"
                   "%5 = load_u8 %1, %2\n"
                   "jump T2(%5)\n");
    cr_expect(is_const(&t, jump_arg(&t, 0), 7), "%s", out);
    free(out);
}

/* A byte store at pos+1 cannot touch byte pos (nor pos+2); one at an
 * unrelated index can. */
Test(opt, heap_byte_store_at_a_neighbouring_index_keeps_knowledge)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.ptr 0\n"
                         "%2 = input.int 1\n"
                         "%3 = const.int 1\n"
                         "%4 = const.int 2\n"
                         "%5 = const.int 9\n"
                         "%6 = load_u8 %1, %2\n"
                         "%7 = add %2, %4\n"
                         "%8 = load_u8 %1, %7\n"
                         "%9 = add %2, %3\n"
                         "store_u8 %1, %9, %5\n"
                         "%11 = load_u8 %1, %2\n"
                         "%12 = load_u8 %1, %9\n"
                         "%13 = load_u8 %1, %7\n"
                         "jump T2(%6, %8, %11, %12, %13)\n");
    cr_expect_eq(count_ops(&t, MT_IR_LOAD_U8), 2, "%s", out);
    cr_expect_eq(t.ins[jump_arg(&t, 0)].op, MT_IR_LOAD_U8, "%s", out);
    cr_expect_eq(t.ins[jump_arg(&t, 1)].op, MT_IR_LOAD_U8, "%s", out);
    cr_expect_eq(jump_arg(&t, 2), jump_arg(&t, 0), "byte pos is still known:\n%s", out);
    cr_expect(is_const(&t, jump_arg(&t, 3), 9), "%s", out);
    cr_expect_eq(jump_arg(&t, 4), jump_arg(&t, 1), "byte pos+2 is still known:\n%s", out);
    free(out);

    out = optimize(&t,
                   "%1 = input.ptr 0\n"
                   "%2 = input.int 1\n"
                   "%3 = input.int 2\n"
                   "%4 = const.int 9\n"
                   "%5 = load_u8 %1, %2\n"
                   "store_u8 %1, %3, %4\n"
                   "%7 = load_u8 %1, %2\n"
                   "jump T2(%5, %7)\n");
    cr_expect_eq(count_ops(&t, MT_IR_LOAD_U8), 2, "an unknown index may be pos:\n%s", out);
    free(out);
}

/* A field of an object the trace allocated and nothing wrote is 0. */
Test(opt, heap_load_from_a_fresh_object_is_zero)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.ptr 0\n"
                         "%2 = input.int 1\n"
                         "%3 = new 24\n"
                         "store_int %1, %2, 8\n" /* %1 existed before %3: not the same object */
                         "%5 = load_int %3, 8\n"
                         "%6 = load_ptr %3, 16\n"
                         "%7 = const.int 5\n"
                         "%8 = load_u8 %3, %7\n"
                         "jump T2(%5, %6, %8)\n");
    cr_expect(is_const(&t, jump_arg(&t, 0), 0), "%s", out);
    cr_expect(is_const(&t, jump_arg(&t, 1), 0), "%s", out);
    cr_expect_eq(t.ins[jump_arg(&t, 1)].type, MT_TYPE_PTR, "a null pointer:\n%s", out);
    cr_expect(is_const(&t, jump_arg(&t, 2), 0), "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_LOAD_INT) + count_ops(&t, MT_IR_LOAD_PTR) + count_ops(&t, MT_IR_LOAD_U8),
                 0, "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_NEW), 0, "nothing needs the object any more:\n%s", out);
    free(out);
}

/* After a store into the fresh object, only the loads it cannot have
 * written are still known to be 0: another word is, a word the store
 * overlaps is not. */
Test(opt, heap_fresh_object_after_an_overlapping_word_store)
{
    mt_trace t;
    static const char text[] =
        "%1 = input.int 0\n"
        "%2 = new 24\n"
        "store_int %2, %1, 4\n" /* bytes 4..11 */
        "%4 = load_int %2, 16\n"
        "%5 = load_int %2, 0\n"
        "%6 = load_int %2, 8\n"
        "jump T2(%4, %5, %6, %2)\n";
    char *out = optimize(&t, text);
    cr_expect(is_const(&t, jump_arg(&t, 0), 0), "bytes 16..23 are untouched:\n%s", out);
    cr_expect(!is_const(&t, jump_arg(&t, 1), 0), "bytes 4..7 were written:\n%s", out);
    cr_expect(!is_const(&t, jump_arg(&t, 2), 0), "bytes 8..11 were written:\n%s", out);
    free(out);
    const int64_t in[] = {-1};
    free(expect_same_behaviour(&t, text, in, zero_mem));
}

/* A word stored into the fresh object stays known when a byte store
 * elsewhere in the object comes after it: at worst the byte store makes
 * the word unknown, it never makes it 0 again. */
Test(opt, heap_fresh_object_word_store_then_byte_store)
{
    mt_trace t;
    static const char text[] =
        "%1 = input.int 0\n"
        "%2 = new 32\n"
        "store_int %2, %1, 8\n"
        "%4 = const.int 24\n"
        "%5 = const.int 7\n"
        "store_u8 %2, %4, %5\n" /* byte 24: not the word at 8 */
        "%7 = load_int %2, 8\n"
        "jump T2(%7, %2)\n";
    char *out = optimize(&t, text);
    cr_expect(!is_const(&t, jump_arg(&t, 0), 0), "the word at 8 holds %%1, not 0:\n%s", out);
    free(out);
    const int64_t in[] = {42};
    free(expect_same_behaviour(&t, text, in, zero_mem));
}

/* The same with bytes: after a byte store at an unknown index, a byte
 * load at another unknown index may read it. */
Test(opt, heap_fresh_object_after_a_byte_store_at_an_unknown_index)
{
    mt_trace t;
    static const char text[] =
        "%1 = input.int 0\n"
        "%2 = input.int 1\n"
        "%3 = const.int 9\n"
        "%4 = new 16\n"
        "store_u8 %4, %1, %3\n"
        "%6 = load_u8 %4, %2\n"
        "jump T2(%6, %4)\n";
    char *out = optimize(&t, text);
    cr_expect(!is_const(&t, jump_arg(&t, 0), 0), "%%2 may equal %%1, then the byte is 9:\n%s", out);
    free(out);
    /* run it with both indexes 3 */
    const int64_t in[] = {3, 3};
    free(expect_same_behaviour(&t, text, in, zero_mem));
}

/* ---- 5. allocation sinking ------------------------------------------------ */

/* An object only stored into and named by snapshots is not allocated: its
 * NEW and stores are sunk, and the guard that names it lists them for
 * deopt. */
Test(opt, sink_an_object_only_stored_into)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.int 0\n"
                         "%2 = input.int 1\n"
                         "%3 = new 16\n"
                         "store_int %3, %1, 0\n"
                         "%5 = const.int 2\n"
                         "store_u8 %3, %5, %2\n"
                         "guard_true %2 [1 | %3 | ]\n"
                         "jump T2(%1)\n");
    mt_ref n = nth_op(&t, MT_IR_NEW, 0);
    cr_assert(n, "%s", out);
    cr_expect(t.ins[n].flags & MT_INSF_SUNK, "%s", out);
    cr_expect(t.ins[nth_op(&t, MT_IR_STORE_INT, 0)].flags & MT_INSF_SUNK, "%s", out);
    cr_expect(t.ins[nth_op(&t, MT_IR_STORE_U8, 0)].flags & MT_INSF_SUNK, "%s", out);
    cr_expect(has_line(out, " = new 16 sunk\n"), "%s", out);
    cr_expect_eq(snap_of(&t, nth_op(&t, MT_IR_GUARD_TRUE, 0))->nvirt, 3, "%s", out);
    free(out);
}

/* An object nothing names at all disappears with its stores. */
Test(opt, sink_an_unused_object_disappears)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.int 0\n"
                         "%2 = new 16\n"
                         "store_int %2, %1, 8\n"
                         "guard_true %1 [1 | %1 | ]\n"
                         "jump T2(%1)\n");
    cr_expect_eq(count_ops(&t, MT_IR_NEW), 0, "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_STORE_INT), 0, "%s", out);
    free(out);
}

static void expect_escapes(const char *text, const char *why)
{
    mt_trace t;
    char *out = optimize(&t, text);
    mt_ref n = nth_op(&t, MT_IR_NEW, 0);
    cr_assert(n, "%s: the new is gone:\n%s", why, out);
    cr_expect(!(t.ins[n].flags & MT_INSF_SUNK), "%s: the new is sunk:\n%s", why, out);
    for (mt_ref r = 1; r < t.nins; r++)
        cr_expect(!(t.ins[r].flags & MT_INSF_SUNK), "%s: %%%u is sunk:\n%s", why, r, out);
    mt_ref g = nth_op(&t, MT_IR_GUARD_TRUE, 0);
    if (g)
        cr_expect_eq(snap_of(&t, g)->nvirt, 0, "%s:\n%s", why, out);
    free(out);
}

/* Each iteration allocates an object and passes it to the next, whose
 * snapshot names it: it is carried around the peeled loop. */
static const char carried_object_loop[] =
    "%1 = input.ptr 0\n" /* the previous iteration's object */
    "%2 = input.int 1\n"
    "%3 = const.int 1\n"
    "%4 = const.int 10\n"
    "%5 = new 16\n"
    "store_int %5, %2, 0\n"
    "%7 = add %2, %3\n"
    "%8 = lt %7, %4\n"
    "guard_true %8 [1 | %1 %7 | ]\n"
    "jump(%5, %7)\n";

/* Passing the object to a call, storing it into an object that exists
 * (an input), passing it to the next trace or around the loop, or storing
 * it into a sunk object that itself escapes, makes it escape; so does a
 * byte store into it at an index that is not a constant. */
Test(opt, sink_escaping_objects_stay_allocated)
{
    mt_ir_register_call("opaque", (void *)opaque);
    expect_escapes("%1 = input.int 0\n"
                   "%2 = new 16\n"
                   "store_int %2, %1, 0\n"
                   "%4 = call.int opaque(%2) effects=io\n"
                   "guard_true %1 [1 | %2 | ]\n"
                   "jump T2(%4)\n",
                   "passed to a call");
    expect_escapes("%1 = input.ptr 0\n"
                   "%2 = input.int 1\n"
                   "%3 = new 16\n"
                   "store_int %3, %2, 0\n"
                   "store_ptr %1, %3, 8\n"
                   "guard_true %2 [1 | %3 | ]\n"
                   "jump T2(%1)\n",
                   "stored into an input");
    expect_escapes("%1 = input.int 0\n"
                   "%2 = new 16\n"
                   "store_int %2, %1, 0\n"
                   "guard_true %1 [1 | %2 | ]\n"
                   "jump T2(%2)\n",
                   "passed to the next trace");
    expect_escapes(carried_object_loop, "carried around the loop");
    expect_escapes("%1 = input.int 0\n"
                   "%2 = input.int 1\n"
                   "%3 = new 16\n"
                   "store_u8 %3, %1, %2\n" /* deopt could not replay it */
                   "guard_true %2 [1 | %3 | ]\n"
                   "jump T2(%1)\n",
                   "a byte store into it at an index that is not a constant");
    expect_escapes("%1 = input.ptr 0\n"
                   "%2 = input.int 1\n"
                   "%3 = new 16\n"
                   "%4 = new 16\n"
                   "store_int %4, %2, 0\n"
                   "store_ptr %3, %4, 8\n" /* %4 into %3 ... */
                   "store_ptr %1, %3, 0\n" /* ... and %3 escapes */
                   "guard_true %2 [1 | %4 | ]\n"
                   "jump T2(%1)\n",
                   "stored into an escaping object");
}

/* The loop that carries its object runs as written (and is peeled). */
Test(opt, sink_object_carried_around_the_loop_runs_as_written)
{
    mt_trace t;
    const int64_t in[] = {0, 0};
    char *out = expect_same_behaviour(&t, carried_object_loop, in, zero_mem);
    cr_expect_neq(t.label, 0, "%s", out);
    free(out);
}

/* A guard's virtual list names the sunk object and the stores into it
 * before the guard only; a later guard also gets the later stores. */
Test(opt, sink_virtual_lists_name_stores_before_the_guard)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.int 0\n"
                         "%2 = input.int 1\n"
                         "%3 = new 24\n"
                         "store_int %3, %1, 0\n"
                         "guard_true %2 [1 | %3 | ]\n"
                         "store_int %3, %2, 8\n"
                         "guard_true %1 [2 | %3 %1 | ]\n"
                         "guard_false %2 [3 | %1 | ]\n" /* names no object */
                         "jump T2(%1)\n");
    mt_ref g1 = nth_op(&t, MT_IR_GUARD_TRUE, 0), g2 = nth_op(&t, MT_IR_GUARD_TRUE, 1);
    mt_ref g3 = nth_op(&t, MT_IR_GUARD_FALSE, 0);
    mt_ref n = nth_op(&t, MT_IR_NEW, 0);
    mt_ref s1 = nth_op(&t, MT_IR_STORE_INT, 0), s2 = nth_op(&t, MT_IR_STORE_INT, 1);
    cr_assert(g1 && g2 && g3 && n && s1 && s2, "%s", out);
    cr_expect(t.ins[n].flags & t.ins[s1].flags & t.ins[s2].flags & MT_INSF_SUNK, "%s", out);
    const mt_snapshot *a = snap_of(&t, g1), *b = snap_of(&t, g2), *c = snap_of(&t, g3);
    cr_assert_eq(a->nvirt, 2, "%s", out);
    cr_expect_eq(t.pool[a->virt], n, "%s", out);
    cr_expect_eq(t.pool[a->virt + 1], s1, "%s", out);
    cr_assert_eq(b->nvirt, 3, "%s", out);
    cr_expect_eq(t.pool[b->virt], n, "%s", out);
    cr_expect_eq(t.pool[b->virt + 1], s1, "%s", out);
    cr_expect_eq(t.pool[b->virt + 2], s2, "%s", out);
    cr_expect_eq(c->nvirt, 0, "%s", out);
    free(out);
}

/* An object stored into a sunk object is sunk too; a snapshot that names
 * the outer one lists both. */
Test(opt, sink_nested_objects)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.int 0\n"
                         "%2 = new 16\n"
                         "%3 = new 16\n"
                         "store_int %3, %1, 0\n"
                         "store_ptr %2, %3, 8\n"
                         "guard_true %1 [1 | %2 | ]\n"
                         "jump T2(%1)\n");
    cr_expect_eq(count_ops(&t, MT_IR_NEW), 2, "%s", out);
    for (mt_ref r = 1; r < t.nins; r++)
        if (t.ins[r].op == MT_IR_NEW || t.ins[r].op == MT_IR_STORE_INT || t.ins[r].op == MT_IR_STORE_PTR)
            cr_expect(t.ins[r].flags & MT_INSF_SUNK, "%%%u:\n%s", r, out);
    cr_expect_eq(snap_of(&t, nth_op(&t, MT_IR_GUARD_TRUE, 0))->nvirt, 4, "%s", out);
    free(out);
}

/* ---- 6. dead code --------------------------------------------------------- */

/* Unused pure operations and loads go; a value only a snapshot names
 * stays. */
Test(opt, dce_removes_unused_values_but_keeps_snapshot_ones)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.ptr 0\n"
                         "%2 = input.int 1\n"
                         "%3 = mul %2, %2\n"
                         "%4 = load_int %1, 8\n"
                         "%5 = sub %2, %4\n"
                         "%6 = xor %2, %2\n"
                         "%7 = shl %2, %2\n"
                         "guard_true %2 [1 | %1 %7 | ]\n"
                         "jump T2(%1, %2)\n");
    cr_expect_eq(count_ops(&t, MT_IR_MUL), 0, "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_LOAD_INT), 0, "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_SUB), 0, "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_SHL), 1, "named by the snapshot:\n%s", out);
    cr_expect_eq(t.ins[mt_snapshot_ref(&t, snap_of(&t, nth_op(&t, MT_IR_GUARD_TRUE, 0)), 1)].op, MT_IR_SHL,
                 "%s", out);
    free(out);
}

/* A store overwritten before anything could see it is removed. */
Test(opt, dce_removes_an_overwritten_store)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.ptr 0\n"
                         "%2 = input.int 1\n"
                         "%3 = input.int 2\n"
                         "store_int %1, %2, 8\n"
                         "store_int %1, %2, 16\n"
                         "store_int %1, %3, 8\n"
                         "%7 = const.int 4\n"
                         "store_u8 %1, %7, %2\n"
                         "store_u8 %1, %7, %3\n"
                         "jump T2(%1)\n");
    cr_expect_eq(count_ops(&t, MT_IR_STORE_INT), 2, "%s", out);
    cr_expect(is_input(&t, t.ins[nth_op(&t, MT_IR_STORE_INT, 0)].b, 1), "the store at 16:\n%s", out);
    cr_expect_eq(t.ins[nth_op(&t, MT_IR_STORE_INT, 0)].aux, 16, "%s", out);
    cr_expect(is_input(&t, t.ins[nth_op(&t, MT_IR_STORE_INT, 1)].b, 2), "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_STORE_U8), 1, "%s", out);
    cr_expect(is_input(&t, t.ins[nth_op(&t, MT_IR_STORE_U8, 0)].c, 2), "%s", out);
    free(out);
}

/* ... but not when a guard (deopt hands memory to the interpreter), a
 * call, or a load that may read it comes between. */
Test(opt, dce_keeps_a_store_something_may_see)
{
    mt_trace t;
    mt_ir_register_call("opaque", (void *)opaque);
    const char *between[] = {
        "guard_true %3 [1 | %1 | ]",
        "%9 = call.int opaque(%2) effects=io",
        "%9 = load_int %4, 8", /* %4 may be %1 */
        "%9 = load_u8 %1, %3",
    };
    for (unsigned i = 0; i < sizeof between / sizeof between[0]; i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "%%1 = input.ptr 0\n"
                 "%%2 = input.int 1\n"
                 "%%3 = input.int 2\n"
                 "%%4 = input.ptr 3\n"
                 "store_int %%1, %%2, 8\n"
                 "%s\n"
                 "store_int %%1, %%3, 8\n"
                 "jump T2(%%1%s)\n",
                 between[i], i ? ", %9" : "");
        char *out = optimize(&t, text);
        cr_expect_eq(count_ops(&t, MT_IR_STORE_INT), 2, "with `%s` between:\n%s", between[i], out);
        free(out);
    }
}

/* ---- 7. loop peeling ------------------------------------------------------ */

static const char counting_loop[] =
    "%1 = input.ptr 0\n"
    "%2 = input.int 1\n" /* i */
    "%3 = input.int 2\n" /* n, the same every iteration */
    "%4 = const.int 1\n"
    "%5 = add %2, %4\n"
    "%6 = mul %3, %3\n" /* invariant */
    "%7 = add %6, %5\n"
    "store_int %1, %7, 8\n"
    "%9 = lt %5, %3\n"
    "guard_true %9 [1 | %1 %5 %3 | ]\n"
    "jump(%1, %5, %3)\n";

/* A loop that jumps to its own start is peeled: a preamble, a label, and
 * the loop, where the invariant mul is only in the preamble and the label
 * carries the counter. */
Test(opt, peel_a_counting_loop)
{
    mt_trace t;
    const int64_t in[] = {0, 0, 10};
    char *out = expect_same_behaviour(&t, counting_loop, in, zero_mem);
    cr_assert_neq(t.label, 0, "not peeled:\n%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_LABEL), 1, "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_MUL), 1, "%s", out);
    cr_expect_eq(count_loop_ops(&t, MT_IR_MUL), 0, "the mul is hoisted:\n%s", out);
    cr_expect_eq(count_loop_ops(&t, MT_IR_ADD), 2, "%s", out);
    cr_expect_eq(count_loop_ops(&t, MT_IR_LT), 1, "%s", out);
    cr_expect_eq(count_loop_ops(&t, MT_IR_GUARD_TRUE), 1, "%s", out);
    cr_expect_eq(count_loop_ops(&t, MT_IR_STORE_INT), 1, "%s", out);
    cr_expect_eq(count_loop_ops(&t, MT_IR_INPUT), 0, "%s", out);
    /* The label carries the counter: the preamble's i+1, whose next value
     * is an add in the loop.  Invariants (n, n*n, the pointer) are not
     * carried. */
    const mt_ins *label = &t.ins[t.label];
    const mt_ins *jump = last_ins(&t);
    cr_assert_eq(jump->op, MT_IR_JUMP, "%s", out);
    cr_expect_eq(jump->c, 0, "%s", out);
    cr_assert_eq(jump->b, label->b, "%s", out);
    mt_ref i1 = nth_op(&t, MT_IR_ADD, 0); /* the preamble's i+1 */
    cr_assert(i1 && i1 < t.label && is_input(&t, t.ins[i1].a, 1) && is_const(&t, t.ins[i1].b, 1), "%s", out);
    bool carries_i = false;
    for (uint32_t k = 0; k < label->b; k++) {
        mt_ref lhs = t.pool[label->aux + k], rhs = t.pool[jump->aux + k];
        cr_expect(lhs < t.label, "%s", out);
        cr_expect(!is_input(&t, lhs, 0) && !is_input(&t, lhs, 2) && t.ins[lhs].op != MT_IR_MUL,
                  "carries the invariant %%%u:\n%s", lhs, out);
        if (lhs == i1) {
            carries_i = true;
            cr_expect(rhs > t.label && t.ins[rhs].op == MT_IR_ADD, "%s", out);
        }
    }
    cr_expect(carries_i, "the label does not carry i:\n%s", out);
    free(out);
}

/* Loads of memory the loop never writes are invariant too; loads of
 * memory it writes are not. */
Test(opt, peel_hoists_invariant_loads_only)
{
    mt_trace t;
    static const char text[] =
        "%1 = input.ptr 0\n"
        "%2 = input.int 1\n"
        "%3 = load_int %1, 0\n"  /* the limit: never written */
        "%4 = load_int %1, 16\n" /* the sum: written below */
        "%5 = add %4, %2\n"
        "store_int %1, %5, 16\n"
        "%7 = const.int 1\n"
        "%8 = add %2, %7\n"
        "%9 = lt %8, %3\n"
        "guard_true %9 [1 | %1 %8 | ]\n"
        "jump(%1, %8)\n";
    uint8_t init[MEM_SIZE] = {0};
    init[0] = 12;     /* limit */
    init[16] = 100;   /* sum */
    const int64_t in[] = {0, 0};
    char *out = expect_same_behaviour(&t, text, in, init);
    cr_assert_neq(t.label, 0, "not peeled:\n%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_LOAD_INT), 2, "%s", out);
    cr_expect_eq(count_loop_ops(&t, MT_IR_LOAD_INT), 0,
                 "the sum is carried, not reloaded; the limit is invariant:\n%s", out);
    /* the sum the preamble stores is carried into the loop */
    mt_ref sum = t.ins[nth_op(&t, MT_IR_STORE_INT, 0)].b;
    bool carried = false;
    for (uint32_t k = 0; k < t.ins[t.label].b; k++)
        carried |= t.pool[t.ins[t.label].aux + k] == sum;
    cr_expect(carried, "the label does not carry the sum:\n%s", out);
    free(out);
}

/* A volatile load (a flag a signal handler sets) is read again in every
 * trip round the loop, not hoisted out of it like the plain load; within
 * a trip a second load of the flag takes the first one's value, until a
 * call that may write memory. */
Test(opt, volatile_loads_stay_where_they_are)
{
    mt_trace t;
    static const char text[] =
        "%1 = input.ptr 0\n"
        "%2 = input.int 1\n"
        "%3 = const.int 8\n"
        "%4 = load_u8 %1, %3 volatile\n"
        "guard_false %4 [1 | %1 %2 | ]\n"
        "%6 = load_u8 %1, %3 volatile\n" /* is %4 */
        "guard_false %6 [2 | %1 %2 | ]\n"
        "%8 = const.int 0\n"
        "%9 = load_u8 %1, %8\n"          /* byte 0, the step: hoisted */
        "%10 = add %2, %9\n"
        "%11 = const.int 100\n"
        "%12 = lt %10, %11\n"
        "guard_true %12 [3 | %1 %10 | ]\n"
        "jump(%1, %10)\n";
    uint8_t init[MEM_SIZE] = {0};
    init[0] = 5; /* the step */
    init[8] = 0; /* the flag is clear: the loop runs to its end */
    const int64_t in[] = {0, 0};
    char *out = expect_same_behaviour(&t, text, in, init);
    cr_assert_neq(t.label, 0, "not peeled:\n%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_LOAD_U8), 3, "a volatile load per copy and one plain:\n%s", out);
    cr_expect_eq(count_loop_ops(&t, MT_IR_LOAD_U8), 1, "the volatile load stays in the loop:\n%s", out);
    cr_expect_eq(count_loop_ops(&t, MT_IR_GUARD_FALSE), 1, "%s", out);
    for (mt_ref r = 1; r < t.nins; r++)
        if (t.ins[r].op == MT_IR_LOAD_U8 && r > t.label)
            cr_expect(t.ins[r].flags & MT_INSF_VOLATILE, "a plain load in the loop:\n%s", out);
    free(out);

    /* a call that may write memory (it may be what sets the flag) makes
     * the next load read again; one that writes nothing does not */
    mt_ir_register_call("opaque", (void *)opaque);
    out = optimize(&t,
                   "%1 = input.ptr 0\n"
                   "%2 = const.int 8\n"
                   "%3 = load_u8 %1, %2 volatile\n"
                   "%4 = call.int opaque(%3) effects=writes\n"
                   "%5 = load_u8 %1, %2 volatile\n"
                   "%6 = call.int opaque(%5) effects=io\n"
                   "%7 = load_u8 %1, %2 volatile\n"
                   "jump T2(%3, %5, %7, %4, %6)\n");
    cr_expect_eq(count_ops(&t, MT_IR_LOAD_U8), 2, "%s", out);
    cr_expect_neq(jump_arg(&t, 0), jump_arg(&t, 1), "read again after a writing call:\n%s", out);
    cr_expect_eq(jump_arg(&t, 1), jump_arg(&t, 2), "%s", out);
    free(out);

    /* only loads can be volatile */
    char err[256];
    cr_assert(mt_ir_parse(&t, "%1 = input.ptr 0\n%2 = const.int 0\nstore_u8 %1, %2, %2 volatile\nexit [1 | %1 | ]\n",
                          err, sizeof err), "%s", err);
    cr_expect(!mt_ir_verify(&t, err, sizeof err), "a volatile store verified");
}

/* A trace that ends by jumping to another trace is not peeled. */
Test(opt, peel_not_for_a_jump_to_another_trace)
{
    mt_trace t;
    char *out = optimize(&t,
                         "%1 = input.ptr 0\n"
                         "%2 = input.int 1\n"
                         "%3 = input.int 2\n"
                         "%4 = const.int 1\n"
                         "%5 = add %2, %4\n"
                         "%6 = mul %3, %3\n"
                         "%7 = lt %5, %6\n"
                         "guard_true %7 [1 | %1 %5 %3 | ]\n"
                         "jump T3(%1, %5, %3)\n");
    cr_expect_eq(t.label, 0, "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_LABEL), 0, "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_ADD), 1, "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_GUARD_TRUE), 1, "%s", out);
    cr_expect(has_line(out, "jump T3("), "%s", out);
    free(out);
}

/* The first iteration knows an input is 5 (a guard_value), but the next
 * iteration passes 6: a loop specialized to a constant would be wrong, so
 * the trace is not peeled, and runs as written (the guard fails in the
 * second iteration). */
Test(opt, peel_input_constant_in_the_first_iteration_only)
{
    mt_trace t;
    static const char text[] =
        "%1 = input.ptr 0\n"
        "%2 = input.int 1\n"
        "%3 = const.int 5\n"
        "%4 = const.int 1\n"
        "guard_value %2, %3 [1 | %1 %2 | ]\n"
        "%6 = add %2, %4\n"
        "store_int %1, %6, 8\n"
        "jump(%1, %6)\n";
    const int64_t in[] = {0, 5};
    char *out = expect_same_behaviour(&t, text, in, zero_mem);
    /* mt_opt_peel.c: a loop specialized to a constant that changes is not
     * peeled; the trace is optimized without peeling */
    cr_expect_eq(t.label, 0, "%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_GUARD_VALUE), 1, "%s", out);
    cr_expect(is_const(&t, jump_arg(&t, 1), 6), "x+1 is 6 after the guard:\n%s", out);
    free(out);
}

/* The jump passes the constant 0 for slot 1 and the body adds 1 to it, so
 * the preamble may take slot 1 as 0 while the loop... also sees 0 at the
 * top of every iteration: the loop computes the same every time. */
Test(opt, peel_input_that_is_the_same_constant_every_iteration)
{
    mt_trace t;
    static const char text[] =
        "%1 = input.ptr 0\n"
        "%2 = input.int 1\n" /* k: 0 from the second iteration on */
        "%3 = input.int 2\n" /* i */
        "%4 = const.int 0\n"
        "%5 = const.int 1\n"
        "%6 = add %2, %5\n"
        "%7 = add %3, %6\n"
        "%8 = load_int %1, 0\n"
        "%9 = add %8, %6\n"
        "store_int %1, %9, 0\n"
        "%11 = const.int 20\n"
        "%12 = lt %7, %11\n"
        "guard_true %12 [1 | %1 %2 %7 | ]\n"
        "jump(%1, %4, %7)\n";
    const int64_t in[] = {0, 7, 0};
    char *out = expect_same_behaviour(&t, text, in, zero_mem);
    cr_assert_neq(t.label, 0, "%s", out);
    /* the loop is specialized to k = 0: k+1 is the constant 1 there */
    cr_expect_eq(count_loop_ops(&t, MT_IR_ADD), 2, "i + 1 and the sum + 1 only:\n%s", out);
    free(out);
}

/* The counter starts as a constant the first iteration can fold with, and
 * the loop goes on from there: e.g. slot 1 is guarded to be 0 in the
 * preamble, then counts up. */
Test(opt, peel_counter_guarded_to_a_constant_then_counting)
{
    mt_trace t;
    static const char text[] =
        "%1 = input.ptr 0\n"
        "%2 = input.int 1\n"
        "%3 = const.int 0\n"
        "%4 = const.int 1\n"
        "%5 = const.int 10\n"
        "%6 = load_int %1, 0\n"
        "guard_value %6, %3 [1 | %1 %2 | ]\n" /* mem[0] is 0 ... */
        "%8 = add %2, %4\n"
        "%9 = add %6, %8\n"                   /* ... so this is %8 in the preamble */
        "store_int %1, %9, 8\n"
        "%11 = lt %8, %5\n"
        "guard_true %11 [2 | %1 %8 %9 | ]\n"
        "jump(%1, %8)\n";
    const int64_t in[] = {0, 0};
    free(expect_same_behaviour(&t, text, in, zero_mem));
}

/* Two inputs the first iteration gets as one value (the jump passes the
 * same value for both) but that differ at the start: the loop may treat
 * them as one only from the second iteration on. */
Test(opt, peel_two_inputs_passed_the_same_value)
{
    mt_trace t;
    static const char text[] =
        "%1 = input.ptr 0\n"
        "%2 = input.int 1\n"
        "%3 = input.int 2\n"
        "%4 = const.int 1\n"
        "%5 = const.int 30\n"
        "%6 = sub %2, %3\n"
        "store_int %1, %6, 8\n"
        "%8 = add %2, %4\n"
        "%9 = add %8, %3\n"
        "%10 = lt %9, %5\n"
        "guard_true %10 [1 | %1 %2 %3 %9 | ]\n"
        "jump(%1, %9, %9)\n";
    const int64_t in[] = {0, 1, 2};
    char *out = expect_same_behaviour(&t, text, in, zero_mem);
    free(out);
}

/* Two inputs that swap every iteration. */
Test(opt, peel_inputs_that_swap)
{
    mt_trace t;
    static const char text[] =
        "%1 = input.ptr 0\n"
        "%2 = input.int 1\n"
        "%3 = input.int 2\n"
        "%4 = input.int 3\n"
        "%5 = const.int 1\n"
        "%6 = const.int 9\n"
        "%7 = sub %2, %3\n"
        "%8 = load_int %1, 8\n"
        "%9 = add %8, %7\n"
        "store_int %1, %9, 8\n"
        "%11 = add %4, %5\n"
        "%12 = lt %11, %6\n"
        "guard_true %12 [1 | %1 %2 %3 %11 %9 | ]\n"
        "jump(%1, %3, %2, %11)\n";
    const int64_t in[] = {0, 10, 3, 0};
    char *out = expect_same_behaviour(&t, text, in, zero_mem);
    cr_expect_neq(t.label, 0, "%s", out);
    free(out);
}

/* A value stored in one iteration and loaded in the next (through the
 * heap cache) is carried; the store of the last iteration is in memory. */
Test(opt, peel_value_stored_and_loaded_in_the_next_iteration)
{
    mt_trace t;
    static const char text[] =
        "%1 = input.ptr 0\n"
        "%2 = input.int 1\n"
        "%3 = const.int 1\n"
        "%4 = const.int 50\n"
        "%5 = load_int %1, 8\n"
        "%6 = add %5, %2\n"
        "store_int %1, %2, 8\n"
        "store_int %1, %6, 16\n"
        "%9 = add %2, %3\n"
        "%10 = lt %9, %4\n"
        "guard_true %10 [1 | %1 %9 %5 | ]\n"
        "jump(%1, %9)\n";
    uint8_t init[MEM_SIZE] = {0};
    init[8] = 3;
    const int64_t in[] = {0, 40};
    char *out = expect_same_behaviour(&t, text, in, init);
    cr_expect_neq(t.label, 0, "%s", out);
    cr_expect_eq(count_loop_ops(&t, MT_IR_LOAD_INT), 0, "%s", out);
    free(out);
}

/* An input the first iteration learns is 0 (guard_false), while the loop
 * feeds it a value that is not: the loop part must test it again. */
Test(opt, peel_fact_from_the_first_iteration_is_not_kept_for_a_changing_value)
{
    mt_trace t;
    static const char text[] =
        "%1 = input.ptr 0\n"
        "%2 = input.int 1\n" /* f: 0 at first, then the loaded value */
        "%3 = input.int 2\n" /* i */
        "%4 = const.int 1\n"
        "%5 = const.int 8\n"
        "guard_false %2 [1 | %1 %2 %3 | ]\n"
        "%7 = add %3, %2\n"
        "%8 = add %7, %4\n"
        "%9 = load_u8 %1, %8\n"
        "%10 = lt %8, %5\n"
        "guard_true %10 [2 | %1 %8 | ]\n"
        "jump(%1, %9, %8)\n";
    uint8_t init[MEM_SIZE] = {0};
    init[5] = 1; /* f becomes 1 after reading index 5 */
    const int64_t in[] = {0, 0, 0};
    free(expect_same_behaviour(&t, text, in, init));
}

/* The same loops, run from other starting points, exit the same way. */
Test(opt, peel_counting_loop_from_other_starts)
{
    const int64_t starts[][3] = {{0, 9, 10}, {0, 10, 10}, {0, -5, 3}, {0, 0, 1}};
    for (unsigned i = 0; i < 4; i++) {
        mt_trace t;
        free(expect_same_behaviour(&t, counting_loop, starts[i], zero_mem));
    }
}

/* ---- 8. options ----------------------------------------------------------- */

/* With optimization off, the trace stays as written. */
Test(opt, optimize_off_leaves_the_trace_alone)
{
    static const char text[] =
        "%1 = input.ptr 0\n"
        "%2 = input.int 1\n"
        "%3 = const.int 0\n"
        "%4 = add %2, %3\n"
        "%5 = add %2, %3\n"
        "%6 = new 16\n"
        "store_int %6, %4, 0\n"
        "store_int %1, %5, 8\n"
        "%9 = load_int %1, 8\n"
        "guard_true %9 [1 | %1 %6 | ]\n"
        "%11 = mul %2, %2\n"
        "jump(%1, %4)\n";
    mt_trace t;
    parse_ok(&t, text);
    char *before = print_trace(&t);
    mt_options *opts = mt_jit_options();
    bool saved = opts->optimize;
    opts->optimize = false;
    char *after = optimize(&t, text);
    opts->optimize = saved;
    cr_expect_str_eq(after, before);
    cr_expect_eq(t.label, 0);

    /* with it on, the same trace does change: the comparison above means
     * something */
    char *on = optimize(&t, text);
    cr_expect_str_neq(on, before);
    free(before);
    free(after);
    free(on);
}

/* ---- 9. elidable and idempotent calls --------------------------------------- */

static int times3_calls;
static int64_t times3(int64_t x)
{
    times3_calls++;
    return x * 3;
}

/* With every argument known, an elidable call is its result. */
Test(opt, call_elidable_with_constant_arguments_runs_at_compile_time)
{
    mt_trace t;
    mt_ir_register_call("times3", (void *)times3);
    char *out = optimize(&t,
                         "%1 = input.int 0\n"
                         "%2 = const.int 14\n"
                         "%3 = call.int times3(%2) effects=elidable\n"
                         "%4 = add %1, %3\n"
                         "jump T2(%4)\n");
    cr_expect_eq(count_ops(&t, MT_IR_CALL), 0, "%s", out);
    cr_expect_eq(times3_calls, 1, "%s", out);
    const mt_ins *add = &t.ins[jump_arg(&t, 0)];
    cr_expect(add->op == MT_IR_ADD && is_const(&t, add->b, 42), "%s", out);
    free(out);
}

/* One that may raise is left for run time, where raising means something;
 * calls with equal arguments still share one result. */
Test(opt, call_elidable_that_may_raise_runs_once_at_run_time)
{
    mt_trace t;
    mt_ir_register_call("times3", (void *)times3);
    char *out = optimize(&t,
                         "%1 = const.int 14\n"
                         "%2 = call.int times3(%1) effects=raises,elidable\n"
                         "%3 = call.int times3(%1) effects=raises,elidable\n"
                         "jump T2(%2, %3)\n");
    cr_expect_eq(count_ops(&t, MT_IR_CALL), 1, "%s", out);
    cr_expect_eq(times3_calls, 0, "%s", out);
    cr_expect_eq(jump_arg(&t, 0), jump_arg(&t, 1), "%s", out);
    free(out);
}

/* Elidable calls are shared across stores (they read nothing that
 * changes), and dropped when nothing uses the result. */
Test(opt, call_elidable_is_shared_and_dropped_when_unused)
{
    mt_trace t;
    mt_ir_register_call("times3", (void *)times3);
    char *out = optimize(&t,
                         "%1 = input.ptr 0\n"
                         "%2 = input.int 1\n"
                         "%3 = call.int times3(%2) effects=elidable\n"
                         "store_int %1, %3, 8\n"
                         "%5 = call.int times3(%2) effects=elidable\n"
                         "%6 = call.int times3(%5) effects=elidable\n"
                         "jump T2(%1, %5)\n");
    cr_expect_eq(count_ops(&t, MT_IR_CALL), 1, "%s", out);
    cr_expect_eq(t.ins[jump_arg(&t, 1)].op, MT_IR_CALL, "%s", out);
    free(out);
}

/* In a loop, an elidable call of an invariant value is computed once, in
 * the preamble. */
Test(opt, call_elidable_of_an_invariant_leaves_the_loop)
{
    mt_trace t;
    mt_ir_register_call("times3", (void *)times3);
    char *out = optimize(&t,
                         "%1 = input.int 0\n"
                         "%2 = input.int 1\n"
                         "%3 = call.int times3(%2) effects=elidable\n"
                         "%4 = add %1, %3\n"
                         "%5 = const.int 1000\n"
                         "%6 = lt %4, %5\n"
                         "guard_true %6 [1 | %1 %2 | ]\n"
                         "jump(%4, %2)\n");
    cr_assert_neq(t.label, 0, "not peeled:\n%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_CALL), 1, "%s", out);
    cr_expect_eq(count_loop_ops(&t, MT_IR_CALL), 0, "%s", out);
    free(out);
}

static int64_t lookup(int64_t x) { return x + 1; }
static int64_t other(int64_t x) { return x; }

/* An idempotent call repeats an earlier one with the same arguments
 * across stores and other idempotent calls, but not across another call
 * that writes the heap. */
Test(opt, call_idempotent_is_shared_until_another_call_writes)
{
    mt_trace t;
    mt_ir_register_call("lookup", (void *)lookup);
    mt_ir_register_call("other", (void *)other);
    char *out = optimize(&t,
                         "%1 = input.ptr 0\n"
                         "%2 = input.int 1\n"
                         "%3 = call.int lookup(%2) effects=writes,idempotent\n"
                         "%4 = call.int lookup(%1) effects=writes,idempotent\n"
                         "store_int %1, %4, 8\n"
                         "%6 = call.int lookup(%2) effects=writes,idempotent\n"
                         "%7 = call.int other(%2) effects=writes\n"
                         "%8 = call.int lookup(%2) effects=writes,idempotent\n"
                         "jump T2(%3, %4, %6, %8)\n");
    cr_expect_eq(count_ops(&t, MT_IR_CALL), 4, "%s", out);
    cr_expect_eq(jump_arg(&t, 0), jump_arg(&t, 2), "%s", out);
    cr_expect_neq(jump_arg(&t, 0), jump_arg(&t, 1), "%s", out);
    cr_expect_neq(jump_arg(&t, 2), jump_arg(&t, 3), "%s", out);
    free(out);
}

/* The coverage case: a loop that records two lines in a set each trip
 * (and stores to its frame) does it once, in the preamble. */
Test(opt, call_idempotent_of_invariants_leaves_the_loop)
{
    mt_trace t;
    mt_ir_register_call("lookup", (void *)lookup);
    char *out = optimize(&t,
                         "%1 = input.ptr 0\n"
                         "%2 = input.int 1\n"
                         "%3 = const.int 10\n"
                         "%4 = const.int 11\n"
                         "%5 = call.int lookup(%3) effects=writes,idempotent\n"
                         "%6 = const.int 1\n"
                         "%7 = add %2, %6\n"
                         "store_int %1, %7, 8\n"
                         "%9 = call.int lookup(%4) effects=writes,idempotent\n"
                         "%10 = const.int 1000\n"
                         "%11 = lt %7, %10\n"
                         "guard_true %11 [1 | %1 %7 | ]\n"
                         "jump(%1, %7)\n");
    cr_assert_neq(t.label, 0, "not peeled:\n%s", out);
    cr_expect_eq(count_ops(&t, MT_IR_CALL), 2, "%s", out);
    cr_expect_eq(count_loop_ops(&t, MT_IR_CALL), 0, "%s", out);
    free(out);
}

/* ---- 7. delayed frame stores ------------------------------------------------ */

static unsigned real_stores(const mt_trace *t, bool loop_only)
{
    unsigned n = 0;
    for (mt_ref r = loop_only ? t->label + 1 : 1; r < t->nins; r++)
        n += (mt_ir_info(&t->ins[r])->flags & MT_IRF_STORE) && !(t->ins[r].flags & MT_INSF_SUNK);
    return n;
}

/* A frame field kept in a register around the loop: stored every trip,
 * done by deopt (the guard lists the store as pending) and never by the
 * loop itself. */
Test(opt, frame_store_in_a_loop_is_delayed_to_the_exits)
{
    mt_trace t;
    const int64_t inputs[] = {0, 0};
    char *out = expect_same_behaviour(&t,
                                      "%1 = input.ptr 0\n"
                                      "%2 = input.int 1\n"
                                      "%3 = load_int %1, 8 frame\n"
                                      "%4 = add %3, %2\n"
                                      "store_int %1, %4, 8 frame\n"
                                      "%6 = const.int 1\n"
                                      "%7 = add %2, %6\n"
                                      "%8 = const.int 100\n"
                                      "%9 = lt %7, %8\n"
                                      "guard_true %9 [1 | %1 %7 | ]\n"
                                      "jump(%1, %7)\n",
                                      inputs, zero_mem);
    cr_assert_neq(t.label, 0, "not peeled:\n%s", out);
    cr_expect_eq(real_stores(&t, false), 0, "%s", out);
    cr_expect_eq(count_loop_ops(&t, MT_IR_LOAD_INT), 0, "%s", out);
    const mt_snapshot *s = snap_of(&t, nth_op(&t, MT_IR_GUARD_TRUE, 1));
    cr_expect_eq(s->npending, 1, "%s", out);
    int64_t sum;
    memcpy(&sum, mem + 8, sizeof sum);
    cr_expect_eq(sum, 99 * 100 / 2 - 0, "the exit did the store: %lld", (long long)sum);
    free(out);
}

/* A call that reads the heap may read the frame: the store is done
 * before it.  One that only does I/O may not: the store stays delayed. */
Test(opt, frame_store_is_done_before_a_call_that_reads_the_heap)
{
    mt_trace t;
    mt_ir_register_call("opaque", (void *)opaque);
    char *out = optimize(&t,
                         "%1 = input.ptr 0\n"
                         "%2 = input.int 1\n"
                         "store_int %1, %2, 8 frame\n"
                         "%4 = call.int opaque(%2) effects=io\n"
                         "%5 = call.int opaque(%4) effects=reads\n"
                         "guard_true %5 [1 | %1 %2 | ]\n"
                         "jump T2(%1, %5)\n");
    mt_ref call_io = nth_op(&t, MT_IR_CALL, 0), call_reads = nth_op(&t, MT_IR_CALL, 1);
    mt_ref store = 0;
    for (mt_ref r = 1; r < t.nins; r++)
        if (t.ins[r].op == MT_IR_STORE_INT && !(t.ins[r].flags & MT_INSF_SUNK))
            store = r;
    cr_assert_neq(store, 0, "never stored:\n%s", out);
    cr_expect_gt(store, call_io, "stored before the I/O call:\n%s", out);
    cr_expect_lt(store, call_reads, "not stored before the reading call:\n%s", out);
    cr_expect_eq(real_stores(&t, false), 1, "%s", out);
    free(out);
}

/* A frame access through a pointer that may be the same object: what is
 * pending there is done first, and the later load reads memory. */
Test(opt, frame_store_is_done_before_a_frame_access_through_another_pointer)
{
    mt_trace t;
    const int64_t inputs[] = {0, 0, 5};
    mt_trace orig;
    const char *text = "%1 = input.ptr 0\n"
                       "%2 = input.ptr 1\n"
                       "%3 = input.int 2\n"
                       "store_int %1, %3, 8 frame\n"
                       "%5 = load_int %2, 8 frame\n"
                       "guard_true %5 [1 | %1 %2 %3 | ]\n"
                       "jump T2(%1, %2, %5)\n";
    parse_ok(&orig, text);
    char *out = optimize(&t, text);
    cr_expect_eq(real_stores(&t, false), 1, "%s", out);
    cr_expect_lt(nth_op(&t, MT_IR_STORE_INT, 0), nth_op(&t, MT_IR_LOAD_INT, 0), "%s", out);
    /* and it behaves: both pointers at the same object */
    int64_t in[] = {(int64_t)(intptr_t)mem, (int64_t)(intptr_t)mem, 5};
    eval_result want, got;
    run_from(&orig, in, zero_mem, &want);
    run_from(&t, in, zero_mem, &got);
    cr_expect_str_eq(got.text, want.text);
    (void)inputs;
    free(want.text);
    free(got.text);
    free(out);
}

/* A load of a pending location still gives the stored value after the
 * heap cache has forgotten it (it keeps a bounded number of entries):
 * memory does not have it yet. */
Test(opt, load_of_a_pending_store_is_answered_after_the_heap_cache_forgets_it)
{
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    fputs("%1 = input.ptr 0\n%2 = input.ptr 1\n%3 = input.int 2\nstore_int %1, %3, 8 frame\n", f);
    uint32_t n = 4;
    for (int i = 0; i < 3000; i++) /* loads of other objects' fields fill the cache */
        fprintf(f, "%%%u = load_int %%2, %d\n", ++n, 8 * i);
    fprintf(f, "%%%u = load_int %%1, 8 frame\n", ++n);
    fprintf(f, "guard_true %%%u [1 | %%1 %%2 %%3 | ]\n", n);
    fprintf(f, "jump T2(%%1, %%2, %%%u)\n", n);
    fclose(f);
    mt_trace t;
    char *out = optimize(&t, text);
    cr_expect_eq(count_ops(&t, MT_IR_LOAD_INT), 0, "%s", out); /* the other loads are dead */
    const mt_ins *guard = &t.ins[nth_op(&t, MT_IR_GUARD_TRUE, 0)];
    cr_expect(is_input(&t, guard->a, 2), "the guard tests %%%u, not the stored value", guard->a);
    free(text);
    free(out);
}

/* An int stored to a frame field and read back as a pointer (an
 * interpreter keeps tagged ints in pointer slots): the load is the
 * stored value, and memory, which does not have it yet, is not read. */
Test(opt, a_pending_store_is_read_back_under_the_other_word_type)
{
    mt_trace t, orig;
    const char *text = "%1 = input.ptr 0\n"
                       "%2 = input.int 1\n"
                       "%3 = const.int 3\n"
                       "%4 = add %2, %3\n"
                       "store_ptr %1, %4, 8 frame\n"
                       "%6 = load_ptr %1, 8 frame\n"
                       "store_int %1, %6, 16 frame\n"
                       "%8 = load_int %1, 16 frame\n"
                       "%9 = lt %8, %3\n"
                       "guard_false %9 [1 | %1 %8 | ]\n"
                       "jump T2(%1, %8)\n";
    parse_ok(&orig, text);
    char *out = optimize(&t, text);
    cr_expect_eq(count_ops(&t, MT_IR_LOAD_PTR) + count_ops(&t, MT_IR_LOAD_INT), 0, "%s", out);
    int64_t in[] = {(int64_t)(intptr_t)mem, 4};
    eval_result want, got;
    run_from(&orig, in, zero_mem, &want);
    run_from(&t, in, zero_mem, &got);
    cr_expect_str_eq(got.text, want.text);
    free(want.text);
    free(got.text);
    free(out);
}

/* The loop's guards take the stores pending at the label for what the
 * previous trip left.  Here the store goes into the object the loop
 * allocated the trip before: at the end it is done for real, not
 * pending, so what was pending at the label cannot be carried, and the
 * loop does its stores every trip instead. */
Test(opt, pending_stores_the_loop_does_not_keep_the_same_are_done_every_trip)
{
    mt_trace t;
    const int64_t inputs[] = {0, 7};
    char *out = expect_same_behaviour(&t,
                                      "%1 = input.ptr 0\n"
                                      "%2 = input.int 1\n"
                                      "store_int %1, %2, 8 frame\n"
                                      "%4 = new 16\n"
                                      "%5 = const.int 1\n"
                                      "%6 = add %2, %5\n"
                                      "%7 = const.int 12\n"
                                      "%8 = lt %6, %7\n"
                                      "guard_true %8 [1 | %1 %6 | ]\n"
                                      "jump(%4, %6)\n",
                                      inputs, zero_mem);
    cr_assert_neq(t.label, 0, "not peeled:\n%s", out);
    for (mt_ref r = t.label + 1; r < t.nins; r++)
        if (mt_ir_info(&t.ins[r])->flags & MT_IRF_GUARD)
            cr_expect_eq(snap_of(&t, r)->npending, 0, "%s", out);
    int64_t stored;
    memcpy(&stored, mem + 8, sizeof stored);
    cr_expect_eq(stored, 7, "the first trip's store into the input object: %lld", (long long)stored);
    free(out);
}
