/* py_number.h — mtpy's numbers as C values: Python ints (an int64, or a GMP
 * mpz when the value does not fit) and floats (a double), with the parts of
 * CPython 3.11's semantics that C gets wrong: floor division and modulo
 * signs, exact int/float conversion and comparison, correctly rounded
 * division and rounding, numeric hashing, and int()/float() parsing with
 * CPython's error messages.  Text output is in py_format.h.
 */
#ifndef PY_NUMBER_H
#define PY_NUMBER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <gmp.h>

/* Makes GMP allocate through the collector (limbs never need mpz_clear).
 * Call once, after mt_init and before any other py_ function. */
void py_number_init(void);

/* ---- errors ---------------------------------------------------------------
 * A fallible function returns false and fills a py_error; the VM raises the
 * Python exception of that kind with that message. */

typedef enum py_error_kind {
    PY_VALUE_ERROR,
    PY_ZERO_DIVISION_ERROR,
    PY_OVERFLOW_ERROR,
    PY_MEMORY_ERROR,
    PY_COMPLEX_RESULT, /* not an exception: the result is complex */
} py_error_kind;

typedef struct py_error {
    py_error_kind kind;
    const char *message; /* static or collected */
} py_error;

/* The Python name of the exception ("ValueError", ...). */
const char *py_error_kind_name(py_error_kind kind);

/* ---- ints -----------------------------------------------------------------
 * A py_int is normalized: `big` is NULL and the value is `small` whenever
 * the value fits in an int64; otherwise `big` points to an mpz (in collected
 * memory, never modified after it is returned).  An mpz_t the caller keeps
 * must itself be in scanned memory (mt_alloc, not mt_alloc_atomic) or on the
 * stack, since it points to collected limbs. */

typedef struct py_int {
    mpz_srcptr big;
    int64_t small;
} py_int;

static inline py_int py_int_small(int64_t value) { return (py_int){.big = NULL, .small = value}; }
static inline bool py_int_is_small(py_int a) { return a.big == NULL; }
/* The value of `z` (copied, so z may change afterwards). */
py_int py_int_from_mpz(mpz_srcptr z);
/* Set an initialized `out` to the value of a. */
void py_int_get_mpz(py_int a, mpz_ptr out);
int py_int_sign(py_int a);
int py_int_compare(py_int a, py_int b);
/* int.bit_length(): bits of |a| (0 for 0). */
uint64_t py_int_bit_length(py_int a);

py_int py_int_add(py_int a, py_int b);
py_int py_int_sub(py_int a, py_int b);
py_int py_int_mul(py_int a, py_int b);
py_int py_int_neg(py_int a);
py_int py_int_abs(py_int a);
py_int py_int_invert(py_int a); /* ~a */
py_int py_int_and(py_int a, py_int b);
py_int py_int_or(py_int a, py_int b);
py_int py_int_xor(py_int a, py_int b);

/* a // b and a % b with Python's signs (the remainder has the sign of b). */
bool py_int_floordiv(py_int a, py_int b, py_int *quotient, py_error *err);
bool py_int_mod(py_int a, py_int b, py_int *remainder, py_error *err);
bool py_int_divmod(py_int a, py_int b, py_int *quotient, py_int *remainder, py_error *err);
/* a / b, correctly rounded (not (double)a / (double)b). */
bool py_int_truediv(py_int a, py_int b, double *out, py_error *err);
bool py_int_lshift(py_int a, py_int count, py_int *out, py_error *err);
bool py_int_rshift(py_int a, py_int count, py_int *out, py_error *err);

/* base ** exp: an int for exp >= 0, a float (CPython's float pow) for exp < 0. */
typedef struct py_num {
    bool is_float;
    py_int i;
    double f;
} py_num;
bool py_int_pow(py_int base, py_int exp, py_num *out, py_error *err);
/* pow(base, exp, mod), a negative exp meaning the modular inverse's power. */
bool py_int_powmod(py_int base, py_int exp, py_int mod, py_int *out, py_error *err);
/* round(a, ndigits): for ndigits < 0 rounds to a multiple of 10**-ndigits,
 * halves to even. */
py_int py_int_round(py_int a, py_int ndigits);

/* float(a), correctly rounded; OverflowError beyond the double range. */
bool py_int_to_double(py_int a, double *out, py_error *err);

/* Fast paths on int64: true with the result when it is an int64 and no
 * error applies; false sends the caller to the py_int function, which also
 * reports the errors. */
static inline bool py_i64_add(int64_t a, int64_t b, int64_t *out) { return !__builtin_add_overflow(a, b, out); }
static inline bool py_i64_sub(int64_t a, int64_t b, int64_t *out) { return !__builtin_sub_overflow(a, b, out); }
static inline bool py_i64_mul(int64_t a, int64_t b, int64_t *out) { return !__builtin_mul_overflow(a, b, out); }
static inline bool py_i64_neg(int64_t a, int64_t *out) { return !__builtin_sub_overflow((int64_t)0, a, out); }

static inline bool py_i64_floordiv(int64_t a, int64_t b, int64_t *out)
{
    if (b == 0 || (b == -1 && a == INT64_MIN))
        return false;
    int64_t q = a / b;
    *out = q - ((a % b != 0) && ((a < 0) != (b < 0)));
    return true;
}

static inline bool py_i64_mod(int64_t a, int64_t b, int64_t *out)
{
    if (b == 0)
        return false;
    int64_t r = b == -1 ? 0 : a % b;
    *out = r != 0 && (r < 0) != (b < 0) ? r + b : r;
    return true;
}

static inline bool py_i64_lshift(int64_t a, int64_t count, int64_t *out)
{
    if (count < 0 || count > 63 || (a != 0 && count > 62))
        return a == 0 && count >= 0 ? (*out = 0, true) : false;
    int64_t shifted = (int64_t)((uint64_t)a << count);
    if ((shifted >> count) != a)
        return false;
    *out = shifted;
    return true;
}

static inline bool py_i64_rshift(int64_t a, int64_t count, int64_t *out)
{
    if (count < 0)
        return false;
    *out = a >> (count > 63 ? 63 : count);
    return true;
}

/* ---- floats ---------------------------------------------------------------- */

/* int(x): truncation toward zero, exact for huge values. */
bool py_float_to_int(double x, py_int *out, py_error *err);
bool py_float_div(double a, double b, double *out, py_error *err);
/* a // b, a % b (sign of b) and divmod as CPython computes them. */
bool py_float_floordiv(double a, double b, double *out, py_error *err);
bool py_float_mod(double a, double b, double *out, py_error *err);
bool py_float_divmod(double a, double b, double *quotient, double *remainder, py_error *err);
/* a ** b; PY_COMPLEX_RESULT for a negative base and a fractional exponent. */
bool py_float_pow(double a, double b, double *out, py_error *err);
/* round(x): the nearest int, halves to even. */
bool py_float_round(double x, py_int *out, py_error *err);
/* round(x, ndigits): correctly rounded to 10**-ndigits, halves to even. */
bool py_float_round_digits(double x, int64_t ndigits, double *out, py_error *err);
bool py_float_is_integer(double x);
/* x.as_integer_ratio(): the lowest terms, denominator > 0. */
bool py_float_as_integer_ratio(double x, py_int *numerator, py_int *denominator, py_error *err);

/* Exact comparison of an int and a float (so 2**53+1 != float(2**53+1)). */
typedef enum py_order { PY_LESS = -1, PY_EQUAL = 0, PY_GREATER = 1, PY_UNORDERED = 2 } py_order;
py_order py_compare_int_float(py_int a, double x);

/* ---- hashing ----------------------------------------------------------------
 * CPython's numeric hash: the value modulo 2**61 - 1, equal for equal ints
 * and floats, -1 replaced by -2.  A NaN hashes by its object's identity (its
 * address), as in CPython 3.10+. */

#define PY_HASH_MODULUS ((uint64_t)0x1FFFFFFFFFFFFFFF)
#define PY_HASH_INF 314159

int64_t py_hash_int(py_int a);
int64_t py_hash_float(double x, uintptr_t identity);
int64_t py_hash_pointer(uintptr_t identity);

/* ---- text to numbers ----------------------------------------------------------
 * int(s, base) and float(s) on a str's UTF-8 (it may hold NUL).  CPython
 * first makes Unicode digits and whitespace ASCII and reports errors with
 * the repr of the argument; both are hooks, so the str library supplies them
 * (py_str_to_ascii_number, py_str_repr).  Without hooks, non-ASCII text is
 * never a number and the repr is the ASCII-only fallback below. */

typedef char *(*py_text_fn)(const char *s, size_t size, size_t *result_size);
void py_number_set_text_hooks(py_text_fn to_ascii_number, py_text_fn repr);
/* repr() of a str, exact for ASCII; other bytes are copied as they are. */
char *py_number_ascii_repr(const char *s, size_t size, size_t *result_size);

/* sys.set_int_max_str_digits(): the most decimal (non-power-of-two base)
 * digits int() and str() convert; 0 for no limit.  Default 4300. */
void py_number_set_max_str_digits(int64_t limit);
int64_t py_number_max_str_digits(void);

/* int(s, base), base 0 or 2..36. */
bool py_int_parse(const char *s, size_t size, int base, py_int *out, py_error *err);
/* float(s). */
bool py_float_parse(const char *s, size_t size, double *out, py_error *err);

/* Source literals as the tokenizer delimits them (decimal, 0x, 0o, 0b, with
 * underscores; a float literal without its j).  The only error is the
 * digit limit (the compiler reports it as a SyntaxError) or a malformed
 * literal. */
bool py_int_literal(const char *text, size_t size, py_int *out, py_error *err);
bool py_float_literal(const char *text, size_t size, double *out, py_error *err);

#endif
