/* test_py_number.c — mtpy's number semantics (py_number.c) against the
 * cases CPython 3.11 computed (tests/data/py_number_cases.txt), plus the
 * behaviour CPython cannot be asked about quickly (results too large to
 * compute) and the library's own contracts (normalization, fast paths,
 * hooks, the digit limit). */
#include "config.h"

#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "py_number.h"
#include "test_py_cases.h"
#include "test_util.h"

static void setup(void)
{
    start_framework();
    py_number_init();
}

TestSuite(py_number, .init = setup);

static const char number_cases[] = "py_number_cases.txt";

/* ---- runners: each computes a case's result as the generator writes it ---- */

#define INT_ARG(i) py_case_int(c->args[i])
#define FLOAT_ARG(i) py_case_float(c->args[i])

static char *sized(char *text, size_t *size)
{
    *size = strlen(text);
    return text;
}

static char *int_or_error(bool ok, py_int value, const py_error *err, size_t *size)
{
    return sized(ok ? py_case_show_int(value) : py_case_show_error(err), size);
}

static char *float_or_error(bool ok, double value, const py_error *err, size_t *size)
{
    return sized(ok ? py_case_show_float(value) : py_case_show_error(err), size);
}

static const char *order_text(int c) { return c < 0 ? "<" : c > 0 ? ">" : "="; }

static const struct {
    const char *op;
    py_int (*fn)(py_int, py_int);
} total_binaries[] = {
    {"add", py_int_add}, {"sub", py_int_sub}, {"mul", py_int_mul},
    {"and", py_int_and}, {"or", py_int_or},   {"xor", py_int_xor},
};

static char *run_total_binary(const py_case *c, size_t *size)
{
    for (size_t i = 0; i < sizeof total_binaries / sizeof *total_binaries; i++)
        if (strcmp(total_binaries[i].op, c->op) == 0)
            return sized(py_case_show_int(total_binaries[i].fn(INT_ARG(0), INT_ARG(1))), size);
    return NULL;
}

static const struct {
    const char *op;
    py_int (*fn)(py_int);
} unaries[] = {{"neg", py_int_neg}, {"invert", py_int_invert}, {"abs", py_int_abs}};

static char *run_unary(const py_case *c, size_t *size)
{
    for (size_t i = 0; i < sizeof unaries / sizeof *unaries; i++)
        if (strcmp(unaries[i].op, c->op) == 0)
            return sized(py_case_show_int(unaries[i].fn(INT_ARG(0))), size);
    return NULL;
}

static char *run_bit_length(const py_case *c, size_t *size)
{
    return sized(py_case_show_int(py_int_small((int64_t)py_int_bit_length(INT_ARG(0)))), size);
}

static char *run_compare(const py_case *c, size_t *size)
{
    return sized(mt_strdup(order_text(py_int_compare(INT_ARG(0), INT_ARG(1)))), size);
}

static const struct {
    const char *op;
    bool (*fn)(py_int, py_int, py_int *, py_error *);
} fallible_binaries[] = {
    {"floordiv", py_int_floordiv}, {"mod", py_int_mod}, {"lshift", py_int_lshift}, {"rshift", py_int_rshift},
};

static char *run_fallible_binary(const py_case *c, size_t *size)
{
    py_int r = py_int_small(0);
    py_error err;
    for (size_t i = 0; i < sizeof fallible_binaries / sizeof *fallible_binaries; i++) {
        if (strcmp(fallible_binaries[i].op, c->op) == 0) {
            bool ok = fallible_binaries[i].fn(INT_ARG(0), INT_ARG(1), &r, &err);
            return int_or_error(ok, r, &err, size);
        }
    }
    return NULL;
}

static char *run_divmod(const py_case *c, size_t *size)
{
    py_int q, r;
    py_error err;
    if (!py_int_divmod(INT_ARG(0), INT_ARG(1), &q, &r, &err))
        return sized(py_case_show_error(&err), size);
    return sized(py_case_join(py_case_show_int(q), py_case_show_int(r)), size);
}

static char *run_truediv(const py_case *c, size_t *size)
{
    double x = 0;
    py_error err;
    bool ok = py_int_truediv(INT_ARG(0), INT_ARG(1), &x, &err);
    return float_or_error(ok, x, &err, size);
}

static char *run_pow(const py_case *c, size_t *size)
{
    py_num r;
    py_error err;
    if (!py_int_pow(INT_ARG(0), INT_ARG(1), &r, &err))
        return sized(py_case_show_error(&err), size);
    return sized(r.is_float ? py_case_show_float(r.f) : py_case_show_int(r.i), size);
}

static char *run_powmod(const py_case *c, size_t *size)
{
    py_int r = py_int_small(0);
    py_error err;
    bool ok = py_int_powmod(INT_ARG(0), INT_ARG(1), INT_ARG(2), &r, &err);
    return int_or_error(ok, r, &err, size);
}

static char *run_round_int(const py_case *c, size_t *size)
{
    return sized(py_case_show_int(py_int_round(INT_ARG(0), INT_ARG(1))), size);
}

static char *run_int_to_float(const py_case *c, size_t *size)
{
    double x = 0;
    py_error err;
    bool ok = py_int_to_double(INT_ARG(0), &x, &err);
    return float_or_error(ok, x, &err, size);
}

static char *run_float_to_int(const py_case *c, size_t *size)
{
    py_int r = py_int_small(0);
    py_error err;
    bool ok = py_float_to_int(FLOAT_ARG(0), &r, &err);
    return int_or_error(ok, r, &err, size);
}

static char *run_float_round(const py_case *c, size_t *size)
{
    py_int r = py_int_small(0);
    py_error err;
    bool ok = py_float_round(FLOAT_ARG(0), &r, &err);
    return int_or_error(ok, r, &err, size);
}

static char *run_float_round_digits(const py_case *c, size_t *size)
{
    double x = 0;
    py_error err;
    py_int n = INT_ARG(1);
    cr_assert(py_int_is_small(n));
    bool ok = py_float_round_digits(FLOAT_ARG(0), n.small, &x, &err);
    return float_or_error(ok, x, &err, size);
}

static char *run_is_integer(const py_case *c, size_t *size)
{
    return sized(mt_strdup(py_float_is_integer(FLOAT_ARG(0)) ? "True" : "False"), size);
}

static char *run_as_integer_ratio(const py_case *c, size_t *size)
{
    py_int n, d;
    py_error err;
    if (!py_float_as_integer_ratio(FLOAT_ARG(0), &n, &d, &err))
        return sized(py_case_show_error(&err), size);
    return sized(py_case_join(py_case_show_int(n), py_case_show_int(d)), size);
}

static const struct {
    const char *op;
    bool (*fn)(double, double, double *, py_error *);
} float_binaries[] = {
    {"float_div", py_float_div}, {"float_floordiv", py_float_floordiv},
    {"float_mod", py_float_mod}, {"float_pow", py_float_pow},
};

static char *run_float_binary(const py_case *c, size_t *size)
{
    double x = 0;
    py_error err;
    for (size_t i = 0; i < sizeof float_binaries / sizeof *float_binaries; i++) {
        if (strcmp(float_binaries[i].op, c->op) == 0) {
            bool ok = float_binaries[i].fn(FLOAT_ARG(0), FLOAT_ARG(1), &x, &err);
            return float_or_error(ok, x, &err, size);
        }
    }
    return NULL;
}

static char *run_float_divmod(const py_case *c, size_t *size)
{
    double q, r;
    py_error err;
    if (!py_float_divmod(FLOAT_ARG(0), FLOAT_ARG(1), &q, &r, &err))
        return sized(py_case_show_error(&err), size);
    return sized(py_case_join(py_case_show_float(q), py_case_show_float(r)), size);
}

static char *run_compare_int_float(const py_case *c, size_t *size)
{
    py_order order = py_compare_int_float(INT_ARG(0), FLOAT_ARG(1));
    return sized(mt_strdup(order == PY_UNORDERED ? "?" : order_text(order)), size);
}

static char *run_hash_int(const py_case *c, size_t *size)
{
    return sized(py_case_show_int(py_int_small(py_hash_int(INT_ARG(0)))), size);
}

static char *run_hash_float(const py_case *c, size_t *size)
{
    return sized(py_case_show_int(py_int_small(py_hash_float(FLOAT_ARG(0), 0))), size);
}

static uintptr_t address_arg(const py_case *c)
{
    mpz_t z;
    mpz_init(z);
    py_int_get_mpz(INT_ARG(0), z);
    return (uintptr_t)mpz_get_ui(z);
}

static char *run_hash_nan(const py_case *c, size_t *size)
{
    return sized(py_case_show_int(py_int_small(py_hash_float(NAN, address_arg(c)))), size);
}

static char *run_hash_pointer(const py_case *c, size_t *size)
{
    return sized(py_case_show_int(py_int_small(py_hash_pointer(address_arg(c)))), size);
}

static char *run_int_parse(const py_case *c, size_t *size)
{
    py_int r = py_int_small(0);
    py_error err;
    py_int base = INT_ARG(1);
    bool ok = py_int_parse(c->args[0], c->arg_sizes[0], (int)base.small, &r, &err);
    return int_or_error(ok, r, &err, size);
}

static char *run_int_literal(const py_case *c, size_t *size)
{
    py_int r = py_int_small(0);
    py_error err;
    bool ok = py_int_literal(c->args[0], c->arg_sizes[0], &r, &err);
    return int_or_error(ok, r, &err, size);
}

static char *run_float_parse(const py_case *c, size_t *size)
{
    double x = 0;
    py_error err;
    bool ok = py_float_parse(c->args[0], c->arg_sizes[0], &x, &err);
    return float_or_error(ok, x, &err, size);
}

static char *run_float_literal(const py_case *c, size_t *size)
{
    double x = 0;
    py_error err;
    bool ok = py_float_literal(c->args[0], c->arg_sizes[0], &x, &err);
    return float_or_error(ok, x, &err, size);
}

static const py_case_op int_arithmetic_ops[] = {
    {"add", 2, run_total_binary}, {"sub", 2, run_total_binary}, {"mul", 2, run_total_binary},
    {"and", 2, run_total_binary}, {"or", 2, run_total_binary},  {"xor", 2, run_total_binary},
    {"neg", 1, run_unary},        {"invert", 1, run_unary},     {"abs", 1, run_unary},
    {"bit_length", 1, run_bit_length}, {"compare", 2, run_compare},
};
static const py_case_op int_division_ops[] = {
    {"floordiv", 2, run_fallible_binary}, {"mod", 2, run_fallible_binary},
    {"divmod", 2, run_divmod},            {"truediv", 2, run_truediv},
};
static const py_case_op int_shift_ops[] = {{"lshift", 2, run_fallible_binary}, {"rshift", 2, run_fallible_binary}};
static const py_case_op int_power_ops[] = {{"pow", 2, run_pow}, {"powmod", 3, run_powmod}};
static const py_case_op int_round_ops[] = {{"round_int", 2, run_round_int}};
static const py_case_op int_to_float_ops[] = {{"int_to_float", 1, run_int_to_float}};
static const py_case_op float_conversion_ops[] = {
    {"float_to_int", 1, run_float_to_int}, {"float_round", 1, run_float_round},
    {"is_integer", 1, run_is_integer},     {"as_integer_ratio", 1, run_as_integer_ratio},
};
static const py_case_op float_round_ops[] = {{"float_round_digits", 2, run_float_round_digits}};
static const py_case_op float_division_ops[] = {
    {"float_div", 2, run_float_binary}, {"float_floordiv", 2, run_float_binary},
    {"float_mod", 2, run_float_binary}, {"float_divmod", 2, run_float_divmod},
};
static const py_case_op float_pow_ops[] = {{"float_pow", 2, run_float_binary}};
static const py_case_op compare_ops[] = {{"compare_int_float", 2, run_compare_int_float}};
static const py_case_op hash_ops[] = {
    {"hash_int", 1, run_hash_int}, {"hash_float", 1, run_hash_float},
    {"hash_nan", 1, run_hash_nan}, {"hash_pointer", 1, run_hash_pointer},
};
static const py_case_op int_parse_ops[] = {{"int_parse", 2, run_int_parse}, {"int_literal", 1, run_int_literal}};
static const py_case_op float_parse_ops[] = {{"float_parse", 1, run_float_parse}, {"float_literal", 1, run_float_literal}};

#define OPS(table) table, sizeof table / sizeof *table

static void expect_cases_pass(const py_case_op *ops, size_t op_count)
{
    size_t run, failed;
    py_run_case_file(number_cases, ops, op_count, &run, &failed);
    cr_expect_gt(run, 0, "no cases for %s", ops[0].op);
    cr_expect_eq(failed, 0, "%zu of %zu cases differ from CPython", failed, run);
}

Test(py_number, int_arithmetic_matches_cpython) { expect_cases_pass(OPS(int_arithmetic_ops)); }
Test(py_number, int_division_has_python_signs_and_correct_rounding) { expect_cases_pass(OPS(int_division_ops)); }
Test(py_number, int_shifts_match_cpython) { expect_cases_pass(OPS(int_shift_ops)); }
Test(py_number, int_powers_and_modular_powers_match_cpython) { expect_cases_pass(OPS(int_power_ops)); }
Test(py_number, int_round_halves_to_even) { expect_cases_pass(OPS(int_round_ops)); }
Test(py_number, int_to_float_is_correctly_rounded) { expect_cases_pass(OPS(int_to_float_ops)); }
Test(py_number, float_to_int_conversions_match_cpython) { expect_cases_pass(OPS(float_conversion_ops)); }
Test(py_number, float_round_to_digits_is_correctly_rounded) { expect_cases_pass(OPS(float_round_ops)); }
Test(py_number, float_division_and_modulo_match_cpython) { expect_cases_pass(OPS(float_division_ops)); }
Test(py_number, float_pow_matches_cpython) { expect_cases_pass(OPS(float_pow_ops)); }
Test(py_number, int_float_comparison_is_exact) { expect_cases_pass(OPS(compare_ops)); }
Test(py_number, hashes_match_cpython) { expect_cases_pass(OPS(hash_ops)); }
Test(py_number, int_parsing_matches_cpython) { expect_cases_pass(OPS(int_parse_ops)); }
Test(py_number, float_parsing_matches_cpython) { expect_cases_pass(OPS(float_parse_ops)); }

Test(py_number, every_case_has_a_runner)
{
    const py_case_op *tables[] = {
        int_arithmetic_ops, int_division_ops, int_shift_ops, int_power_ops, int_round_ops, int_to_float_ops,
        float_conversion_ops, float_round_ops, float_division_ops, float_pow_ops, compare_ops, hash_ops,
        int_parse_ops, float_parse_ops,
    };
    size_t sizes[] = {
        sizeof int_arithmetic_ops, sizeof int_division_ops, sizeof int_shift_ops, sizeof int_power_ops,
        sizeof int_round_ops, sizeof int_to_float_ops, sizeof float_conversion_ops, sizeof float_round_ops,
        sizeof float_division_ops, sizeof float_pow_ops, sizeof compare_ops, sizeof hash_ops,
        sizeof int_parse_ops, sizeof float_parse_ops,
    };
    py_case_op all[64];
    size_t count = 0;
    for (size_t t = 0; t < sizeof tables / sizeof *tables; t++)
        for (size_t i = 0; i < sizes[t] / sizeof(py_case_op); i++)
            all[count++] = tables[t][i];
    size_t total;
    size_t unknown = py_count_unknown_cases(number_cases, all, count, &total);
    cr_expect_gt(total, 10000, "the case file has only %zu cases", total);
    cr_expect_eq(unknown, 0, "%zu cases have no runner", unknown);
}

/* ---- what CPython would take too long to answer --------------------------- */

static py_int power_of_two(unsigned bits, int sign)
{
    mpz_t z;
    mpz_init_set_si(z, sign);
    mpz_mul_2exp(z, z, bits);
    return py_int_from_mpz(z);
}

Test(py_number, results_too_large_for_memory_raise_memory_error)
{
    py_num r;
    py_int i;
    py_error err;
    cr_assert_not(py_int_pow(py_int_small(3), power_of_two(64, 1), &r, &err));
    cr_expect_eq(err.kind, PY_MEMORY_ERROR);
    cr_assert_not(py_int_pow(py_int_small(3), py_int_small((int64_t)1 << 50), &r, &err));
    cr_expect_eq(err.kind, PY_MEMORY_ERROR);
    cr_assert_not(py_int_lshift(py_int_small(1), py_int_small((int64_t)1 << 40), &i, &err));
    cr_expect_eq(err.kind, PY_MEMORY_ERROR);
    cr_assert(py_int_pow(py_int_small(-1), power_of_two(64, 1), &r, &err));
    cr_expect(!r.is_float && py_int_is_small(r.i) && r.i.small == 1);
}

Test(py_number, round_int_with_huge_negative_ndigits_is_zero)
{
    py_int r = py_int_round(py_int_small(INT64_MAX), power_of_two(70, -1));
    cr_expect(py_int_is_small(r) && r.small == 0);
    r = py_int_round(power_of_two(300, -1), py_int_small(-1000));
    cr_expect(py_int_is_small(r) && r.small == 0);
}

/* ---- contracts of the library itself ---------------------------------------- */

Test(py_number, results_that_fit_are_small)
{
    py_int big = power_of_two(64, 1);
    cr_assert_not(py_int_is_small(big));
    py_int diff = py_int_sub(big, py_int_sub(big, py_int_small(5)));
    cr_expect(py_int_is_small(diff) && diff.small == 5);
    py_int min = py_int_sub(py_int_small(INT64_MIN + 1), py_int_small(1));
    cr_expect(py_int_is_small(min) && min.small == INT64_MIN);
    cr_expect_not(py_int_is_small(py_int_neg(min)));
}

Test(py_number, int64_fast_paths_decline_what_leaves_int64)
{
    int64_t r;
    cr_expect_not(py_i64_floordiv(INT64_MIN, -1, &r));
    cr_expect_not(py_i64_floordiv(1, 0, &r));
    cr_expect(py_i64_mod(INT64_MIN, -1, &r) && r == 0);
    cr_expect(py_i64_floordiv(-7, 2, &r) && r == -4);
    cr_expect(py_i64_mod(-7, 2, &r) && r == 1);
    cr_expect(py_i64_mod(7, -2, &r) && r == -1);
    cr_expect_not(py_i64_add(INT64_MAX, 1, &r));
    cr_expect_not(py_i64_mul(INT64_MIN, -1, &r));
    cr_expect_not(py_i64_neg(INT64_MIN, &r));
    cr_expect_not(py_i64_lshift(1, 63, &r));
    cr_expect(py_i64_lshift(1, 62, &r) && r == (int64_t)1 << 62);
    cr_expect_not(py_i64_lshift(3, 62, &r));
    cr_expect(py_i64_lshift(0, 1000, &r) && r == 0);
    cr_expect_not(py_i64_lshift(1, -1, &r));
    cr_expect(py_i64_rshift(-5, 1000, &r) && r == -1);
    cr_expect_not(py_i64_rshift(5, -1, &r));
}

static char *fake_ascii_number(const char *s, size_t size, size_t *result_size)
{
    /* the test's own "Unicode": U+2167 (Ⅷ, three bytes) reads as "8" */
    char *out = mt_alloc_atomic(size + 1);
    size_t n = 0;
    for (size_t i = 0; i < size; i++) {
        if (i + 2 < size && memcmp(s + i, "\xe2\x85\xa7", 3) == 0) {
            out[n++] = '8';
            i += 2;
        } else {
            out[n++] = s[i];
        }
    }
    *result_size = n;
    return out;
}

static char *fake_repr(const char *s, size_t size, size_t *result_size)
{
    char *out = mt_alloc_atomic(size + 3);
    out[0] = '<';
    memcpy(out + 1, s, size);
    out[size + 1] = '>';
    *result_size = size + 2;
    return out;
}

Test(py_number, parsing_uses_the_text_hooks)
{
    py_int r;
    double x;
    py_error err;
    const char eight[] = "1\xe2\x85\xa7";
    cr_expect_not(py_int_parse(eight, strlen(eight), 10, &r, &err), "no hook: not a number");
    cr_expect_str_eq(err.message, "invalid literal for int() with base 10: '1\xe2\x85\xa7'");
    py_number_set_text_hooks(fake_ascii_number, fake_repr);
    cr_expect(py_int_parse(eight, strlen(eight), 10, &r, &err) && r.small == 18);
    cr_expect(py_float_parse(eight, strlen(eight), &x, &err) && x == 18.0);
    cr_expect_not(py_int_parse("x", 1, 10, &r, &err));
    cr_expect_str_eq(err.message, "invalid literal for int() with base 10: <x>");
    cr_expect_not(py_float_parse("y", 1, &x, &err));
    cr_expect_str_eq(err.message, "could not convert string to float: <y>");
    py_number_set_text_hooks(NULL, NULL);
    cr_expect_not(py_int_parse(eight, strlen(eight), 10, &r, &err));
}

Test(py_number, digit_limit_can_be_changed_and_lifted)
{
    py_int r;
    py_error err;
    cr_expect_eq(py_number_max_str_digits(), 4300);
    py_number_set_max_str_digits(10);
    cr_expect(py_int_parse("1234567890", 10, 10, &r, &err));
    cr_expect_not(py_int_parse("12345678901", 11, 10, &r, &err));
    cr_expect_str_eq(err.message, "Exceeds the limit (10 digits) for integer string conversion: value has 11 "
                                  "digits; use sys.set_int_max_str_digits() to increase the limit");
    cr_expect(py_int_parse("123456789012345678901234567890", 30, 16, &r, &err), "powers of two have no limit");
    py_number_set_max_str_digits(0);
    cr_expect(py_int_parse("12345678901", 11, 10, &r, &err) && r.small == 12345678901);
    py_number_set_max_str_digits(4300);
}
