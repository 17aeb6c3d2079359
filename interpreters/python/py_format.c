/* py_format.c — numbers to text as CPython 3.11 writes them.  Float digits
 * come from the C library (printf rounds the exact binary value correctly,
 * halves to even, as CPython's dtoa does; the shortest round-trip digits
 * are searched with printf and strtod) and are laid out by CPython's
 * rules; format specs and %-conversions then add sign, grouping and padding.
 */
#include "config.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt.h"
#include "py_format.h"

/* ---- output buffers ----------------------------------------------------------- */

typedef struct builder {
    char *data;
    size_t size, capacity;
} builder;

static void reserve(builder *b, size_t more)
{
    if (b->size + more + 1 <= b->capacity)
        return;
    size_t capacity = b->capacity ? b->capacity : 32;
    while (capacity < b->size + more + 1)
        capacity *= 2;
    b->data = mt_realloc(b->data, capacity);
    b->capacity = capacity;
}

static void put(builder *b, const char *s, size_t n)
{
    reserve(b, n);
    memcpy(b->data + b->size, s, n);
    b->size += n;
}

static void put_char(builder *b, char c) { put(b, &c, 1); }

/* UTF-8 of a code point (a surrogate too, as the str library stores it). */
static size_t encode_utf8(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static void put_repeated(builder *b, uint32_t cp, int64_t count)
{
    char utf8[4];
    size_t n = encode_utf8(cp, utf8);
    if (count <= 0)
        return;
    reserve(b, n * (size_t)count);
    for (int64_t i = 0; i < count; i++)
        put(b, utf8, n);
}

static char *finish(builder *b, size_t *size)
{
    reserve(b, 0);
    b->data[b->size] = '\0';
    if (size)
        *size = b->size;
    return b->data;
}

static char *copy_text(const char *s, size_t n, size_t *size)
{
    builder b = {0};
    put(&b, s, n);
    return finish(&b, size);
}

static size_t count_code_points(const char *s, size_t size)
{
    size_t n = 0;
    for (size_t i = 0; i < size; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* The byte offset of code point `index` (or the size). */
static size_t code_point_offset(const char *s, size_t size, size_t index)
{
    size_t count = 0;
    for (size_t i = 0; i < size; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && count++ == index)
            return i;
    return size;
}

static char *fail_null(py_error *err, py_error_kind kind, const char *message)
{
    err->kind = kind;
    err->message = message;
    return NULL;
}

static char *too_large(py_error *err) { return fail_null(err, PY_MEMORY_ERROR, ""); }

/* ---- decimal digits of a double --------------------------------------------------
 * The value is 0.DIGITS * 10**decpt, the digits without leading or trailing
 * zeros (zero is "0" with decpt 1), as CPython's dtoa returns them. */

typedef struct float_digits {
    char *digits;
    int64_t length;
    int64_t decpt;
} float_digits;

/* Significant digits beyond these are zeros for every double. */
#define EXACT_SIGNIFICANT_DIGITS 800
#define EXACT_FRACTION_DIGITS 1100

static void strip_trailing_zeros(float_digits *d)
{
    while (d->length > 1 && d->digits[d->length - 1] == '0')
        d->length--;
    d->digits[d->length] = '\0';
}

/* From printf's "D.DDDe+XX" for |x|. */
static float_digits digits_of_exponent_form(const char *text)
{
    float_digits d = {.digits = mt_alloc_atomic(strlen(text) + 1)};
    const char *p = text;
    for (; *p != 'e'; p++)
        if (*p != '.')
            d.digits[d.length++] = *p;
    d.decpt = strtol(p + 1, NULL, 10) + 1;
    strip_trailing_zeros(&d);
    return d;
}

/* From printf's "DDD.DDD" for |x|. */
static float_digits digits_of_fixed_form(const char *text)
{
    float_digits d = {.digits = mt_alloc_atomic(strlen(text) + 2)};
    const char *point = strchr(text, '.');
    d.decpt = point ? point - text : (int64_t)strlen(text);
    for (const char *p = text; *p; p++) {
        if (*p == '.')
            continue;
        if (*p == '0' && d.length == 0)
            d.decpt--;
        else
            d.digits[d.length++] = *p;
    }
    if (d.length == 0) {
        d.digits[d.length++] = '0';
        d.decpt = 1;
    }
    strip_trailing_zeros(&d);
    return d;
}

/* mode 2: `ndigits` significant digits, correctly rounded. */
static float_digits digits_significant(double x, int64_t ndigits)
{
    if (ndigits > EXACT_SIGNIFICANT_DIGITS)
        ndigits = EXACT_SIGNIFICANT_DIGITS;
    char text[EXACT_SIGNIFICANT_DIGITS + 16];
    snprintf(text, sizeof text, "%.*e", (int)ndigits - 1, fabs(x));
    return digits_of_exponent_form(text);
}

/* mode 3: `ndigits` digits after the point, correctly rounded. */
static float_digits digits_fixed(double x, int64_t ndigits)
{
    if (ndigits > EXACT_FRACTION_DIGITS)
        ndigits = EXACT_FRACTION_DIGITS;
    char text[DBL_MAX_10_EXP + EXACT_FRACTION_DIGITS + 16];
    snprintf(text, sizeof text, "%.*f", (int)ndigits, fabs(x));
    return digits_of_fixed_form(text);
}

/* A p-digit decimal M * 10**E that reads back as x > 0, if there is one:
 * the nearest p-digit decimal, or at a power of two (whose gap below is
 * half the gap above, so a farther decimal above may round back when the
 * nearest below does not) its neighbours. */
static bool round_trip_decimal(double x, int p, uint64_t *mantissa, int *exponent)
{
    char text[48];
    snprintf(text, sizeof text, "%.*e", p - 1, x);
    uint64_t m = 0;
    const char *q = text;
    for (; *q != 'e'; q++)
        if (*q != '.')
            m = m * 10 + (uint64_t)(*q - '0');
    int e = (int)strtol(q + 1, NULL, 10) - (p - 1);
    *exponent = e;
    *mantissa = m;
    if (strtod(text, NULL) == x)
        return true;
    int binary_exponent;
    if (frexp(x, &binary_exponent) != 0.5)
        return false;
    for (int delta = -1; delta <= 1; delta += 2) {
        snprintf(text, sizeof text, "%llue%d", (unsigned long long)(m + (uint64_t)delta), e);
        if (strtod(text, NULL) == x) {
            *mantissa = m + (uint64_t)delta;
            return true;
        }
    }
    return false;
}

static float_digits digits_of_integer(uint64_t mantissa, int exponent)
{
    float_digits d = {.digits = mt_alloc_atomic(24)};
    d.length = snprintf(d.digits, 24, "%llu", (unsigned long long)mantissa);
    d.decpt = d.length + exponent;
    strip_trailing_zeros(&d);
    return d;
}

/* mode 0: the shortest digits that read back as x (the nearest such when
 * there are several).  Whether p digits suffice is monotonic in p, and 17
 * always do, so the search is binary; its first probe is 15 digits, which
 * settles most doubles that are not short decimals at once.  An integer
 * below 2**53 is its own shortest form: any other integer is a whole unit
 * away, farther than half the gap between doubles. */
static float_digits digits_shortest(double x)
{
    x = fabs(x);
    if (x < 0x1p53 && x == (double)(uint64_t)x)
        return digits_of_integer((uint64_t)x, 0);
    uint64_t mantissa, best_mantissa = 0;
    int exponent, best_exponent = 0, low = 1, high = DBL_DECIMAL_DIG, probe = DBL_DIG;
    bool found = false;
    while (low < high) {
        if (round_trip_decimal(x, probe, &mantissa, &exponent)) {
            high = probe;
            best_mantissa = mantissa;
            best_exponent = exponent;
            found = true;
        } else {
            low = probe + 1;
        }
        probe = (low + high) / 2;
    }
    if (!found)
        round_trip_decimal(x, low, &best_mantissa, &best_exponent);
    return digits_of_integer(best_mantissa, best_exponent);
}

/* ---- CPython's float formats (PyOS_double_to_string) ----------------------------- */

enum { FLOAT_ALT = 1, FLOAT_ADD_DOT_0 = 2, FLOAT_NO_NEG_0 = 4 };

static char *special_float_text(double x, bool upper, size_t *size)
{
    const char *text = isnan(x) ? "nan" : x > 0 ? "inf" : "-inf";
    char *out = mt_strdup(text);
    for (char *p = out; upper && *p; p++)
        *p = (char)(*p == '-' ? '-' : *p - 'a' + 'A');
    *size = strlen(out);
    return out;
}

static float_digits digits_for_code(double x, char code, int64_t *precision)
{
    switch (code) {
    case 'e':
        ++*precision;
        return digits_significant(x, *precision);
    case 'f':
        return digits_fixed(x, *precision);
    case 'g':
        if (*precision == 0)
            *precision = 1;
        return digits_significant(x, *precision);
    default:
        return digits_shortest(x);
    }
}

/* Whether to use an exponent, and where the written digits end (trailing
 * zeros after the digits are written up to there). */
static bool choose_exponent(char code, const float_digits *d, int64_t precision, unsigned flags,
                            int64_t *digits_end)
{
    *digits_end = d->length;
    switch (code) {
    case 'e':
        *digits_end = precision;
        return true;
    case 'f':
        *digits_end = d->decpt + precision;
        return false;
    case 'g':
        if (flags & FLOAT_ALT)
            *digits_end = precision;
        return d->decpt <= -4 || d->decpt > ((flags & FLOAT_ADD_DOT_0) ? precision - 1 : precision);
    default: /* repr switches to an exponent at 1e16 and below 1e-4 */
        return d->decpt <= -4 || d->decpt > 16;
    }
}

/* x in format code e, f, g (E, F, G in uppercase) or r, CPython's way:
 * the digits padded with zeros on either side as the code asks, a '-' for
 * a negative value (not for a NaN, nor for a zero with FLOAT_NO_NEG_0).
 * NULL when the text would be too long. */
static char *float_text(double x, char code, int64_t precision, unsigned flags, size_t *size)
{
    bool upper = code >= 'A' && code <= 'Z';
    code = (char)(upper ? code - 'A' + 'a' : code);
    if (!isfinite(x))
        return special_float_text(x, upper, size);
    float_digits d = digits_for_code(x, code, &precision);
    bool is_zero = d.length == 1 && d.digits[0] == '0';
    bool negative = signbit(x) && !((flags & FLOAT_NO_NEG_0) && is_zero);
    int64_t digits_end;
    bool use_exponent = choose_exponent(code, &d, precision, flags, &digits_end);
    int64_t exponent = d.decpt - 1;
    int64_t point = use_exponent ? 1 : d.decpt;
    int64_t digits_start = point <= 0 ? point - 1 : 0;
    int64_t min_end = !use_exponent && (flags & FLOAT_ADD_DOT_0) ? point + 1 : point;
    if (digits_end < min_end)
        digits_end = min_end;
    if (digits_end - digits_start > PY_FORMAT_MAX_SIZE)
        return NULL;

    builder b = {0};
    reserve(&b, (size_t)(digits_end - digits_start) + 16);
    if (negative)
        put_char(&b, '-');
    for (int64_t i = digits_start; i < digits_end; i++) {
        if (i == point)
            put_char(&b, '.');
        put_char(&b, i >= 0 && i < d.length ? d.digits[i] : '0');
    }
    if (point == digits_end && (flags & FLOAT_ALT))
        put_char(&b, '.');
    if (use_exponent) {
        char text[32];
        int n = snprintf(text, sizeof text, "%c%+.02lld", upper ? 'E' : 'e', (long long)exponent);
        put(&b, text, (size_t)n);
    }
    return finish(&b, size);
}

char *py_float_repr(double x, size_t *size)
{
    size_t n;
    char *text = float_text(x, 'r', 0, FLOAT_ADD_DOT_0, &n);
    if (size)
        *size = n;
    return text;
}

/* ---- ints in bases 2, 8, 10, 16 ------------------------------------------------------- */

static const char *base_prefix(int base) { return base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? "0x" : ""; }

static char *digit_limit_error(py_error *err)
{
    char *message = mt_alloc_atomic(160);
    snprintf(message, 160,
             "Exceeds the limit (%lld digits) for integer string conversion; "
             "use sys.set_int_max_str_digits() to increase the limit",
             (long long)py_number_max_str_digits());
    return fail_null(err, PY_VALUE_ERROR, message);
}

/* The digits of |a| in `base`, lowercase. */
static char *magnitude_digits(py_int a, int base)
{
    if (a.big) {
        char *text = mpz_get_str(NULL, base, a.big);
        return text[0] == '-' ? text + 1 : text;
    }
    static const char digit_chars[] = "0123456789abcdef";
    uint64_t m = a.small < 0 ? -(uint64_t)a.small : (uint64_t)a.small;
    char buffer[65];
    char *p = buffer + sizeof buffer;
    *--p = '\0';
    do {
        *--p = digit_chars[m % (uint64_t)base];
        m /= (uint64_t)base;
    } while (m);
    return mt_strdup(p);
}

/* Whether str() of a has more digits than the limit allows. */
static bool exceeds_digit_limit(py_int a, const char *digits)
{
    int64_t limit = py_number_max_str_digits();
    return limit > 0 && a.big && strlen(digits) > (size_t)limit;
}

/* sizeinbase is exact or one too many: a cheap test before converting. */
static bool surely_exceeds_digit_limit(py_int a)
{
    int64_t limit = py_number_max_str_digits();
    return limit > 0 && a.big && mpz_sizeinbase(a.big, 10) - 1 > (size_t)limit;
}

char *py_int_to_base(py_int a, int base, bool prefix, size_t *size)
{
    const char *digits = magnitude_digits(a, base);
    builder b = {0};
    if (py_int_sign(a) < 0)
        put_char(&b, '-');
    if (prefix)
        put(&b, base_prefix(base), strlen(base_prefix(base)));
    put(&b, digits, strlen(digits));
    return finish(&b, size);
}

char *py_int_str(py_int a, size_t *size, py_error *err)
{
    if (surely_exceeds_digit_limit(a))
        return digit_limit_error(err);
    char *text = py_int_to_base(a, 10, false, size);
    if (exceeds_digit_limit(a, text + (text[0] == '-')))
        return digit_limit_error(err);
    return text;
}

/* ---- parsing a format spec --------------------------------------------------------------- */

/* The spec as code points. */
typedef struct spec_text {
    uint32_t *cp;
    size_t size, pos;
} spec_text;

static spec_text decode_spec(const char *s, size_t size)
{
    spec_text t = {.cp = mt_alloc_atomic((size + 1) * sizeof(uint32_t))};
    for (size_t i = 0; i < size;) {
        unsigned char c = (unsigned char)s[i];
        size_t n = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        uint32_t cp = n == 1 ? c : c & (0x3F >> (n - 1));
        for (size_t k = 1; k < n && i + k < size; k++)
            cp = (cp << 6) | ((unsigned char)s[i + k] & 0x3F);
        t.cp[t.size++] = cp;
        i += n;
    }
    return t;
}

static bool at(const spec_text *t, size_t offset, uint32_t c)
{
    return t->pos + offset < t->size && t->cp[t->pos + offset] == c;
}

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

static bool parse_error(py_error *err, const char *message)
{
    err->kind = PY_VALUE_ERROR;
    err->message = message;
    return false;
}

/* A decimal number; *digits is how many digits it had (0: none). */
static bool read_integer(spec_text *t, int64_t *value, size_t *digits, py_error *err)
{
    int64_t v = 0;
    size_t n = 0;
    for (; t->pos < t->size && t->cp[t->pos] >= '0' && t->cp[t->pos] <= '9'; t->pos++, n++) {
        int digit = (int)(t->cp[t->pos] - '0');
        if (v > (INT64_MAX - digit) / 10)
            return parse_error(err, "Too many decimal digits in format string");
        v = v * 10 + digit;
    }
    *value = n ? v : -1;
    *digits = n;
    return true;
}

static char *format_message(const char *format, ...) __attribute__((format(printf, 1, 2)));

static char *format_message(const char *format, ...)
{
    va_list args, again;
    va_start(args, format);
    va_copy(again, args);
    int n = vsnprintf(NULL, 0, format, args);
    char *message = mt_alloc_atomic((size_t)n + 1);
    vsnprintf(message, (size_t)n + 1, format, again);
    va_end(again);
    va_end(args);
    return message;
}

/* A type character in a message: itself if printable ASCII, else \xNN. */
static char *type_char_text(uint32_t c)
{
    if (c > 32 && c < 128)
        return format_message("%c", (char)c);
    return format_message("\\x%x", (unsigned)c);
}

static bool grouping_allowed(py_format_spec *spec, py_error *err)
{
    if (!spec->grouping)
        return true;
    switch (spec->type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        return true;
    case 'b': case 'o': case 'x': case 'X':
        if (spec->grouping == '_')
            return true;
        break;
    default:
        break;
    }
    return parse_error(err, format_message("Cannot specify '%c' with '%s'.", spec->grouping, type_char_text(spec->type)));
}

static bool read_grouping(spec_text *t, py_format_spec *spec, py_error *err)
{
    static const char both[] = "Cannot specify both ',' and '_'.";
    if (at(t, 0, ',')) {
        spec->grouping = ',';
        t->pos++;
    }
    if (at(t, 0, '_')) {
        if (spec->grouping)
            return parse_error(err, both);
        spec->grouping = '_';
        t->pos++;
    }
    if (at(t, 0, ',') && spec->grouping == '_')
        return parse_error(err, both);
    return true;
}

static void read_fill_align_sign(spec_text *t, py_format_spec *spec, bool *fill_given, bool *align_given)
{
    if (t->pos + 1 < t->size && is_align(t->cp[t->pos + 1])) {
        spec->fill = t->cp[t->pos];
        spec->align = (char)t->cp[t->pos + 1];
        *fill_given = *align_given = true;
        t->pos += 2;
    } else if (t->pos < t->size && is_align(t->cp[t->pos])) {
        spec->align = (char)t->cp[t->pos++];
        *align_given = true;
    }
    if (at(t, 0, '+') || at(t, 0, '-') || at(t, 0, ' '))
        spec->sign = (char)t->cp[t->pos++];
    if (at(t, 0, 'z')) {
        spec->no_neg_zero = true;
        t->pos++;
    }
    if (at(t, 0, '#')) {
        spec->alternate = true;
        t->pos++;
    }
}

bool py_format_parse(const char *spec_chars, size_t spec_size, uint32_t default_type, char default_align,
                     const char *type_name, py_format_spec *spec, py_error *err)
{
    *spec = (py_format_spec){.fill = ' ', .align = default_align, .width = -1, .precision = -1,
                             .type = default_type};
    spec_text t = decode_spec(spec_chars, spec_size);
    bool fill_given = false, align_given = false;
    read_fill_align_sign(&t, spec, &fill_given, &align_given);
    if (!fill_given && at(&t, 0, '0')) {
        /* "0" before the width: zero padding after the sign */
        spec->fill = '0';
        if (!align_given && default_align == '>')
            spec->align = '=';
        t.pos++;
    }
    size_t digits;
    if (!read_integer(&t, &spec->width, &digits, err) || !read_grouping(&t, spec, err))
        return false;
    if (at(&t, 0, '.')) {
        t.pos++;
        if (!read_integer(&t, &spec->precision, &digits, err))
            return false;
        if (digits == 0)
            return parse_error(err, "Format specifier missing precision");
    }
    if (t.size - t.pos > 1)
        return parse_error(err, format_message("Invalid format specifier '%.*s' for object of type '%.200s'",
                                               (int)spec_size, spec_chars, type_name));
    if (t.size - t.pos == 1)
        spec->type = t.cp[t.pos];
    return grouping_allowed(spec, err);
}

static char *unknown_type(uint32_t type, const char *type_name, py_error *err)
{
    return fail_null(err, PY_VALUE_ERROR,
                     format_message("Unknown format code '%s' for object of type '%.200s'", type_char_text(type),
                                    type_name));
}

/* ---- laying out a number ---------------------------------------------------------------------
 * As CPython: [lpad][sign][prefix][spad][grouped digits][.][remainder][rpad],
 * where the remainder is what follows the integer digits (fraction,
 * exponent, '%', or all of "inf"/"nan" or a 'c' character), only one of
 * the three paddings is used, and zero padding ("0" before the width) is
 * written as leading digits, so it is grouped too. */

typedef struct number_parts {
    char sign;              /* '-' or 0 */
    const char *prefix;     /* "0x", ... or "" */
    const char *digits;     /* the integer digits */
    size_t digit_count;
    bool has_point;
    const char *remainder;
    size_t remainder_size;  /* bytes; counted in code points */
} number_parts;

typedef struct grouping {
    size_t size; /* digits per group, 0 for none */
    char separator;
} grouping;

static grouping grouping_for(const py_format_spec *spec)
{
    bool by_four = spec->grouping == '_' && (spec->type == 'b' || spec->type == 'o' || spec->type == 'x' ||
                                             spec->type == 'X');
    if (!spec->grouping || spec->type == 'n')
        return (grouping){0, 0};
    return (grouping){by_four ? 4 : 3, spec->grouping};
}

/* The digits with separators, padded with leading zeros to at least
 * min_width characters; a group is never started by a separator alone,
 * so the result may exceed min_width by one. */
static char *group_digits(const char *digits, size_t count, int64_t min_width, grouping g, size_t *size)
{
    if (min_width < 0)
        min_width = 0;
    size_t capacity = (count > (size_t)min_width ? count : (size_t)min_width) * 2 + 4;
    char *out = mt_alloc_atomic(capacity);
    size_t pos = capacity; /* written right to left */
    int64_t remaining = (int64_t)count;
    bool first = true;
    for (;;) {
        int64_t want = remaining > min_width ? remaining : min_width;
        int64_t len = want > 1 ? want : 1;
        if (g.size && len > (int64_t)g.size)
            len = (int64_t)g.size;
        int64_t chars = remaining < len ? remaining : len;
        if (!first && g.size)
            out[--pos] = g.separator;
        for (int64_t i = 0; i < chars; i++)
            out[--pos] = digits[--remaining];
        for (int64_t i = chars; i < len; i++)
            out[--pos] = '0';
        first = false;
        min_width -= len;
        if (!g.size || (remaining <= 0 && min_width <= 0))
            break;
        min_width -= 1;
    }
    *size = capacity - pos;
    return out + pos;
}

static char *layout_number(const number_parts *n, const py_format_spec *spec, bool upper, size_t *size,
                           py_error *err)
{
    char sign = spec->sign == '+' ? (n->sign ? '-' : '+')
              : spec->sign == ' ' ? (n->sign ? '-' : ' ')
                                  : n->sign;
    int64_t prefix_width = (int64_t)strlen(n->prefix);
    int64_t fixed_width = (sign != 0) + prefix_width + n->has_point +
                          (int64_t)count_code_points(n->remainder, n->remainder_size);
    int64_t min_width = spec->fill == '0' && spec->align == '=' ? spec->width - fixed_width : 0;
    if (spec->width > PY_FORMAT_MAX_SIZE)
        return too_large(err);
    size_t grouped_size = 0;
    const char *grouped = "";
    if (n->digit_count)
        grouped = group_digits(n->digits, n->digit_count, min_width, grouping_for(spec), &grouped_size);
    int64_t padding = spec->width - (fixed_width + (int64_t)grouped_size);
    int64_t left = 0, middle = 0, right = 0;
    if (padding > 0) {
        switch (spec->align) {
        case '<': right = padding; break;
        case '^': left = padding / 2; right = padding - left; break;
        case '=': middle = padding; break;
        default: left = padding; break;
        }
    }
    builder b = {0};
    put_repeated(&b, spec->fill, left);
    if (sign)
        put_char(&b, sign);
    for (const char *p = n->prefix; *p; p++)
        put_char(&b, upper && *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p);
    put_repeated(&b, spec->fill, middle);
    for (size_t i = 0; i < grouped_size; i++)
        put_char(&b, upper && grouped[i] >= 'a' && grouped[i] <= 'z' ? (char)(grouped[i] - 'a' + 'A') : grouped[i]);
    if (n->has_point)
        put_char(&b, '.');
    put(&b, n->remainder, n->remainder_size);
    put_repeated(&b, spec->fill, right);
    return finish(&b, size);
}

/* Splits CPython's float text ("-12.5e+03", "inf", "150.0%") into parts. */
static number_parts float_parts(const char *text, size_t size)
{
    number_parts n = {.prefix = ""};
    size_t i = 0;
    if (text[0] == '-') {
        n.sign = '-';
        i = 1;
    }
    n.digits = text + i;
    while (i < size && text[i] >= '0' && text[i] <= '9')
        i++;
    n.digit_count = (size_t)(text + i - n.digits);
    n.has_point = i < size && text[i] == '.';
    i += n.has_point;
    n.remainder = text + i;
    n.remainder_size = size - i;
    return n;
}

/* ---- format(float, spec) --------------------------------------------------------------------- */

static char *format_float_spec(double x, const py_format_spec *spec, size_t *size, py_error *err)
{
    if (spec->precision > INT_MAX)
        return fail_null(err, PY_VALUE_ERROR, "precision too big");
    unsigned flags = (spec->alternate ? FLOAT_ALT : 0) | (spec->no_neg_zero ? FLOAT_NO_NEG_0 : 0);
    char code = (char)spec->type;
    int64_t precision = spec->precision, default_precision = 6;
    if (code == 0) { /* like repr, or 'g' keeping a digit after the point */
        flags |= FLOAT_ADD_DOT_0;
        code = 'r';
        default_precision = 0;
    }
    if (code == 'n')
        code = 'g';
    bool percent = code == '%';
    if (percent) {
        code = 'f';
        x *= 100;
    }
    if (precision < 0)
        precision = default_precision;
    else if (code == 'r')
        code = 'g';
    size_t text_size;
    char *text = float_text(x, code, precision, flags, &text_size);
    if (!text)
        return too_large(err);
    if (percent) {
        builder b = {0};
        put(&b, text, text_size);
        put_char(&b, '%');
        text = finish(&b, &text_size);
    }
    number_parts n = float_parts(text, text_size);
    return layout_number(&n, spec, false, size, err);
}

char *py_format_float(double x, const char *spec_chars, size_t spec_size, const char *type_name, size_t *size,
                      py_error *err)
{
    if (spec_size == 0)
        return py_float_repr(x, size);
    py_format_spec spec;
    if (!py_format_parse(spec_chars, spec_size, 0, '>', type_name, &spec, err))
        return NULL;
    switch (spec.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        return format_float_spec(x, &spec, size, err);
    default:
        return unknown_type(spec.type, type_name, err);
    }
}

/* ---- format(int, spec) ------------------------------------------------------------------------ */

static char *format_char(py_int a, const py_format_spec *spec, size_t *size, py_error *err)
{
    if (spec->sign)
        return fail_null(err, PY_VALUE_ERROR, "Sign not allowed with integer format specifier 'c'");
    if (spec->alternate)
        return fail_null(err, PY_VALUE_ERROR, "Alternate form (#) not allowed with integer format specifier 'c'");
    if (a.big)
        return fail_null(err, PY_OVERFLOW_ERROR, "Python int too large to convert to C long");
    if (a.small < 0 || a.small > 0x10FFFF)
        return fail_null(err, PY_OVERFLOW_ERROR, "%c arg not in range(0x110000)");
    char utf8[4];
    size_t n = encode_utf8((uint32_t)a.small, utf8);
    number_parts parts = {.prefix = "", .remainder = utf8, .remainder_size = n};
    return layout_number(&parts, spec, false, size, err);
}

static int base_of_type(uint32_t type) { return type == 'b' ? 2 : type == 'o' ? 8 : type == 'x' || type == 'X' ? 16 : 10; }

static char *format_integer(py_int a, const py_format_spec *spec, size_t *size, py_error *err)
{
    if (spec->precision != -1)
        return fail_null(err, PY_VALUE_ERROR, "Precision not allowed in integer format specifier");
    if (spec->no_neg_zero)
        return fail_null(err, PY_VALUE_ERROR, "Negative zero coercion (z) not allowed in integer format specifier");
    if (spec->type == 'c')
        return format_char(a, spec, size, err);
    int base = base_of_type(spec->type);
    if (base == 10 && surely_exceeds_digit_limit(a))
        return digit_limit_error(err);
    const char *digits = magnitude_digits(a, base);
    if (base == 10 && exceeds_digit_limit(a, digits))
        return digit_limit_error(err);
    number_parts parts = {
        .sign = py_int_sign(a) < 0 ? '-' : 0,
        .prefix = spec->alternate ? base_prefix(base) : "",
        .digits = digits,
        .digit_count = strlen(digits),
        .remainder = "",
    };
    return layout_number(&parts, spec, spec->type == 'X', size, err);
}

char *py_format_int(py_int a, const char *spec_chars, size_t spec_size, const char *type_name, size_t *size,
                    py_error *err)
{
    if (spec_size == 0)
        return py_int_str(a, size, err);
    py_format_spec spec;
    if (!py_format_parse(spec_chars, spec_size, 'd', '>', type_name, &spec, err))
        return NULL;
    double x;
    switch (spec.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        return format_integer(a, &spec, size, err);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
        if (!py_int_to_double(a, &x, err))
            return NULL;
        return format_float_spec(x, &spec, size, err);
    default:
        return unknown_type(spec.type, type_name, err);
    }
}

/* ---- format(str, spec) ------------------------------------------------------------------------- */

static const char *string_spec_error(const py_format_spec *spec)
{
    if (spec->sign == ' ')
        return "Space not allowed in string format specifier";
    if (spec->sign)
        return "Sign not allowed in string format specifier";
    if (spec->no_neg_zero)
        return "Negative zero coercion (z) not allowed in string format specifier";
    if (spec->alternate)
        return "Alternate form (#) not allowed in string format specifier";
    if (spec->align == '=')
        return "'=' alignment not allowed in string format specifier";
    return NULL;
}

char *py_format_str(const char *s, size_t s_size, const char *spec_chars, size_t spec_size, const char *type_name,
                    size_t *size, py_error *err)
{
    if (spec_size == 0)
        return copy_text(s, s_size, size);
    py_format_spec spec;
    if (!py_format_parse(spec_chars, spec_size, 's', '<', type_name, &spec, err))
        return NULL;
    if (spec.type != 's')
        return unknown_type(spec.type, type_name, err);
    const char *message = string_spec_error(&spec);
    if (message)
        return fail_null(err, PY_VALUE_ERROR, message);
    if (spec.width > PY_FORMAT_MAX_SIZE)
        return too_large(err);
    int64_t length = (int64_t)count_code_points(s, s_size);
    if (spec.precision >= 0 && length >= spec.precision) {
        s_size = code_point_offset(s, s_size, (size_t)spec.precision);
        length = spec.precision;
    }
    int64_t padding = spec.width > length ? spec.width - length : 0;
    int64_t left = spec.align == '>' ? padding : spec.align == '^' ? padding / 2 : 0;
    builder b = {0};
    put_repeated(&b, spec.fill, left);
    put(&b, s, s_size);
    put_repeated(&b, spec.fill, padding - left);
    return finish(&b, size);
}

/* ---- printf-style conversions ------------------------------------------------------------------
 * CPython writes the converted text, then for numbers moves a sign (given
 * or asked for by + or space) and a 0x/0o prefix in front of zero padding,
 * or in front of the text after space padding. */

static char *printf_output(const char *text, size_t text_size, const py_printf_spec *spec, bool numeric,
                           size_t *size, py_error *err)
{
    char c = spec->conversion;
    char fill = numeric && spec->zero_pad ? '0' : ' ';
    int64_t length = (int64_t)count_code_points(text, text_size);
    if ((c == 's' || c == 'r' || c == 'a') && spec->precision >= 0 && length > spec->precision) {
        text_size = code_point_offset(text, text_size, (size_t)spec->precision);
        length = spec->precision;
    }
    char sign = 0;
    if (numeric && text_size > 0 && (text[0] == '-' || text[0] == '+')) {
        sign = *text++;
        text_size--;
        length--;
    } else if (numeric) {
        sign = spec->plus_sign ? '+' : spec->blank_sign ? ' ' : 0;
    }
    bool prefixed = spec->alternate && (c == 'x' || c == 'X' || c == 'o');
    int64_t width = spec->width > length ? spec->width : length;
    if (width > PY_FORMAT_MAX_SIZE)
        return too_large(err);
    if (sign && width > length)
        width--;
    if (prefixed) {
        width = width >= 2 ? width - 2 : 0;
        length -= 2;
    }
    builder b = {0};
    if (fill == '0') {
        if (sign)
            put_char(&b, sign);
        if (prefixed)
            put(&b, text, 2);
    }
    if (width > length && !spec->left_adjust) {
        put_repeated(&b, (uint32_t)fill, width - length);
        width = length;
    }
    if (fill == ' ') {
        if (sign)
            put_char(&b, sign);
        if (prefixed)
            put(&b, text, 2);
    }
    if (prefixed) {
        text += 2;
        text_size -= 2;
    }
    put(&b, text, text_size);
    put_repeated(&b, ' ', width - length);
    return finish(&b, size);
}

/* CPython's integer text for %d %o %x: sign, prefix if '#', digits
 * zero-extended to the precision; uppercase for %X. */
static char *printf_integer_text(py_int a, const py_printf_spec *spec, size_t *size, py_error *err)
{
    char c = spec->conversion;
    int base = c == 'o' ? 8 : c == 'x' || c == 'X' ? 16 : 10;
    if (base == 10 && surely_exceeds_digit_limit(a))
        return digit_limit_error(err);
    const char *digits = magnitude_digits(a, base);
    if (base == 10 && exceeds_digit_limit(a, digits))
        return digit_limit_error(err);
    int64_t digit_count = (int64_t)strlen(digits);
    if (spec->precision > PY_FORMAT_MAX_SIZE)
        return too_large(err);
    builder b = {0};
    if (py_int_sign(a) < 0)
        put_char(&b, '-');
    if (spec->alternate && base != 10)
        put(&b, base_prefix(base), 2);
    put_repeated(&b, '0', spec->precision - digit_count);
    put(&b, digits, (size_t)digit_count);
    char *text = finish(&b, size);
    for (char *p = text; c == 'X' && *p; p++)
        if (*p >= 'a' && *p <= 'x')
            *p = (char)(*p - 'a' + 'A');
    return text;
}

char *py_printf_int(py_int a, const py_printf_spec *spec, size_t *size, py_error *err)
{
    if (spec->conversion == 'c') {
        if (a.big || a.small < 0 || a.small > 0x10FFFF)
            return fail_null(err, PY_OVERFLOW_ERROR, "%c arg not in range(0x110000)");
        char utf8[4];
        size_t n = encode_utf8((uint32_t)a.small, utf8);
        return printf_output(utf8, n, spec, false, size, err);
    }
    size_t text_size;
    char *text = printf_integer_text(a, spec, &text_size, err);
    return text ? printf_output(text, text_size, spec, true, size, err) : NULL;
}

char *py_printf_float(double x, const py_printf_spec *spec, size_t *size, py_error *err)
{
    if (spec->precision > INT_MAX)
        return fail_null(err, PY_VALUE_ERROR, "precision too big");
    size_t text_size;
    char *text = float_text(x, spec->conversion, spec->precision < 0 ? 6 : spec->precision,
                            spec->alternate ? FLOAT_ALT : 0, &text_size);
    if (!text)
        return too_large(err);
    return printf_output(text, text_size, spec, true, size, err);
}

char *py_printf_str(const char *s, size_t s_size, const py_printf_spec *spec, size_t *size, py_error *err)
{
    return printf_output(s, s_size, spec, false, size, err);
}
