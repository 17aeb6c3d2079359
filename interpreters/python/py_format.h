/* py_format.h — numbers (and str padding) to text exactly as CPython 3.11
 * writes them: float repr, int in bases 2/8/10/16, the format-spec
 * mini-language of format() and str.format, and the conversions of the
 * printf-style % operator.  Results are collected UTF-8 buffers with an
 * explicit size (a fill character may be NUL), NUL-terminated past it.
 */
#ifndef PY_FORMAT_H
#define PY_FORMAT_H

#include "py_number.h"

/* Results longer than this raise MemoryError. */
#define PY_FORMAT_MAX_SIZE ((int64_t)1 << 31)

/* repr(x), which is also str(x): the shortest text that reads back as x. */
char *py_float_repr(double x, size_t *size);

/* str(a); NULL with a ValueError past the digit limit
 * (py_number_set_max_str_digits). */
char *py_int_str(py_int a, size_t *size, py_error *err);
/* a in base 2, 8, 10 or 16 (lowercase), with the 0b/0o/0x prefix of bin(),
 * oct() and hex() after any sign if `prefix`; never limited. */
char *py_int_to_base(py_int a, int base, bool prefix, size_t *size);

/* ---- the format-spec mini-language ---------------------------------------
 * [[fill]align][sign][z][#][0][width][grouping][.precision][type] */

typedef struct py_format_spec {
    uint32_t fill;     /* a code point */
    char align;        /* '<', '>', '^' or '=' */
    char sign;         /* '+', '-', ' ', or 0 when not given */
    bool no_neg_zero;  /* z */
    bool alternate;    /* # */
    char grouping;     /* ',', '_', or 0 */
    int64_t width;     /* -1 when not given */
    int64_t precision; /* -1 when not given */
    uint32_t type;     /* a code point, or 0 when not given */
} py_format_spec;

/* Parse `spec` for an object whose defaults are `default_type` (0 for
 * none) and `default_align`; `type_name` names the object's type in
 * messages ("int", "float", "str", or a subclass's name). */
bool py_format_parse(const char *spec, size_t spec_size, uint32_t default_type, char default_align,
                     const char *type_name, py_format_spec *out, py_error *err);

/* format(value, spec).  An empty spec gives str(value) (for an int subclass
 * such as bool the caller uses the object's own str instead). */
char *py_format_int(py_int a, const char *spec, size_t spec_size, const char *type_name, size_t *size,
                    py_error *err);
char *py_format_float(double x, const char *spec, size_t spec_size, const char *type_name, size_t *size,
                      py_error *err);
char *py_format_str(const char *s, size_t s_size, const char *spec, size_t spec_size, const char *type_name,
                    size_t *size, py_error *err);

/* ---- printf-style conversions ------------------------------------------------
 * One %-conversion with its flags, width and precision already read (a *
 * resolved by the caller).  The caller converts the argument: an int for
 * d i u o x X c (int(x) of a float for d i u; CPython raises TypeError for
 * a float with o x X c), a float for e E f F g G, and the str(), repr()
 * or ascii() text for s r a. */

typedef struct py_printf_spec {
    bool left_adjust; /* - */
    bool plus_sign;   /* + */
    bool blank_sign;  /* space */
    bool alternate;   /* # */
    bool zero_pad;    /* 0 */
    int64_t width;    /* -1 when not given */
    int64_t precision;/* -1 when not given */
    char conversion;
} py_printf_spec;

char *py_printf_int(py_int a, const py_printf_spec *spec, size_t *size, py_error *err);
char *py_printf_float(double x, const py_printf_spec *spec, size_t *size, py_error *err);
char *py_printf_str(const char *s, size_t s_size, const py_printf_spec *spec, size_t *size, py_error *err);

#endif
