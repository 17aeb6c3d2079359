/* py_float.c — the float type: a double with CPython's arithmetic errors
 * ("float division by zero", ...), shortest round-trip repr, the numeric
 * hash shared with ints, exact comparison with ints, float() parsing, and
 * the float halves of divmod(), round() and int().
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "py_format.h"
#include "py_types.h"

py_val py_float_new(double x)
{
    py_float *f = mt_alloc_atomic(sizeof *f);
    f->head.type = &py_float_type;
    f->value = x;
    return (py_val)f;
}

static double value_of(py_val v) { return ((py_float *)v)->value; }

/* An operand of float arithmetic as a double: a float, or an int
 * converted (OverflowError when too large); false with no exception when
 * it is neither (the slot answers NotImplemented). */
static bool as_double(py_val v, double *out, bool *failed)
{
    if (py_type_of(v) == &py_float_type) {
        *out = value_of(v);
        return true;
    }
    if (!py_is_int(v))
        return false;
    py_error err;
    if (py_int_to_double(py_int_value(v), out, &err))
        return true;
    py_raise_number_error(&err);
    *failed = true;
    return false;
}

/* ---- repr, hash, comparison ------------------------------------------------------- */

static py_val float_repr(py_val v)
{
    size_t size;
    char *text = py_float_repr(value_of(v), &size);
    return (py_val)py_str_new_known(text, size, true);
}

static int64_t float_hash(py_val v) { return py_hash_float(value_of(v), (uintptr_t)v); }

static py_val float_compare(py_val a, py_val b, py_compare_op op)
{
    double x = value_of(a);
    if (py_type_of(b) == &py_float_type) {
        double y = value_of(b);
        py_order order = x < y ? PY_LESS : x > y ? PY_GREATER : x == y ? PY_EQUAL : PY_UNORDERED;
        return py_order_result(order, op);
    }
    if (py_is_int(b)) {
        py_order order = py_compare_int_float(py_int_value(b), x);
        return py_order_result(order == PY_UNORDERED ? order : (py_order)-order, op);
    }
    return py_not_implemented;
}

static int float_truth(py_val v) { return value_of(v) != 0.0; }

/* ---- arithmetic -------------------------------------------------------------------- */

/* Both operands as doubles, else the slot's answer: NotImplemented or the
 * error (NULL) in *early. */
static bool operands(py_val a, py_val b, double *x, double *y, py_val *early)
{
    bool failed = false;
    if (as_double(a, x, &failed) && as_double(b, y, &failed))
        return true;
    *early = failed ? NULL : py_not_implemented;
    return false;
}

static py_val float_add(py_val a, py_val b)
{
    double x, y;
    py_val early;
    return operands(a, b, &x, &y, &early) ? py_float_new(x + y) : early;
}

static py_val float_sub(py_val a, py_val b)
{
    double x, y;
    py_val early;
    return operands(a, b, &x, &y, &early) ? py_float_new(x - y) : early;
}

static py_val float_mul(py_val a, py_val b)
{
    double x, y;
    py_val early;
    return operands(a, b, &x, &y, &early) ? py_float_new(x * y) : early;
}

typedef bool (*float_fallible)(double, double, double *, py_error *);

static py_val float_fallible_op(py_val a, py_val b, float_fallible op)
{
    double x, y, r;
    py_val early;
    py_error err;
    if (!operands(a, b, &x, &y, &early))
        return early;
    return op(x, y, &r, &err) ? py_float_new(r) : py_raise_number_error(&err);
}

static py_val float_truediv(py_val a, py_val b) { return float_fallible_op(a, b, py_float_div); }
static py_val float_floordiv(py_val a, py_val b) { return float_fallible_op(a, b, py_float_floordiv); }
static py_val float_mod(py_val a, py_val b) { return float_fallible_op(a, b, py_float_mod); }
static py_val float_pow(py_val a, py_val b) { return float_fallible_op(a, b, py_float_pow); }

static py_val float_neg(py_val v) { return py_float_new(-value_of(v)); }
static py_val float_pos(py_val v) { return v; }
static py_val float_abs(py_val v) { return py_float_new(fabs(value_of(v))); }

py_val py_float_divmod_values(py_val a, py_val b)
{
    double x, y, q, r;
    py_val early;
    py_error err;
    if (!operands(a, b, &x, &y, &early))
        return early;
    if (!py_float_divmod(x, y, &q, &r, &err))
        return py_raise_number_error(&err);
    return (py_val)py_tuple_from((py_val[]){py_float_new(q), py_float_new(r)}, 2);
}

py_val py_float_round_value(py_val x, py_val ndigits)
{
    if (py_type_of(x) != &py_float_type)
        return py_err_format(&py_exc_TypeError, "type %s doesn't define __round__ method", py_type_name(x));
    py_error err;
    if (!ndigits) {
        py_int r;
        return py_float_round(value_of(x), &r, &err) ? py_int_new(r) : py_raise_number_error(&err);
    }
    if (!py_is_int(ndigits))
        return py_err_format(&py_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             py_type_name(ndigits));
    int64_t digits;
    if (!py_int_as_i64(ndigits, &digits)) /* so many digits that x is its own rounding, or 0 */
        digits = py_int_sign(py_int_value(ndigits)) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
    double r;
    return py_float_round_digits(value_of(x), digits, &r, &err) ? py_float_new(r) : py_raise_number_error(&err);
}

py_val py_float_to_int_value(py_val v)
{
    py_int r;
    py_error err;
    return py_float_to_int(value_of(v), &r, &err) ? py_int_new(r) : py_raise_number_error(&err);
}

/* ---- float(x=0.0) ------------------------------------------------------------------------ */

static py_val parse_float(const char *s, size_t size)
{
    double r;
    py_error err;
    return py_float_parse(s, size, &r, &err) ? py_float_new(r) : py_raise_number_error(&err);
}

static py_val float_new(const py_type *type, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)type;
    if (!py_args_count("float", nargs, kwnames, 0, 1))
        return NULL;
    if (nargs == 0)
        return py_float_new(0.0);
    py_val x = args[0];
    const py_type *t = py_type_of(x);
    if (t == &py_float_type)
        return x;
    if (t == &py_str_type)
        return parse_float(((py_str *)x)->data, (size_t)((py_str *)x)->size);
    if (t == &py_bytes_type)
        return parse_float(((py_bytes *)x)->data, (size_t)((py_bytes *)x)->size);
    double d;
    bool failed = false;
    if (as_double(x, &d, &failed))
        return py_float_new(d);
    if (failed)
        return NULL;
    return py_err_format(&py_exc_TypeError, "float() argument must be a string or a real number, not '%s'", t->name);
}

/* ---- methods ------------------------------------------------------------------------------- */

static py_val float_is_integer(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    if (!py_args_none("float.is_integer", nargs, kwnames))
        return NULL;
    return py_bool(py_float_is_integer(value_of(self)));
}

static py_val float_as_integer_ratio(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    if (!py_args_none("float.as_integer_ratio", nargs, kwnames))
        return NULL;
    py_int numerator, denominator;
    py_error err;
    if (!py_float_as_integer_ratio(value_of(self), &numerator, &denominator, &err))
        return py_raise_number_error(&err);
    return (py_val)py_tuple_from((py_val[]){py_int_new(numerator), py_int_new(denominator)}, 2);
}

static py_val float_conjugate(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)args;
    return py_args_none("float.conjugate", nargs, kwnames) ? self : NULL;
}

static py_val float_getattr(py_val v, py_str *name)
{
    if (!strcmp(name->data, "real"))
        return v;
    if (!strcmp(name->data, "imag"))
        return py_float_new(0.0);
    return NULL;
}

static const py_method_def float_methods[] = {
    {"as_integer_ratio", float_as_integer_ratio},
    {"conjugate", float_conjugate},
    {"is_integer", float_is_integer},
    {NULL, NULL},
};

py_type py_float_type = {
    .head = {&py_type_type}, .name = "float", .flags = PY_TYPE_BASETYPE, .repr = float_repr,
    .hash = float_hash, .compare = float_compare, .truth = float_truth,
    .binary = {[PY_OP_ADD] = float_add, [PY_OP_SUB] = float_sub, [PY_OP_MUL] = float_mul,
               [PY_OP_TRUEDIV] = float_truediv, [PY_OP_FLOORDIV] = float_floordiv, [PY_OP_MOD] = float_mod,
               [PY_OP_POW] = float_pow},
    .neg = float_neg, .pos = float_pos, .abs = float_abs, .getattr = float_getattr, .new = float_new,
    .methods = float_methods,
};
