/* test_py_format.c — mtpy's number text (py_format.c) against the cases
 * CPython 3.11 wrote (tests/data/py_format_cases.txt): float repr, int in
 * bases 2/8/10/16, format() of ints, floats and strs, and the % operator. */
#include "config.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "py_format.h"
#include "test_py_cases.h"
#include "test_util.h"

static void setup(void)
{
    start_framework();
    py_number_init();
}

TestSuite(py_format, .init = setup);

static const char format_cases[] = "py_format_cases.txt";

#define INT_ARG(i) py_case_int(c->args[i])
#define FLOAT_ARG(i) py_case_float(c->args[i])

static char *sized(char *text, size_t *size)
{
    *size = strlen(text);
    return text;
}

/* The result's text as is (its size is given: it may hold NUL), or the error. */
static char *text_or_error(char *text, const py_error *err, size_t *size)
{
    return text ? text : sized(py_case_show_error(err), size);
}

static char *run_repr(const py_case *c, size_t *size) { return py_float_repr(FLOAT_ARG(0), size); }

static char *run_int_str(const py_case *c, size_t *size)
{
    py_error err;
    return text_or_error(py_int_str(INT_ARG(0), size, &err), &err, size);
}

static char *run_int_base(const py_case *c, size_t *size)
{
    return py_int_to_base(INT_ARG(0), (int)INT_ARG(1).small, INT_ARG(2).small != 0, size);
}

static char *run_format_int(const py_case *c, size_t *size)
{
    py_error err;
    return text_or_error(py_format_int(INT_ARG(0), c->args[1], c->arg_sizes[1], "int", size, &err), &err, size);
}

static char *run_format_float(const py_case *c, size_t *size)
{
    py_error err;
    return text_or_error(py_format_float(FLOAT_ARG(0), c->args[1], c->arg_sizes[1], "float", size, &err), &err,
                         size);
}

static char *run_format_str(const py_case *c, size_t *size)
{
    py_error err;
    return text_or_error(py_format_str(c->args[0], c->arg_sizes[0], c->args[1], c->arg_sizes[1], "str", size, &err),
                         &err, size);
}

/* A conversion as the % operator's caller reads it: flags, width,
 * .precision, conversion character ("-08.3f"). */
static py_printf_spec printf_spec(const char *text)
{
    py_printf_spec spec = {.width = -1, .precision = -1};
    for (;; text++) {
        if (*text == '-')
            spec.left_adjust = true;
        else if (*text == '+')
            spec.plus_sign = true;
        else if (*text == ' ')
            spec.blank_sign = true;
        else if (*text == '#')
            spec.alternate = true;
        else if (*text == '0')
            spec.zero_pad = true;
        else
            break;
    }
    char *end;
    if (*text >= '1' && *text <= '9') {
        spec.width = strtol(text, &end, 10);
        text = end;
    }
    if (*text == '.') {
        spec.precision = strtol(text + 1, &end, 10);
        text = end;
    }
    spec.conversion = *text;
    return spec;
}

static char *run_printf_int(const py_case *c, size_t *size)
{
    py_error err;
    py_printf_spec spec = printf_spec(c->args[0]);
    return text_or_error(py_printf_int(INT_ARG(1), &spec, size, &err), &err, size);
}

static char *run_printf_float(const py_case *c, size_t *size)
{
    py_error err;
    py_printf_spec spec = printf_spec(c->args[0]);
    return text_or_error(py_printf_float(FLOAT_ARG(1), &spec, size, &err), &err, size);
}

static char *run_printf_str(const py_case *c, size_t *size)
{
    py_error err;
    py_printf_spec spec = printf_spec(c->args[0]);
    return text_or_error(py_printf_str(c->args[1], c->arg_sizes[1], &spec, size, &err), &err, size);
}

static const py_case_op repr_ops[] = {{"repr", 1, run_repr}};
static const py_case_op int_text_ops[] = {{"int_str", 1, run_int_str}, {"int_base", 3, run_int_base}};
static const py_case_op format_int_ops[] = {{"format_int", 2, run_format_int}};
static const py_case_op format_float_ops[] = {{"format_float", 2, run_format_float}};
static const py_case_op format_str_ops[] = {{"format_str", 2, run_format_str}};
static const py_case_op printf_ops[] = {
    {"printf_int", 2, run_printf_int}, {"printf_float", 2, run_printf_float}, {"printf_str", 2, run_printf_str},
};

#define OPS(table) table, sizeof table / sizeof *table

static void expect_cases_pass(const py_case_op *ops, size_t op_count)
{
    size_t run, failed;
    py_run_case_file(format_cases, ops, op_count, &run, &failed);
    cr_expect_gt(run, 0, "no cases for %s", ops[0].op);
    cr_expect_eq(failed, 0, "%zu of %zu cases differ from CPython", failed, run);
}

Test(py_format, float_repr_is_shortest_round_trip_as_cpython) { expect_cases_pass(OPS(repr_ops)); }
Test(py_format, int_str_bin_oct_hex_match_cpython) { expect_cases_pass(OPS(int_text_ops)); }
Test(py_format, format_of_int_matches_cpython) { expect_cases_pass(OPS(format_int_ops)); }
Test(py_format, format_of_float_matches_cpython) { expect_cases_pass(OPS(format_float_ops)); }
Test(py_format, format_of_str_matches_cpython) { expect_cases_pass(OPS(format_str_ops)); }
Test(py_format, percent_conversions_match_cpython) { expect_cases_pass(OPS(printf_ops)); }

Test(py_format, every_case_has_a_runner)
{
    py_case_op all[] = {
        repr_ops[0], int_text_ops[0], int_text_ops[1], format_int_ops[0], format_float_ops[0], format_str_ops[0],
        printf_ops[0], printf_ops[1], printf_ops[2],
    };
    size_t total;
    size_t unknown = py_count_unknown_cases(format_cases, OPS(all), &total);
    cr_expect_gt(total, 10000, "the case file has only %zu cases", total);
    cr_expect_eq(unknown, 0, "%zu cases have no runner", unknown);
}

Test(py_format, spec_parse_reads_every_field)
{
    py_format_spec spec;
    py_error err;
    const char text[] = "\xc3\xa9^+z#012_.3f";
    cr_assert(py_format_parse(text, strlen(text), 0, '>', "float", &spec, &err));
    cr_expect_eq(spec.fill, 0xe9);
    cr_expect_eq(spec.align, '^');
    cr_expect_eq(spec.sign, '+');
    cr_expect(spec.no_neg_zero && spec.alternate);
    cr_expect_eq(spec.width, 12);
    cr_expect_eq(spec.grouping, '_');
    cr_expect_eq(spec.precision, 3);
    cr_expect_eq(spec.type, 'f');
}

Test(py_format, fill_may_be_nul)
{
    size_t size;
    py_error err;
    char *text = py_format_int(py_int_small(7), "\0>3", 3, "int", &size, &err);
    cr_assert_eq(size, 3);
    cr_expect(memcmp(text, "\0\0" "7", 3) == 0);
}
