/* test_bf.c — mtbf's parser (folding, bracket matching and error positions)
 * and its tape. */
#include <criterion/criterion.h>
#include <string.h>

#include "bf.h"
#include "test_util.h"

TestSuite(bf, .init = start_framework);

static bf_program parse_ok(const char *source)
{
    bf_program prog;
    long line = 0, column = 0;
    char bracket = 0;
    cr_assert(bf_parse(source, strlen(source), &prog, &line, &column, &bracket),
              "'%s' rejected at %ld:%ld", source, line, column);
    return prog;
}

static void expect_unmatched(const char *source, char bracket, long line, long column)
{
    bf_program prog;
    long got_line = 0, got_column = 0;
    char got_bracket = 0;
    cr_assert_not(bf_parse(source, strlen(source), &prog, &got_line, &got_column, &got_bracket),
                  "'%s' accepted", source);
    cr_expect_eq(got_bracket, bracket, "'%s'", source);
    cr_expect_eq(got_line, line, "'%s': line %ld", source, got_line);
    cr_expect_eq(got_column, column, "'%s': column %ld", source, got_column);
}

Test(bf, runs_of_plus_minus_and_moves_fold_into_one_instruction)
{
    bf_program prog = parse_ok("+++--+ comment >><<<> .,");
    cr_assert_eq(prog.length, 5);
    cr_expect_eq(prog.code[0].op, BF_ADD);
    cr_expect_eq(prog.code[0].arg, 2);
    cr_expect_eq(prog.code[1].op, BF_MOVE);
    cr_expect_eq(prog.code[1].arg, 0);
    cr_expect_eq(prog.code[2].op, BF_OUT);
    cr_expect_eq(prog.code[3].op, BF_IN);
    cr_expect_eq(prog.code[4].op, BF_END);
}

Test(bf, additions_wrap_modulo_256)
{
    char source[300];
    memset(source, '-', 257);
    source[257] = '\0';
    bf_program prog = parse_ok(source);
    cr_expect_eq(prog.code[0].op, BF_ADD);
    cr_expect_eq(prog.code[0].arg, 255);
}

Test(bf, brackets_jump_to_each_other)
{
    bf_program prog = parse_ok("+[>[-]<-]");
    /* 0:ADD 1:OPEN 2:MOVE 3:OPEN 4:ADD 5:CLOSE 6:MOVE 7:ADD 8:CLOSE 9:END */
    cr_assert_eq(prog.length, 10);
    cr_expect_eq(prog.code[1].arg, 8);
    cr_expect_eq(prog.code[8].arg, 1);
    cr_expect_eq(prog.code[3].arg, 5);
    cr_expect_eq(prog.code[5].arg, 3);
}

Test(bf, stray_close_is_reported_before_any_unclosed_open)
{
    expect_unmatched("[[\n+]]]", ']', 2, 4);
    expect_unmatched("[\n ]\n]  [", ']', 3, 1);
}

Test(bf, earliest_unclosed_open_is_reported)
{
    expect_unmatched("+\n  [ [ ]\n[", '[', 2, 3);
    expect_unmatched("[", '[', 1, 1);
}

Test(bf, tape_grows_right_and_keeps_cells)
{
    bf_tape tape;
    bf_tape_init(&tape, 1 << 20);
    int64_t length = tape.length;
    tape.cells[length - 1] = 7;
    cr_assert_eq(bf_tape_grow(&tape, length + 5), length + 5);
    cr_expect_geq(tape.length, length + 6);
    cr_expect_eq(tape.cells[length - 1], 7);
    cr_expect_eq(tape.cells[length + 5], 0);
    bf_tape_free(&tape);
}

Test(bf, tape_grows_left_and_shifts_cells)
{
    bf_tape tape;
    bf_tape_init(&tape, 1 << 20);
    int64_t length = tape.length;
    tape.cells[0] = 9;
    int64_t pos = bf_tape_grow(&tape, -3);
    cr_assert_geq(pos, 0);
    cr_expect_eq(tape.cells[pos], 0);
    cr_expect_eq(tape.cells[pos + 3], 9);
    cr_expect_geq(tape.length, length + 3);
    bf_tape_free(&tape);
}

Test(bf, tape_beyond_its_limit_is_a_clean_error, .exit_code = 1)
{
    bf_tape tape;
    bf_tape_init(&tape, 100);
    bf_tape_grow(&tape, 100);
}
