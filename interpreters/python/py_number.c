/* py_number.c — Python int and float semantics on int64/mpz and double:
 * arithmetic with Python's signs and errors, exact and correctly rounded
 * conversions between ints and floats, rounding, numeric hashing, and
 * parsing int()/float() arguments and source literals.
 */
#include "config.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mt.h"
#include "py_number.h"

_Static_assert(sizeof(long) == sizeof(int64_t), "mpz_get_si must hold an int64");

/* Results beyond this many bits raise MemoryError instead of asking GMP
 * (whose sizes are ints of limbs) for them. */
#define PY_INT_MAX_BITS ((uint64_t)1 << 36)

/* ---- GMP on the collector ------------------------------------------------- */

static void *gmp_alloc(size_t size) { return mt_alloc_atomic(size); }

static void *gmp_realloc(void *block, size_t old_size, size_t new_size)
{
    (void)old_size;
    return mt_realloc(block, new_size);
}

/* The collector frees limbs once nothing points to them. */
static void gmp_free(void *block, size_t size)
{
    (void)block;
    (void)size;
}

void py_number_init(void) { mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free); }

/* ---- errors ------------------------------------------------------------------ */

const char *py_error_kind_name(py_error_kind kind)
{
    static const char *const names[] = {
        [PY_VALUE_ERROR] = "ValueError",
        [PY_ZERO_DIVISION_ERROR] = "ZeroDivisionError",
        [PY_OVERFLOW_ERROR] = "OverflowError",
        [PY_MEMORY_ERROR] = "MemoryError",
        [PY_COMPLEX_RESULT] = "complex",
    };
    return names[kind];
}

static bool fail(py_error *err, py_error_kind kind, const char *message)
{
    err->kind = kind;
    err->message = message;
    return false;
}

/* ---- int representation ------------------------------------------------------- */

/* The py_int for z, which it takes over: z's limbs become the result's. */
static py_int normalize(mpz_ptr z)
{
    if (mpz_fits_slong_p(z))
        return py_int_small(mpz_get_si(z));
    __mpz_struct *big = mt_alloc(sizeof *big);
    *big = *z;
    return (py_int){.big = big};
}

py_int py_int_from_mpz(mpz_srcptr z)
{
    mpz_t copy;
    mpz_init_set(copy, z);
    return normalize(copy);
}

void py_int_get_mpz(py_int a, mpz_ptr out)
{
    if (a.big)
        mpz_set(out, a.big);
    else
        mpz_set_si(out, a.small);
}

/* a as an mpz to read: its own, or `scratch` set to its small value. */
static mpz_srcptr as_mpz(py_int a, mpz_ptr scratch)
{
    if (a.big)
        return a.big;
    mpz_init_set_si(scratch, a.small);
    return scratch;
}

int py_int_sign(py_int a) { return a.big ? mpz_sgn(a.big) : (a.small > 0) - (a.small < 0); }

int py_int_compare(py_int a, py_int b)
{
    if (!a.big && !b.big)
        return (a.small > b.small) - (a.small < b.small);
    mpz_t sa, sb;
    int c = mpz_cmp(as_mpz(a, sa), as_mpz(b, sb));
    return (c > 0) - (c < 0);
}

static uint64_t magnitude(int64_t v) { return v < 0 ? -(uint64_t)v : (uint64_t)v; }

uint64_t py_int_bit_length(py_int a)
{
    if (a.big)
        return mpz_sizeinbase(a.big, 2);
    uint64_t m = magnitude(a.small);
    return m ? 64 - (uint64_t)__builtin_clzll(m) : 0;
}

/* ---- arithmetic --------------------------------------------------------------- */

typedef void (*mpz_binary_fn)(mpz_ptr, mpz_srcptr, mpz_srcptr);

static py_int big_binary(mpz_binary_fn op, py_int a, py_int b)
{
    mpz_t sa, sb, result;
    mpz_init(result);
    op(result, as_mpz(a, sa), as_mpz(b, sb));
    return normalize(result);
}

py_int py_int_add(py_int a, py_int b)
{
    int64_t r;
    if (!a.big && !b.big && py_i64_add(a.small, b.small, &r))
        return py_int_small(r);
    return big_binary(mpz_add, a, b);
}

py_int py_int_sub(py_int a, py_int b)
{
    int64_t r;
    if (!a.big && !b.big && py_i64_sub(a.small, b.small, &r))
        return py_int_small(r);
    return big_binary(mpz_sub, a, b);
}

py_int py_int_mul(py_int a, py_int b)
{
    int64_t r;
    if (!a.big && !b.big && py_i64_mul(a.small, b.small, &r))
        return py_int_small(r);
    return big_binary(mpz_mul, a, b);
}

py_int py_int_and(py_int a, py_int b)
{
    if (!a.big && !b.big)
        return py_int_small(a.small & b.small);
    return big_binary(mpz_and, a, b);
}

py_int py_int_or(py_int a, py_int b)
{
    if (!a.big && !b.big)
        return py_int_small(a.small | b.small);
    return big_binary(mpz_ior, a, b);
}

py_int py_int_xor(py_int a, py_int b)
{
    if (!a.big && !b.big)
        return py_int_small(a.small ^ b.small);
    return big_binary(mpz_xor, a, b);
}

py_int py_int_neg(py_int a) { return py_int_sub(py_int_small(0), a); }

py_int py_int_abs(py_int a) { return py_int_sign(a) < 0 ? py_int_neg(a) : a; }

py_int py_int_invert(py_int a) { return py_int_sub(py_int_small(-1), a); }

static bool division_by_zero(py_int b, py_error *err, const char *message)
{
    if (py_int_sign(b) != 0)
        return false;
    fail(err, PY_ZERO_DIVISION_ERROR, message);
    return true;
}

static const char int_division_by_zero[] = "integer division or modulo by zero";

bool py_int_floordiv(py_int a, py_int b, py_int *quotient, py_error *err)
{
    if (division_by_zero(b, err, int_division_by_zero))
        return false;
    int64_t q;
    if (!a.big && !b.big && py_i64_floordiv(a.small, b.small, &q)) {
        *quotient = py_int_small(q);
        return true;
    }
    *quotient = big_binary(mpz_fdiv_q, a, b);
    return true;
}

bool py_int_mod(py_int a, py_int b, py_int *remainder, py_error *err)
{
    if (division_by_zero(b, err, "integer modulo by zero"))
        return false;
    int64_t r;
    if (!a.big && !b.big && py_i64_mod(a.small, b.small, &r)) {
        *remainder = py_int_small(r);
        return true;
    }
    *remainder = big_binary(mpz_fdiv_r, a, b);
    return true;
}

bool py_int_divmod(py_int a, py_int b, py_int *quotient, py_int *remainder, py_error *err)
{
    if (division_by_zero(b, err, int_division_by_zero))
        return false;
    int64_t q, r;
    if (!a.big && !b.big && py_i64_floordiv(a.small, b.small, &q)) {
        py_i64_mod(a.small, b.small, &r);
        *quotient = py_int_small(q);
        *remainder = py_int_small(r);
        return true;
    }
    mpz_t sa, sb, zq, zr;
    mpz_inits(zq, zr, NULL);
    mpz_fdiv_qr(zq, zr, as_mpz(a, sa), as_mpz(b, sb));
    *quotient = normalize(zq);
    *remainder = normalize(zr);
    return true;
}

/* CPython stores ints in 30-bit digits and refuses more digits than a
 * Py_ssize_t byte count can hold: a left shift needing more raises
 * OverflowError, a smaller one that memory cannot hold MemoryError. */
#define CPYTHON_DIGIT_BITS 30
#define CPYTHON_MAX_SHIFT_DIGITS ((uint64_t)INT64_MAX / 4)
#define CPYTHON_MAX_DIGITS (((uint64_t)INT64_MAX - 24) / 4)

static bool shift_too_large(py_int a, py_int count, py_error *err)
{
    mpz_t sc, digits;
    mpz_init(digits);
    unsigned long remainder = mpz_fdiv_q_ui(digits, as_mpz(count, sc), CPYTHON_DIGIT_BITS);
    uint64_t a_digits = (py_int_bit_length(a) + CPYTHON_DIGIT_BITS - 1) / CPYTHON_DIGIT_BITS;
    if (mpz_cmp_ui(digits, CPYTHON_MAX_SHIFT_DIGITS) >= 0 ||
        mpz_get_ui(digits) + a_digits + (remainder != 0) > CPYTHON_MAX_DIGITS)
        return fail(err, PY_OVERFLOW_ERROR, "too many digits in integer");
    return fail(err, PY_MEMORY_ERROR, "");
}

/* The shift count as a bit count; false (with the error) if it is negative
 * or makes a result too large for memory. */
static bool shift_count(py_int a, py_int count, bool left, uint64_t *bits, py_error *err)
{
    if (py_int_sign(count) < 0)
        return fail(err, PY_VALUE_ERROR, "negative shift count");
    bool huge = count.big || (uint64_t)count.small >= PY_INT_MAX_BITS;
    *bits = huge ? PY_INT_MAX_BITS : (uint64_t)count.small;
    if (left && py_int_sign(a) != 0 && (huge || py_int_bit_length(a) + *bits > PY_INT_MAX_BITS))
        return shift_too_large(a, count, err);
    return true;
}

bool py_int_lshift(py_int a, py_int count, py_int *out, py_error *err)
{
    int64_t r;
    if (!a.big && !count.big && py_i64_lshift(a.small, count.small, &r)) {
        *out = py_int_small(r);
        return true;
    }
    uint64_t bits;
    if (!shift_count(a, count, true, &bits, err))
        return false;
    mpz_t sa, result;
    mpz_init(result);
    mpz_mul_2exp(result, as_mpz(a, sa), bits);
    *out = normalize(result);
    return true;
}

bool py_int_rshift(py_int a, py_int count, py_int *out, py_error *err)
{
    int64_t r;
    if (!a.big && !count.big && py_i64_rshift(a.small, count.small, &r)) {
        *out = py_int_small(r);
        return true;
    }
    uint64_t bits;
    if (!shift_count(a, count, false, &bits, err))
        return false;
    mpz_t sa, result;
    mpz_init(result);
    mpz_fdiv_q_2exp(result, as_mpz(a, sa), bits);
    *out = normalize(result);
    return true;
}

/* base ** exp for int64 operands, false when the result leaves int64. */
static bool i64_pow(int64_t base, uint64_t exp, int64_t *out)
{
    int64_t result = 1;
    while (exp) {
        if ((exp & 1) && __builtin_mul_overflow(result, base, &result))
            return false;
        exp >>= 1;
        if (exp && __builtin_mul_overflow(base, base, &base))
            return false;
    }
    *out = result;
    return true;
}

/* base ** exp for exp >= 0. */
static bool int_pow(py_int base, py_int exp, py_int *out, py_error *err)
{
    if (!base.big && base.small >= -1 && base.small <= 1) { /* any exponent */
        bool odd = exp.big ? mpz_odd_p(exp.big) : (exp.small & 1);
        if (py_int_sign(exp) == 0)
            *out = py_int_small(1);
        else
            *out = py_int_small(base.small == -1 && !odd ? 1 : base.small);
        return true;
    }
    uint64_t base_bits = py_int_bit_length(base);
    if (exp.big || (uint64_t)exp.small > PY_INT_MAX_BITS / (base_bits - 1))
        return fail(err, PY_MEMORY_ERROR, "");
    int64_t r;
    if (!base.big && i64_pow(base.small, (uint64_t)exp.small, &r)) {
        *out = py_int_small(r);
        return true;
    }
    mpz_t sb, result;
    mpz_init(result);
    mpz_pow_ui(result, as_mpz(base, sb), (unsigned long)exp.small);
    *out = normalize(result);
    return true;
}

bool py_int_pow(py_int base, py_int exp, py_num *out, py_error *err)
{
    out->is_float = py_int_sign(exp) < 0;
    if (!out->is_float)
        return int_pow(base, exp, &out->i, err);
    double b, e;
    return py_int_to_double(base, &b, err) && py_int_to_double(exp, &e, err) &&
           py_float_pow(b, e, &out->f, err);
}

bool py_int_powmod(py_int base, py_int exp, py_int mod, py_int *out, py_error *err)
{
    int mod_sign = py_int_sign(mod);
    if (mod_sign == 0)
        return fail(err, PY_VALUE_ERROR, "pow() 3rd argument cannot be 0");
    mpz_t sb, se, sm, modulus, b, e, result;
    mpz_inits(modulus, b, e, result, NULL);
    mpz_abs(modulus, as_mpz(mod, sm));
    mpz_set(b, as_mpz(base, sb));
    mpz_set(e, as_mpz(exp, se));
    if (mpz_cmp_ui(modulus, 1) == 0) {
        *out = py_int_small(0);
        return true;
    }
    if (mpz_sgn(e) < 0) {
        if (!mpz_invert(b, b, modulus))
            return fail(err, PY_VALUE_ERROR, "base is not invertible for the given modulus");
        mpz_neg(e, e);
    }
    mpz_powm(result, b, e, modulus);
    if (mod_sign < 0 && mpz_sgn(result) != 0)
        mpz_sub(result, result, modulus);
    *out = normalize(result);
    return true;
}

/* q rounded to the nearest multiple of d (> 0), halves to even: q // d
 * adjusted by the remainder. */
static void divide_nearest(mpz_ptr q, mpz_srcptr n, mpz_srcptr d)
{
    mpz_t r;
    mpz_init(r);
    mpz_fdiv_qr(q, r, n, d);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, d);
    if (c > 0 || (c == 0 && mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
}

py_int py_int_round(py_int a, py_int ndigits)
{
    if (py_int_sign(ndigits) >= 0)
        return a;
    /* 10**k > 2|a| once k exceeds a third of a's bits plus two. */
    uint64_t bits = py_int_bit_length(a);
    if (ndigits.big || magnitude(ndigits.small) > bits / 3 + 2)
        return py_int_small(0);
    mpz_t sa, power, q;
    mpz_inits(power, q, NULL);
    mpz_ui_pow_ui(power, 10, (unsigned long)magnitude(ndigits.small));
    divide_nearest(q, as_mpz(a, sa), power);
    mpz_mul(q, q, power);
    return normalize(q);
}

/* ---- ints to floats, correctly rounded ------------------------------------------
 * The value is (m + f) * 2**exp2 with m an integer of at least 55 bits and
 * 0 <= f < 1, f != 0 exactly when `sticky`.  Rounding m to the double's
 * precision (53 bits, fewer for a subnormal) by hand, halves to even, and
 * only then scaling, gives one rounding where ldexp alone would give two. */
static double round_to_double(mpz_ptr m, bool sticky, int64_t exp2, bool negative, bool *overflow)
{
    int64_t bits = (int64_t)mpz_sizeinbase(m, 2);
    int64_t drop = bits - DBL_MANT_DIG;
    int64_t subnormal_drop = -1074 - exp2; /* keep no bit below 2**-1074 */
    if (drop < subnormal_drop)
        drop = subnormal_drop;
    double result = 0.0;
    if (drop <= bits) {
        mpz_t low, half;
        mpz_inits(low, half, NULL);
        mpz_tdiv_r_2exp(low, m, (mp_bitcnt_t)drop);
        mpz_tdiv_q_2exp(m, m, (mp_bitcnt_t)drop);
        mpz_setbit(half, (mp_bitcnt_t)(drop - 1));
        int c = mpz_cmp(low, half);
        if (c > 0 || (c == 0 && (sticky || mpz_odd_p(m))))
            mpz_add_ui(m, m, 1);
        result = ldexp((double)mpz_get_ui(m), (int)(exp2 + drop));
    }
    *overflow = isinf(result);
    return negative ? -result : result;
}

bool py_int_to_double(py_int a, double *out, py_error *err)
{
    if (!a.big) {
        *out = (double)a.small;
        return true;
    }
    int64_t bits = (int64_t)mpz_sizeinbase(a.big, 2);
    if (bits > DBL_MAX_EXP)
        return fail(err, PY_OVERFLOW_ERROR, "int too large to convert to float");
    int64_t shift = bits - (DBL_MANT_DIG + 3);
    mpz_t m;
    mpz_init(m);
    mpz_abs(m, a.big);
    bool sticky = mpz_scan1(m, 0) < (mp_bitcnt_t)shift;
    mpz_tdiv_q_2exp(m, m, (mp_bitcnt_t)shift);
    bool overflow;
    *out = round_to_double(m, sticky, shift, mpz_sgn(a.big) < 0, &overflow);
    if (overflow)
        return fail(err, PY_OVERFLOW_ERROR, "int too large to convert to float");
    return true;
}

/* Every int64 up to 2**53 in magnitude is exactly a double. */
static bool exact_double(py_int a) { return !a.big && magnitude(a.small) <= ((uint64_t)1 << DBL_MANT_DIG); }

bool py_int_truediv(py_int a, py_int b, double *out, py_error *err)
{
    if (division_by_zero(b, err, "division by zero"))
        return false;
    if (exact_double(a) && exact_double(b)) {
        *out = (double)a.small / (double)b.small;
        return true;
    }
    mpz_t sa, sb, num, den, r;
    mpz_inits(num, den, r, NULL);
    mpz_abs(num, as_mpz(a, sa));
    mpz_abs(den, as_mpz(b, sb));
    bool negative = (py_int_sign(a) < 0) != (py_int_sign(b) < 0);
    int64_t diff = (int64_t)mpz_sizeinbase(num, 2) - (int64_t)mpz_sizeinbase(den, 2);
    if (diff > DBL_MAX_EXP)
        return fail(err, PY_OVERFLOW_ERROR, "integer division result too large for a float");
    if (py_int_sign(a) == 0 || diff < -1080) {
        *out = negative ? -0.0 : 0.0;
        return true;
    }
    /* num * 2**shift // den has at least 55 bits. */
    int64_t shift = DBL_MANT_DIG + 3 - diff;
    if (shift > 0)
        mpz_mul_2exp(num, num, (mp_bitcnt_t)shift);
    else
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-shift);
    mpz_tdiv_qr(num, r, num, den);
    bool overflow;
    *out = round_to_double(num, mpz_sgn(r) != 0, -shift, negative, &overflow);
    if (overflow)
        return fail(err, PY_OVERFLOW_ERROR, "integer division result too large for a float");
    return true;
}

/* ---- floats -------------------------------------------------------------------------- */

static bool float_to_int_check(double x, py_error *err)
{
    if (isnan(x))
        return fail(err, PY_VALUE_ERROR, "cannot convert float NaN to integer");
    if (isinf(x))
        return fail(err, PY_OVERFLOW_ERROR, "cannot convert float infinity to integer");
    return true;
}

bool py_float_to_int(double x, py_int *out, py_error *err)
{
    if (!float_to_int_check(x, err))
        return false;
    if (fabs(x) < 0x1p63) {
        *out = py_int_small((int64_t)x);
        return true;
    }
    mpz_t z;
    mpz_init_set_d(z, x); /* exact: a double this large is an integer */
    *out = normalize(z);
    return true;
}

bool py_float_div(double a, double b, double *out, py_error *err)
{
    if (b == 0.0)
        return fail(err, PY_ZERO_DIVISION_ERROR, "float division by zero");
    *out = a / b;
    return true;
}

/* CPython's float divmod: the remainder from fmod moved to the divisor's
 * sign, the quotient from the exact difference, snapped to the nearest
 * integer (the division may round just below it), and signed zeros chosen
 * as a / b would sign them. */
static void float_divmod(double a, double b, double *quotient, double *remainder)
{
    double mod = fmod(a, b);
    double div = (a - mod) / b;
    if (mod != 0.0) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, b);
    }
    double floordiv;
    if (div != 0.0) {
        floordiv = floor(div);
        if (div - floordiv > 0.5)
            floordiv += 1.0;
    } else {
        floordiv = copysign(0.0, a / b);
    }
    *quotient = floordiv;
    *remainder = mod;
}

bool py_float_floordiv(double a, double b, double *out, py_error *err)
{
    if (b == 0.0)
        return fail(err, PY_ZERO_DIVISION_ERROR, "float floor division by zero");
    double mod;
    float_divmod(a, b, out, &mod);
    return true;
}

bool py_float_mod(double a, double b, double *out, py_error *err)
{
    if (b == 0.0)
        return fail(err, PY_ZERO_DIVISION_ERROR, "float modulo");
    double mod = fmod(a, b);
    if (mod != 0.0)
        *out = (b < 0) != (mod < 0) ? mod + b : mod;
    else
        *out = copysign(0.0, b);
    return true;
}

bool py_float_divmod(double a, double b, double *quotient, double *remainder, py_error *err)
{
    if (b == 0.0)
        return fail(err, PY_ZERO_DIVISION_ERROR, "float divmod()");
    float_divmod(a, b, quotient, remainder);
    return true;
}

static bool is_odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

/* The cases CPython settles before calling the C library's pow, which
 * disagrees with Python on some of them; false when pow must decide. */
static bool float_pow_special(double a, double b, double *out)
{
    if (b == 0.0)
        *out = 1.0;
    else if (isnan(a))
        *out = a;
    else if (isnan(b))
        *out = a == 1.0 ? 1.0 : b;
    else if (isinf(b))
        *out = fabs(a) == 1.0 ? 1.0 : (b > 0.0) == (fabs(a) > 1.0) ? INFINITY : 0.0;
    else if (isinf(a))
        *out = b > 0.0 ? (is_odd_integer(b) ? a : INFINITY) : (is_odd_integer(b) ? copysign(0.0, a) : 0.0);
    else
        return false;
    return true;
}

bool py_float_pow(double a, double b, double *out, py_error *err)
{
    if (float_pow_special(a, b, out))
        return true;
    if (a == 0.0) {
        if (b < 0.0)
            return fail(err, PY_ZERO_DIVISION_ERROR, "0.0 cannot be raised to a negative power");
        *out = is_odd_integer(b) ? a : 0.0;
        return true;
    }
    bool negate = false;
    if (a < 0.0) {
        if (b != floor(b))
            return fail(err, PY_COMPLEX_RESULT, "negative number cannot be raised to a fractional power");
        a = -a;
        negate = is_odd_integer(b);
    }
    double result = a == 1.0 ? 1.0 : pow(a, b);
    if (isinf(result))
        return fail(err, PY_OVERFLOW_ERROR, "(34, 'Numerical result out of range')");
    *out = negate ? -result : result;
    return true;
}

bool py_float_round(double x, py_int *out, py_error *err)
{
    if (!float_to_int_check(x, err))
        return false;
    return py_float_to_int(nearbyint(x), out, err);
}

/* The exact value of finite x as mantissa * 2**exponent, mantissa an
 * integer of at most 53 bits, odd unless it is zero. */
static int64_t float_mantissa(double x, int *exponent)
{
    int e;
    double fraction = frexp(x, &e);
    int64_t mantissa = (int64_t)ldexp(fraction, DBL_MANT_DIG);
    e = mantissa == 0 ? 0 : e - DBL_MANT_DIG;
    while (mantissa != 0 && (mantissa & 1) == 0) {
        mantissa /= 2;
        e++;
    }
    *exponent = e;
    return mantissa;
}

/* x rounded to a multiple of 10**k (k > 0): the exact quotient rounded to
 * an integer, written with the exponent and read back. */
static double round_to_power_of_ten(double x, int64_t k)
{
    int exponent;
    int64_t mantissa = float_mantissa(fabs(x), &exponent);
    mpz_t num, den, q;
    mpz_inits(num, den, q, NULL);
    mpz_set_si(num, mantissa);
    mpz_ui_pow_ui(den, 10, (unsigned long)k);
    if (exponent >= 0)
        mpz_mul_2exp(num, num, (mp_bitcnt_t)exponent);
    else
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-exponent);
    divide_nearest(q, num, den);
    char *digits = mpz_get_str(NULL, 10, q);
    size_t size = strlen(digits) + 32;
    char *text = mt_alloc_atomic(size);
    snprintf(text, size, "%s%se%lld", signbit(x) ? "-" : "", digits, (long long)k);
    return strtod(text, NULL);
}

/* Beyond these, round(x, n) is x itself or a zero (0.30103 > log10(2)). */
#define ROUND_NDIGITS_MAX ((int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103))
#define ROUND_NDIGITS_MIN (-(int)((DBL_MAX_EXP + 1) * 0.30103))

bool py_float_round_digits(double x, int64_t ndigits, double *out, py_error *err)
{
    if (!isfinite(x) || ndigits > ROUND_NDIGITS_MAX) {
        *out = x;
        return true;
    }
    if (ndigits < ROUND_NDIGITS_MIN) {
        *out = 0.0 * x;
        return true;
    }
    if (ndigits >= 0) {
        /* printf's %f rounds the exact value correctly, halves to even. */
        char text[DBL_MAX_10_EXP + ROUND_NDIGITS_MAX + 8];
        snprintf(text, sizeof text, "%.*f", (int)ndigits, x);
        *out = strtod(text, NULL);
        return true;
    }
    *out = round_to_power_of_ten(x, -ndigits);
    if (isinf(*out))
        return fail(err, PY_OVERFLOW_ERROR, "rounded value too large to represent");
    return true;
}

bool py_float_is_integer(double x) { return isfinite(x) && floor(x) == x; }

bool py_float_as_integer_ratio(double x, py_int *numerator, py_int *denominator, py_error *err)
{
    if (isnan(x))
        return fail(err, PY_VALUE_ERROR, "cannot convert NaN to integer ratio");
    if (isinf(x))
        return fail(err, PY_OVERFLOW_ERROR, "cannot convert Infinity to integer ratio");
    int exponent;
    int64_t mantissa = float_mantissa(x, &exponent);
    mpz_t num, den;
    mpz_init_set_si(num, mantissa);
    mpz_init_set_ui(den, 1);
    if (exponent >= 0)
        mpz_mul_2exp(num, num, (mp_bitcnt_t)exponent);
    else
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-exponent);
    *numerator = normalize(num);
    *denominator = normalize(den);
    return true;
}

/* ---- exact int/float comparison ---------------------------------------------------
 * x splits exactly into its integer part t and fraction x - t; a compares
 * with t as ints, and a tie is broken by the fraction's sign. */

static py_order order_of(int c) { return c < 0 ? PY_LESS : c > 0 ? PY_GREATER : PY_EQUAL; }

py_order py_compare_int_float(py_int a, double x)
{
    if (isnan(x))
        return PY_UNORDERED;
    if (isinf(x))
        return x > 0 ? PY_LESS : PY_GREATER;
    if (exact_double(a)) {
        double d = (double)a.small;
        return order_of((d > x) - (d < x));
    }
    double t = trunc(x);
    int c;
    if (fabs(t) < 0x1p63) {
        py_int ti = py_int_small((int64_t)t);
        c = py_int_compare(a, ti);
    } else {
        mpz_t sa, zt;
        mpz_init_set_d(zt, t);
        c = mpz_cmp(as_mpz(a, sa), zt);
    }
    if (c != 0)
        return order_of(c);
    double fraction = x - t;
    return order_of((fraction < 0) - (fraction > 0));
}

/* ---- hashing --------------------------------------------------------------------------- */

#define PY_HASH_BITS 61

static int64_t signed_hash(uint64_t residue, bool negative)
{
    int64_t h = negative ? -(int64_t)residue : (int64_t)residue;
    return h == -1 ? -2 : h;
}

int64_t py_hash_int(py_int a)
{
    if (a.big)
        return signed_hash(mpz_tdiv_ui(a.big, PY_HASH_MODULUS), mpz_sgn(a.big) < 0);
    return signed_hash(magnitude(a.small) % PY_HASH_MODULUS, a.small < 0);
}

/* value * 2**shift mod 2**61 - 1 for value below the modulus: since
 * 2**61 is 1 modulo it, a rotation of the 61 bits. */
static uint64_t rotate_modulus(uint64_t value, unsigned shift)
{
    if (shift == 0)
        return value;
    return ((value << shift) & PY_HASH_MODULUS) | (value >> (PY_HASH_BITS - shift));
}

int64_t py_hash_float(double x, uintptr_t identity)
{
    if (isnan(x))
        return py_hash_pointer(identity);
    if (isinf(x))
        return x > 0 ? PY_HASH_INF : -PY_HASH_INF;
    int exponent;
    int64_t mantissa = float_mantissa(fabs(x), &exponent);
    int shift = exponent % PY_HASH_BITS;
    if (shift < 0)
        shift += PY_HASH_BITS;
    return signed_hash(rotate_modulus((uint64_t)mantissa, (unsigned)shift), x < 0);
}

/* CPython's pointer hash: the address rotated right by 4 bits, since
 * allocations are aligned and the low bits carry nothing. */
int64_t py_hash_pointer(uintptr_t identity)
{
    uint64_t y = (uint64_t)identity;
    int64_t h = (int64_t)((y >> 4) | (y << 60));
    return h == -1 ? -2 : h;
}

/* ---- text hooks -------------------------------------------------------------------------- */

static char *ascii_number_fallback(const char *s, size_t size, size_t *result_size);

static py_text_fn to_ascii_number_hook = ascii_number_fallback;
static py_text_fn repr_hook = py_number_ascii_repr;

void py_number_set_text_hooks(py_text_fn to_ascii_number, py_text_fn repr)
{
    to_ascii_number_hook = to_ascii_number ? to_ascii_number : ascii_number_fallback;
    repr_hook = repr ? repr : py_number_ascii_repr;
}

/* The ASCII prefix of s, ended by '?' (which no number accepts) at the
 * first non-ASCII byte. */
static char *ascii_number_fallback(const char *s, size_t size, size_t *result_size)
{
    char *out = mt_alloc_atomic(size + 1);
    size_t n = 0;
    while (n < size && (unsigned char)s[n] < 0x80) {
        out[n] = s[n];
        n++;
    }
    if (n < size)
        out[n++] = '?';
    out[n] = '\0';
    *result_size = n;
    return out;
}

static void append_escape(char **p, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    const char *named = c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : c == '\\' ? "\\\\" : NULL;
    if (named) {
        memcpy(*p, named, 2);
        *p += 2;
    } else if (c < 0x20 || c == 0x7f) {
        memcpy(*p, "\\x", 2);
        (*p)[2] = hex[c >> 4];
        (*p)[3] = hex[c & 15];
        *p += 4;
    } else {
        *(*p)++ = (char)c;
    }
}

char *py_number_ascii_repr(const char *s, size_t size, size_t *result_size)
{
    bool has_single = memchr(s, '\'', size) != NULL;
    bool has_double = memchr(s, '"', size) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    char *out = mt_alloc_atomic(4 * size + 3);
    char *p = out;
    *p++ = quote;
    for (size_t i = 0; i < size; i++) {
        if (s[i] == quote)
            *p++ = '\\';
        append_escape(&p, (unsigned char)s[i]);
    }
    *p++ = quote;
    *p = '\0';
    *result_size = (size_t)(p - out);
    return out;
}

/* The first `limit` code points of UTF-8 text. */
static size_t utf8_prefix(const char *s, size_t size, size_t limit)
{
    size_t i = 0;
    for (size_t count = 0; i < size; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && count++ == limit)
            break;
    return i;
}

/* "prefix<repr of s>", the repr cut to `limit` code points if limit > 0. */
static char *message_with_repr(const char *prefix, const char *s, size_t size, size_t limit)
{
    size_t repr_size;
    char *repr = repr_hook(s, size, &repr_size);
    if (limit)
        repr_size = utf8_prefix(repr, repr_size, limit);
    size_t prefix_size = strlen(prefix);
    char *message = mt_alloc_atomic(prefix_size + repr_size + 1);
    memcpy(message, prefix, prefix_size);
    memcpy(message + prefix_size, repr, repr_size);
    message[prefix_size + repr_size] = '\0';
    return message;
}

/* ---- the int digit limit ------------------------------------------------------------------- */

static int64_t max_str_digits = 4300;

void py_number_set_max_str_digits(int64_t limit) { max_str_digits = limit; }

int64_t py_number_max_str_digits(void) { return max_str_digits; }

static bool digit_limit_applies(int base, size_t digits)
{
    return (base & (base - 1)) != 0 && max_str_digits > 0 && digits > (uint64_t)max_str_digits;
}

static bool digit_limit_error(size_t digits, const char *suffix, py_error *err)
{
    char *message = mt_alloc_atomic(400);
    snprintf(message, 400,
             "Exceeds the limit (%lld digits) for integer string conversion: value has %zu digits; "
             "use sys.set_int_max_str_digits() to increase the limit%s",
             (long long)max_str_digits, digits, suffix);
    return fail(err, PY_VALUE_ERROR, message);
}

/* ---- parsing ints -----------------------------------------------------------------------------
 * The grammar of int(s, base) and of int literals: optional sign, the
 * prefix of the base (0x/0o/0b, one underscore may follow), digits with
 * single underscores between them, and for base 0 no leading zeros before a
 * nonzero decimal. */

typedef struct int_text {
    const char *p, *end;
    int base;
    bool negative;
    const char *digits_start; /* the digits and underscores, after any prefix */
    const char *digits_end;
    size_t digits;
    bool leading_zero_rule; /* base 0 with a 0 not followed by a prefix */
} int_text;

static bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

static bool has_prefix(const int_text *t, char lower)
{
    return t->end - t->p >= 2 && t->p[0] == '0' && (t->p[1] | 0x20) == lower;
}

/* Settles the base (base 0 reads it from the prefix) and skips the prefix. */
static void read_prefix(int_text *t)
{
    static const struct { char letter; int base; } prefixes[] = {{'x', 16}, {'o', 8}, {'b', 2}};
    if (t->base == 0) {
        t->base = 10;
        t->leading_zero_rule = t->p < t->end && t->p[0] == '0';
        for (size_t i = 0; i < 3; i++)
            if (has_prefix(t, prefixes[i].letter)) {
                t->base = prefixes[i].base;
                t->leading_zero_rule = false;
            }
    }
    for (size_t i = 0; i < 3; i++)
        if (t->base == prefixes[i].base && has_prefix(t, prefixes[i].letter)) {
            t->p += 2;
            if (t->p < t->end && *t->p == '_')
                t->p++;
        }
}

/* The run of digits and underscores; false on a misplaced underscore. */
static bool read_digits(int_text *t)
{
    if (t->p < t->end && *t->p == '_')
        return false;
    t->digits_start = t->p;
    char previous = '\0';
    for (; t->p < t->end && (digit_value(*t->p) < t->base || *t->p == '_'); t->p++) {
        if (*t->p == '_' && previous == '_')
            return false;
        t->digits += *t->p != '_';
        previous = *t->p;
    }
    t->digits_end = t->p;
    return previous != '_' && t->digits > 0;
}

static py_int convert_digits(const int_text *t)
{
    uint64_t value = 0;
    size_t safe_digits = t->base <= 10 ? 18 : 11; /* base**digits < 2**63 */
    if (t->digits <= safe_digits) {
        for (const char *q = t->digits_start; q < t->digits_end; q++)
            if (*q != '_')
                value = value * (uint64_t)t->base + (uint64_t)digit_value(*q);
        return py_int_small(t->negative ? -(int64_t)value : (int64_t)value);
    }
    char *clean = mt_alloc_atomic(t->digits + 1);
    size_t n = 0;
    for (const char *q = t->digits_start; q < t->digits_end; q++)
        if (*q != '_')
            clean[n++] = *q;
    clean[n] = '\0';
    mpz_t z;
    mpz_init_set_str(z, clean, t->base);
    if (t->negative)
        mpz_neg(z, z);
    return normalize(z);
}

typedef enum { INT_OK, INT_INVALID, INT_TOO_MANY_DIGITS } int_status;

static int_status parse_int_text(int_text *t, bool strip, py_int *out)
{
    while (strip && t->p < t->end && is_ascii_space(*t->p))
        t->p++;
    if (t->p < t->end && (*t->p == '+' || *t->p == '-'))
        t->negative = *t->p++ == '-';
    read_prefix(t);
    if (!read_digits(t))
        return INT_INVALID;
    if (digit_limit_applies(t->base, t->digits))
        return INT_TOO_MANY_DIGITS;
    *out = convert_digits(t);
    while (strip && t->p < t->end && is_ascii_space(*t->p))
        t->p++;
    if (t->p != t->end || (t->leading_zero_rule && py_int_sign(*out) != 0))
        return INT_INVALID;
    return INT_OK;
}

bool py_int_parse(const char *s, size_t size, int base, py_int *out, py_error *err)
{
    if (base != 0 && (base < 2 || base > 36))
        return fail(err, PY_VALUE_ERROR, "int() base must be >= 2 and <= 36, or 0");
    size_t ascii_size;
    const char *ascii = to_ascii_number_hook(s, size, &ascii_size);
    int_text t = {.p = ascii, .end = ascii + ascii_size, .base = base};
    switch (parse_int_text(&t, true, out)) {
    case INT_OK:
        return true;
    case INT_TOO_MANY_DIGITS:
        return digit_limit_error(t.digits, "", err);
    case INT_INVALID:
        break;
    }
    char prefix[64];
    snprintf(prefix, sizeof prefix, "invalid literal for int() with base %d: ", base);
    return fail(err, PY_VALUE_ERROR, message_with_repr(prefix, s, size, 200));
}

bool py_int_literal(const char *text, size_t size, py_int *out, py_error *err)
{
    int_text t = {.p = text, .end = text + size, .base = 0};
    switch (parse_int_text(&t, false, out)) {
    case INT_OK:
        return true;
    case INT_TOO_MANY_DIGITS:
        return digit_limit_error(t.digits,
                                 " - Consider hexadecimal for huge integer literals to avoid decimal "
                                 "conversion limits.",
                                 err);
    case INT_INVALID:
        break;
    }
    return fail(err, PY_VALUE_ERROR, message_with_repr("invalid int literal: ", text, size, 0));
}

/* ---- parsing floats -------------------------------------------------------------------------- */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* s without its underscores, each of which must sit between two digits;
 * NULL if one does not. */
static char *remove_underscores(const char *s, size_t size, size_t *result_size)
{
    char *out = mt_alloc_atomic(size + 1);
    size_t n = 0;
    for (size_t i = 0; i < size; i++) {
        if (s[i] != '_')
            out[n++] = s[i];
        else if (i == 0 || i + 1 == size || !is_digit(s[i - 1]) || !is_digit(s[i + 1]))
            return NULL;
    }
    out[n] = '\0';
    *result_size = n;
    return out;
}

static size_t skip_digits(const char *s, size_t i, size_t size)
{
    while (i < size && is_digit(s[i]))
        i++;
    return i;
}

static bool equals_nocase(const char *s, size_t size, const char *word)
{
    return strlen(word) == size && strncasecmp(s, word, size) == 0;
}

/* A decimal number (digits, optional point and fraction, at least one
 * digit, optional exponent with digits) or inf, infinity, nan in any case,
 * each with an optional sign. */
static bool is_float_syntax(const char *s, size_t size)
{
    size_t i = size > 0 && (s[0] == '+' || s[0] == '-');
    if (equals_nocase(s + i, size - i, "inf") || equals_nocase(s + i, size - i, "infinity") ||
        equals_nocase(s + i, size - i, "nan"))
        return true;
    size_t int_end = skip_digits(s, i, size);
    size_t mantissa_digits = int_end - i;
    i = int_end;
    if (i < size && s[i] == '.') {
        size_t fraction_end = skip_digits(s, i + 1, size);
        mantissa_digits += fraction_end - (i + 1);
        i = fraction_end;
    }
    if (mantissa_digits == 0)
        return false;
    if (i < size && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        i += i < size && (s[i] == '+' || s[i] == '-');
        size_t exponent_end = skip_digits(s, i, size);
        if (exponent_end == i)
            return false;
        i = exponent_end;
    }
    return i == size;
}

/* text (NUL-terminated at size) as a double, if it is float syntax. */
static bool read_float(const char *text, size_t size, double *out)
{
    if (!is_float_syntax(text, size))
        return false;
    *out = strtod(text, NULL);
    return true;
}

bool py_float_parse(const char *s, size_t size, double *out, py_error *err)
{
    size_t ascii_size, clean_size;
    const char *ascii = to_ascii_number_hook(s, size, &ascii_size);
    char *clean = remove_underscores(ascii, ascii_size, &clean_size);
    if (clean) {
        size_t start = 0;
        while (start < clean_size && is_ascii_space(clean[start]))
            start++;
        while (clean_size > start && is_ascii_space(clean[clean_size - 1]))
            clean[--clean_size] = '\0';
        if (read_float(clean + start, clean_size - start, out))
            return true;
    }
    return fail(err, PY_VALUE_ERROR, message_with_repr("could not convert string to float: ", s, size, 0));
}

bool py_float_literal(const char *text, size_t size, double *out, py_error *err)
{
    size_t clean_size;
    char *clean = remove_underscores(text, size, &clean_size);
    if (clean && read_float(clean, clean_size, out))
        return true;
    return fail(err, PY_VALUE_ERROR, message_with_repr("invalid float literal: ", text, size, 0));
}
