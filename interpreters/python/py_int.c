/* py_int.c — the int and bool types.  An int is a tagged small int or a
 * py_long holding py_number's py_int (GMP beyond int64); every result is
 * normalized, so a value that fits is always small.  Arithmetic, bitwise
 * operations, shifts and comparisons (exact against floats) follow
 * CPython through py_number; hash is CPython's numeric hash.  bool is the
 * int subtype whose only values are py_true and py_false.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <string.h>

#include "py_format.h"
#include "py_types.h"

/* ---- values ---------------------------------------------------------------------- */

py_val py_int_new(py_int a)
{
    if (!a.big && py_fits_small(a.small))
        return py_small(a.small);
    py_long *n = mt_alloc(sizeof *n);
    n->head.type = &py_int_type;
    n->value = a;
    return (py_val)n;
}

py_val py_int_from_i64(int64_t n) { return py_fits_small(n) ? py_small(n) : py_int_new(py_int_small(n)); }

py_int py_int_value(py_val v)
{
    if (py_is_small(v))
        return py_int_small(py_small_value(v));
    if (v->type == &py_bool_type)
        return py_int_small(v == py_true);
    return ((py_long *)v)->value;
}

bool py_int_as_i64(py_val v, int64_t *out)
{
    py_int a = py_int_value(v);
    if (a.big)
        return false;
    *out = a.small;
    return true;
}

int py_index(py_val v, int64_t *out)
{
    if (!py_is_int(v)) {
        py_err_format(&py_exc_TypeError, "'%s' object cannot be interpreted as an integer", py_type_name(v));
        return -1;
    }
    if (py_int_as_i64(v, out))
        return 0;
    py_err_format(&py_exc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
}

int py_index_c_int(py_val v, int *out)
{
    int64_t i;
    if (py_index(v, &i) < 0) {
        if (!py_err_matches(&py_exc_OverflowError))
            return -1;
        py_err_take();
        i = INT64_MAX;
    }
    if (i < INT_MIN || i > INT_MAX) {
        py_err_format(&py_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)i;
    return 0;
}

void *py_raise_number_error(const py_num_error *err)
{
    switch (err->kind) {
    case PY_MEMORY_ERROR:
        return py_err_no_memory();
    case PY_ZERO_DIVISION_ERROR:
        return py_err_format(&py_exc_ZeroDivisionError, "%s", err->message);
    case PY_OVERFLOW_ERROR:
        if (!strcmp(err->message, "(34, 'Numerical result out of range')")) {
            /* CPython raises what errno ERANGE says: args (34, strerror) */
            py_val args[] = {py_small(ERANGE), (py_val)py_str_intern("Numerical result out of range")};
            py_err_set(py_exception_new(&py_exc_OverflowError, args, 2));
            return NULL;
        }
        return py_err_format(&py_exc_OverflowError, "%s", err->message);
    case PY_VALUE_ERROR:
    case PY_COMPLEX_RESULT: /* mtpy has no complex numbers */
        break;
    }
    return py_err_format(&py_exc_ValueError, "%s", err->message);
}

/* ---- repr, hash, comparison ------------------------------------------------------------- */

static py_val int_repr(py_val v)
{
    if (py_is_small(v)) {
        char text[24];
        int n = snprintf(text, sizeof text, "%ld", (long)py_small_value(v));
        return (py_val)py_str_new_known(text, (size_t)n, true);
    }
    size_t size;
    py_num_error err;
    char *text = py_int_str(py_int_value(v), &size, &err);
    return text ? (py_val)py_str_new_known(text, size, true) : py_raise_number_error(&err);
}

static int64_t int_hash(py_val v) { return py_hash_int(py_int_value(v)); }

static bool holds(int c, py_compare_op op)
{
    switch (op) {
    case PY_LT: return c < 0;
    case PY_LE: return c <= 0;
    case PY_EQ: return c == 0;
    case PY_NE: return c != 0;
    case PY_GT: return c > 0;
    case PY_GE: return c >= 0;
    }
    return false;
}

/* The outcome of comparing a number that orders as `order` against another. */
py_val py_order_result(py_order order, py_compare_op op)
{
    if (order == PY_UNORDERED)
        return py_bool(op == PY_NE);
    return py_bool(holds((int)order, op));
}

static py_val int_compare(py_val a, py_val b, py_compare_op op)
{
    if (py_is_small(a) && py_is_small(b)) {
        int64_t x = py_small_value(a), y = py_small_value(b);
        return py_bool(holds((x > y) - (x < y), op));
    }
    if (py_is_int(b))
        return py_bool(holds(py_int_compare(py_int_value(a), py_int_value(b)), op));
    if (py_type_of(b) == &py_float_type)
        return py_order_result(py_compare_int_float(py_int_value(a), ((py_float *)b)->value), op);
    return py_not_implemented;
}

static int int_truth(py_val v) { return py_int_sign(py_int_value(v)) != 0; }

/* ---- arithmetic -------------------------------------------------------------------------- */

/* Both operands as ints, or false (the slot answers NotImplemented). */
static bool int_operands(py_val a, py_val b, py_int *x, py_int *y)
{
    if (!py_is_int(a) || !py_is_int(b))
        return false;
    *x = py_int_value(a);
    *y = py_int_value(b);
    return true;
}

static py_val int_add(py_val a, py_val b)
{
    if (py_is_small(a) && py_is_small(b))
        return py_int_from_i64(py_small_value(a) + py_small_value(b));
    py_int x, y;
    return int_operands(a, b, &x, &y) ? py_int_new(py_int_add(x, y)) : py_not_implemented;
}

static py_val int_sub(py_val a, py_val b)
{
    if (py_is_small(a) && py_is_small(b))
        return py_int_from_i64(py_small_value(a) - py_small_value(b));
    py_int x, y;
    return int_operands(a, b, &x, &y) ? py_int_new(py_int_sub(x, y)) : py_not_implemented;
}

static py_val int_mul(py_val a, py_val b)
{
    int64_t r;
    if (py_is_small(a) && py_is_small(b) && py_i64_mul(py_small_value(a), py_small_value(b), &r))
        return py_int_from_i64(r);
    py_int x, y;
    return int_operands(a, b, &x, &y) ? py_int_new(py_int_mul(x, y)) : py_not_implemented;
}

typedef bool (*int_fallible)(py_int, py_int, py_int *, py_num_error *);

static py_val int_fallible_op(py_val a, py_val b, int_fallible op)
{
    py_int x, y, r;
    py_num_error err;
    if (!int_operands(a, b, &x, &y))
        return py_not_implemented;
    return op(x, y, &r, &err) ? py_int_new(r) : py_raise_number_error(&err);
}

static py_val int_floordiv(py_val a, py_val b)
{
    int64_t r;
    if (py_is_small(a) && py_is_small(b) && py_i64_floordiv(py_small_value(a), py_small_value(b), &r))
        return py_int_from_i64(r);
    return int_fallible_op(a, b, py_int_floordiv);
}

static py_val int_mod(py_val a, py_val b)
{
    int64_t r;
    if (py_is_small(a) && py_is_small(b) && py_i64_mod(py_small_value(a), py_small_value(b), &r))
        return py_small(r);
    return int_fallible_op(a, b, py_int_mod);
}

static py_val int_lshift(py_val a, py_val b)
{
    int64_t r;
    if (py_is_small(a) && py_is_small(b) && py_i64_lshift(py_small_value(a), py_small_value(b), &r))
        return py_int_from_i64(r);
    return int_fallible_op(a, b, py_int_lshift);
}

static py_val int_rshift(py_val a, py_val b)
{
    int64_t r;
    if (py_is_small(a) && py_is_small(b) && py_i64_rshift(py_small_value(a), py_small_value(b), &r))
        return py_small(r);
    return int_fallible_op(a, b, py_int_rshift);
}

static py_val int_truediv(py_val a, py_val b)
{
    py_int x, y;
    double r;
    py_num_error err;
    if (!int_operands(a, b, &x, &y))
        return py_not_implemented;
    return py_int_truediv(x, y, &r, &err) ? py_float_new(r) : py_raise_number_error(&err);
}

static py_val num_result(const py_num *n) { return n->is_float ? py_float_new(n->f) : py_int_new(n->i); }

static py_val int_pow(py_val a, py_val b)
{
    py_int x, y;
    py_num r;
    py_num_error err;
    if (!int_operands(a, b, &x, &y))
        return py_not_implemented;
    return py_int_pow(x, y, &r, &err) ? num_result(&r) : py_raise_number_error(&err);
}

typedef py_int (*int_binary)(py_int, py_int);

static py_val int_bitwise(py_val a, py_val b, int_binary op)
{
    py_int x, y;
    return int_operands(a, b, &x, &y) ? py_int_new(op(x, y)) : py_not_implemented;
}

static py_val int_and(py_val a, py_val b)
{
    if (py_is_small(a) && py_is_small(b))
        return py_small(py_small_value(a) & py_small_value(b));
    return int_bitwise(a, b, py_int_and);
}

static py_val int_or(py_val a, py_val b)
{
    if (py_is_small(a) && py_is_small(b))
        return py_small(py_small_value(a) | py_small_value(b));
    return int_bitwise(a, b, py_int_or);
}

static py_val int_xor(py_val a, py_val b)
{
    if (py_is_small(a) && py_is_small(b))
        return py_small(py_small_value(a) ^ py_small_value(b));
    return int_bitwise(a, b, py_int_xor);
}

static py_val int_neg(py_val v)
{
    if (py_is_small(v))
        return py_int_from_i64(-py_small_value(v));
    return py_int_new(py_int_neg(py_int_value(v)));
}

static py_val int_pos(py_val v) { return py_type_of(v) == &py_bool_type ? py_int_new(py_int_value(v)) : v; }

static py_val int_invert(py_val v) { return py_int_new(py_int_invert(py_int_value(v))); }

static py_val int_abs(py_val v) { return py_int_new(py_int_abs(py_int_value(v))); }

/* ---- pow(), divmod(), round(), bin()/oct()/hex() ------------------------------------------------- */

static bool is_number(py_val v) { return py_is_int(v) || py_type_of(v) == &py_float_type; }

py_val py_pow3(py_val base, py_val exp, py_val mod)
{
    if (mod == py_none)
        return py_binary(base, exp, PY_OP_POW);
    if (py_is_int(base) && py_is_int(exp) && py_is_int(mod)) {
        py_int r;
        py_num_error err;
        if (!py_int_powmod(py_int_value(base), py_int_value(exp), py_int_value(mod), &r, &err))
            return py_raise_number_error(&err);
        return py_int_new(r);
    }
    /* float's pow takes the call when the first two are numbers and one of the three is a float */
    bool any_float = py_type_of(base) == &py_float_type || py_type_of(exp) == &py_float_type ||
                     py_type_of(mod) == &py_float_type;
    if (is_number(base) && is_number(exp) && any_float)
        return py_err_format(&py_exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    return py_err_format(&py_exc_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                         py_type_name(base), py_type_name(exp), py_type_name(mod));
}

py_val py_divmod(py_val a, py_val b)
{
    py_int x, y, q, r;
    py_num_error err;
    if (!int_operands(a, b, &x, &y)) {
        py_val result = py_float_divmod_values(a, b);
        if (result != py_not_implemented)
            return result;
        return py_err_format(&py_exc_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                             py_type_name(a), py_type_name(b));
    }
    if (!py_int_divmod(x, y, &q, &r, &err))
        return py_raise_number_error(&err);
    return (py_val)py_tuple_from((py_val[]){py_int_new(q), py_int_new(r)}, 2);
}

py_val py_round(py_val x, py_val ndigits)
{
    if (ndigits == py_none)
        ndigits = NULL;
    if (!py_is_int(x))
        return py_float_round_value(x, ndigits);
    if (!ndigits)
        return py_int_new(py_int_value(x));
    if (!py_is_int(ndigits))
        return py_err_format(&py_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             py_type_name(ndigits));
    return py_int_new(py_int_round(py_int_value(x), py_int_value(ndigits)));
}

py_val py_int_in_base(py_val v, int base)
{
    if (!py_is_int(v))
        return py_err_format(&py_exc_TypeError, "'%s' object cannot be interpreted as an integer", py_type_name(v));
    size_t size;
    char *text = py_int_to_base(py_int_value(v), base, true, &size);
    return (py_val)py_str_new_known(text, size, true);
}

/* ---- int(x=0) and int(x, base=10) ------------------------------------------------------------- */

static py_val parse_int(const char *s, size_t size, int base)
{
    py_int r;
    py_num_error err;
    return py_int_parse(s, size, base, &r, &err) ? py_int_new(r) : py_raise_number_error(&err);
}

static py_val int_from_object(py_val x)
{
    if (py_is_int(x))
        return py_int_new(py_int_value(x));
    const py_type *t = py_type_of(x);
    if (t == &py_float_type)
        return py_float_to_int_value(x);
    if (t == &py_str_type)
        return parse_int(((py_str *)x)->data, (size_t)((py_str *)x)->size, 10);
    if (t == &py_bytes_type)
        return parse_int(((py_bytes *)x)->data, (size_t)((py_bytes *)x)->size, 10);
    return py_err_format(&py_exc_TypeError,
                         "int() argument must be a string, a bytes-like object or a real number, not '%s'", t->name);
}

static py_val int_new(const py_type *type, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)type;
    static const char *const names[] = {"", "base"};
    static const py_params params = {"int", names, 2, 1, 2, 0};
    py_val arg[2];
    if (!py_args_parse(&params, args, nargs, kwnames, arg))
        return NULL;
    if (!arg[1])
        return arg[0] ? int_from_object(arg[0]) : py_small(0);
    int64_t base;
    if (py_index(arg[1], &base) < 0)
        return NULL;
    if (!arg[0])
        return py_err_format(&py_exc_TypeError, "int() missing string argument");
    const py_type *t = py_type_of(arg[0]);
    if (t != &py_str_type && t != &py_bytes_type)
        return py_err_format(&py_exc_TypeError, "int() can't convert non-string with explicit base");
    if (base != 0 && (base < 2 || base > 36))
        return py_err_format(&py_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (t == &py_str_type)
        return parse_int(((py_str *)arg[0])->data, (size_t)((py_str *)arg[0])->size, (int)base);
    return parse_int(((py_bytes *)arg[0])->data, (size_t)((py_bytes *)arg[0])->size, (int)base);
}

/* ---- methods and attributes ---------------------------------------------------------------------- */

static py_val int_bit_length(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    if (!py_args_none("int.bit_length", nargs, kwnames))
        return NULL;
    return py_int_from_i64((int64_t)py_int_bit_length(py_int_value(self)));
}

static py_val int_bit_count(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    if (!py_args_none("int.bit_count", nargs, kwnames))
        return NULL;
    py_int a = py_int_abs(py_int_value(self));
    if (!a.big)
        return py_small(__builtin_popcountll((unsigned long long)a.small));
    return py_int_from_i64((int64_t)mpz_popcount(a.big));
}

static py_val int_conjugate(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    if (!py_args_none("int.conjugate", nargs, kwnames))
        return NULL;
    return py_int_new(py_int_value(self));
}

static py_val int_as_integer_ratio(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    if (!py_args_none("int.as_integer_ratio", nargs, kwnames))
        return NULL;
    return (py_val)py_tuple_from((py_val[]){py_int_new(py_int_value(self)), py_small(1)}, 2);
}

/* The byteorder argument of to_bytes/from_bytes: true for 'little'. */
static bool little_endian(const char *function, py_val order, bool *little)
{
    if (!order) {
        *little = false;
        return true;
    }
    if (!py_isinstance(order, &py_str_type)) {
        py_err_format(&py_exc_TypeError, "%s() argument 'byteorder' must be str, not %s", function,
                      py_type_name(order));
        return false;
    }
    const char *text = ((py_str *)order)->data;
    if (strcmp(text, "little") != 0 && strcmp(text, "big") != 0) {
        py_err_format(&py_exc_ValueError, "byteorder must be either 'little' or 'big'");
        return false;
    }
    *little = text[0] == 'l';
    return true;
}

static void reverse_bytes(char *data, int64_t size)
{
    for (int64_t i = 0, j = size - 1; i < j; i++, j--) {
        char t = data[i];
        data[i] = data[j];
        data[j] = t;
    }
}

/* int.to_bytes(length=1, byteorder='big', *, signed=False): two's
 * complement in exactly `length` bytes. */
static py_val int_to_bytes(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    static const char *const names[] = {"length", "byteorder", "signed"};
    static const py_params params = {"to_bytes", names, 3, 0, 2, 0};
    py_val arg[3];
    int64_t length = 1;
    bool little;
    if (!py_args_parse(&params, args, nargs, kwnames, arg) || (arg[0] && py_index(arg[0], &length) < 0) ||
        !little_endian("to_bytes", arg[1], &little))
        return NULL;
    int is_signed = arg[2] ? py_truth(arg[2]) : 0;
    if (is_signed < 0)
        return NULL;
    if (length < 0)
        return py_err_format(&py_exc_ValueError, "length argument must be non-negative");
    py_int a = py_int_value(self);
    bool negative = py_int_sign(a) < 0;
    if (negative && !is_signed)
        return py_err_format(&py_exc_OverflowError, "can't convert negative int to unsigned");
    /* the bits the value needs: its magnitude's (of -a-1 when negative), plus a sign bit if signed */
    uint64_t bits = py_int_bit_length(negative ? py_int_invert(a) : a) + (is_signed ? 1 : 0);
    if (bits > (uint64_t)length * 8)
        return py_err_format(&py_exc_OverflowError, "int too big to convert");
    py_bytes *b = py_bytes_new(NULL, (size_t)length);
    if (!b)
        return NULL;
    mpz_t z;
    mpz_init(z);
    py_int_get_mpz(a, z);
    if (negative) { /* a + 2**(8*length) */
        mpz_t power;
        mpz_init(power);
        mpz_ui_pow_ui(power, 2, (unsigned long)length * 8);
        mpz_add(z, z, power);
    }
    size_t count = 0;
    if (mpz_sgn(z))
        mpz_export(b->data + length - (int64_t)((mpz_sizeinbase(z, 2) + 7) / 8), &count, 1, 1, 1, 0, z);
    if (little)
        reverse_bytes(b->data, length);
    return (py_val)b;
}

/* int.from_bytes(bytes, byteorder='big', *, signed=False), a class method
 * (bool.from_bytes gives a bool). */
static py_val int_from_bytes(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    static const char *const names[] = {"bytes", "byteorder", "signed"};
    static const py_params params = {"from_bytes", names, 3, 0, 2, 1};
    py_val arg[3];
    bool little;
    if (!py_args_parse(&params, args, nargs, kwnames, arg) || !little_endian("from_bytes", arg[1], &little))
        return NULL;
    int is_signed = arg[2] ? py_truth(arg[2]) : 0;
    if (is_signed < 0)
        return NULL;
    py_val source = arg[0];
    const py_type *t = py_type_of(source);
    if (t != &py_bytes_type && (py_is_int(source) || t == &py_str_type || !t->iter))
        return py_err_format(&py_exc_TypeError, "cannot convert '%s' object to bytes", t->name);
    if (t != &py_bytes_type && !(source = py_call((py_val)&py_bytes_type, &source, 1, NULL)))
        return NULL;
    py_bytes *b = (py_bytes *)source;
    py_bytes *ordered = py_bytes_new(b->data, (size_t)b->size);
    if (little)
        reverse_bytes(ordered->data, ordered->size);
    mpz_t z;
    mpz_init(z);
    mpz_import(z, (size_t)ordered->size, 1, 1, 1, 0, ordered->data);
    if (is_signed && ordered->size && (unsigned char)ordered->data[0] >= 0x80) {
        mpz_t power;
        mpz_init(power);
        mpz_ui_pow_ui(power, 2, (unsigned long)ordered->size * 8);
        mpz_sub(z, z, power);
    }
    py_val result = py_int_new(py_int_from_mpz(z));
    return self == (py_val)&py_bool_type ? py_bool(py_int_sign(py_int_value(result)) != 0) : result;
}

const py_method_def py_int_from_bytes_def = {"from_bytes", int_from_bytes};

static py_val int_getattr(py_val v, py_str *name)
{
    if (!strcmp(name->data, "real") || !strcmp(name->data, "numerator"))
        return py_int_new(py_int_value(v));
    if (!strcmp(name->data, "imag"))
        return py_small(0);
    if (!strcmp(name->data, "denominator"))
        return py_small(1);
    return NULL;
}

static const py_method_def int_methods[] = {
    {"as_integer_ratio", int_as_integer_ratio},
    {"bit_count", int_bit_count},
    {"bit_length", int_bit_length},
    {"conjugate", int_conjugate},
    {"to_bytes", int_to_bytes},
    {NULL, NULL},
};

#define INT_BINARY_SLOTS                                                                                     \
    [PY_OP_ADD] = int_add, [PY_OP_SUB] = int_sub, [PY_OP_MUL] = int_mul, [PY_OP_TRUEDIV] = int_truediv,     \
    [PY_OP_FLOORDIV] = int_floordiv, [PY_OP_MOD] = int_mod, [PY_OP_POW] = int_pow,                          \
    [PY_OP_LSHIFT] = int_lshift, [PY_OP_RSHIFT] = int_rshift

py_type py_int_type = {
    .head = {&py_type_type}, .name = "int", .flags = PY_TYPE_BASETYPE, .repr = int_repr, .hash = int_hash,
    .compare = int_compare, .truth = int_truth,
    .binary = {INT_BINARY_SLOTS, [PY_OP_AND] = int_and, [PY_OP_OR] = int_or, [PY_OP_XOR] = int_xor},
    .neg = int_neg, .pos = int_pos, .invert = int_invert, .abs = int_abs, .getattr = int_getattr,
    .new = int_new, .methods = int_methods,
};

/* ---- bool ------------------------------------------------------------------------------------------ */

py_obj py_true_obj = {&py_bool_type}, py_false_obj = {&py_bool_type};

static py_val bool_repr(py_val v) { return (py_val)py_str_intern(v == py_true ? "True" : "False"); }

/* & | ^ of two bools is a bool; with any other int, an int. */
static py_val bool_logic(py_val a, py_val b, py_val (*int_op)(py_val, py_val), bool (*op)(bool, bool))
{
    if (py_type_of(a) == &py_bool_type && py_type_of(b) == &py_bool_type)
        return py_bool(op(a == py_true, b == py_true));
    return int_op(a, b);
}

static bool logical_and(bool x, bool y) { return x && y; }
static bool logical_or(bool x, bool y) { return x || y; }
static bool logical_xor(bool x, bool y) { return x != y; }
static py_val bool_and(py_val a, py_val b) { return bool_logic(a, b, int_and, logical_and); }
static py_val bool_or(py_val a, py_val b) { return bool_logic(a, b, int_or, logical_or); }
static py_val bool_xor(py_val a, py_val b) { return bool_logic(a, b, int_xor, logical_xor); }

static py_val bool_new(const py_type *type, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)type;
    if (!py_args_count("bool", nargs, kwnames, 0, 1))
        return NULL;
    int truth = nargs ? py_truth(args[0]) : 0;
    return truth < 0 ? NULL : py_bool(truth);
}

py_type py_bool_type = {
    .head = {&py_type_type}, .name = "bool", .base = &py_int_type, .repr = bool_repr, .hash = int_hash,
    .compare = int_compare, .truth = int_truth,
    .binary = {INT_BINARY_SLOTS, [PY_OP_AND] = bool_and, [PY_OP_OR] = bool_or, [PY_OP_XOR] = bool_xor},
    .neg = int_neg, .pos = int_pos, .invert = int_invert, .abs = int_abs, .getattr = int_getattr,
    .new = bool_new,
};
