/* py_str_format.c — formatting to text: format(value, spec) for f-string
 * fields and everything else (py_format_value), str.format and
 * str.format_map (fields with indices, keys, attributes, !r/!s/!a and
 * nested specs, parsed as CPython's MarkupIterator does, with its
 * messages), and printf-style `str % args`.  The number and padding text
 * itself comes from py_format.
 */
#include "config.h"

#include <string.h>

#include "py_format.h"
#include "py_types.h"
#include "py_unicode.h"

/* ---- format(value, spec) ------------------------------------------------------------- */

/* The str of a py_format result (text NULL: the error); the size is read
 * through a pointer since it is written by the call that makes text. */
static py_val formatted(char *text, const size_t *size, const py_num_error *err)
{
    return text ? (py_val)py_str_new(text, *size) : py_raise_number_error(err);
}

py_val py_format_value(py_val v, py_str *spec)
{
    const py_type *t = py_type_of(v);
    size_t size;
    py_num_error err;
    if (spec->size == 0)
        return py_to_str(v);
    if (py_is_int(v))
        return formatted(py_format_int(py_int_value(v), spec->data, (size_t)spec->size, t->name, &size, &err), &size,
                         &err);
    if (t == &py_float_type)
        return formatted(py_format_float(((py_float *)v)->value, spec->data, (size_t)spec->size, t->name, &size, &err),
                         &size, &err);
    if (t == &py_str_type) {
        py_str *s = (py_str *)v;
        return formatted(py_format_str(s->data, (size_t)s->size, spec->data, (size_t)spec->size, t->name, &size, &err),
                         &size, &err);
    }
    return py_err_format(&py_exc_TypeError, "unsupported format string passed to %s.__format__", t->name);
}

/* ---- str.format: the parts of the template ----------------------------------------------- */

typedef struct span {
    const char *start, *end;
} span;

static size_t span_size(span s) { return (size_t)(s.end - s.start); }

/* One replacement field: {name!conversion:spec}. */
typedef struct field {
    span name, spec;
    char conversion;       /* 0, or what followed the '!' */
    bool spec_has_fields;  /* the spec holds {} fields to expand first */
} field;

typedef struct template_reader {
    const char *at, *end;
} template_reader;

/* The literal text up to the next field (or escaped brace) into
 * *literal; 1 when a field follows (read into *f), 0 when none does, -1
 * on error. */
static int next_part(template_reader *r, span *literal, field *f)
{
    literal->start = r->at;
    char c = 0;
    while (r->at < r->end) {
        c = *r->at++;
        if (c == '{' || c == '}')
            break;
        c = 0;
    }
    bool at_end = r->at >= r->end;
    literal->end = r->at;
    if (c == '}' && (at_end || *r->at != '}')) {
        py_err_format(&py_exc_ValueError, "Single '}' encountered in format string");
        return -1;
    }
    if (c == '{' && at_end) {
        py_err_format(&py_exc_ValueError, "Single '{' encountered in format string");
        return -1;
    }
    if (!c)
        return 0;
    if (*r->at == c) { /* {{ or }}: one brace of literal text */
        r->at++;
        return 0;
    }
    literal->end--;
    /* the field name ends at ':', '!' or '}'; brackets hide those */
    f->name.start = r->at;
    f->conversion = 0;
    f->spec = (span){r->at, r->at};
    f->spec_has_fields = false;
    c = 0;
    while (r->at < r->end) {
        c = *r->at++;
        if (c == '{') {
            py_err_format(&py_exc_ValueError, "unexpected '{' in field name");
            return -1;
        }
        if (c == '[') {
            while (r->at < r->end && *r->at != ']')
                r->at++;
            c = 0;
            continue;
        }
        if (c == '}' || c == ':' || c == '!')
            break;
        c = 0;
    }
    f->name.end = c ? r->at - 1 : r->at;
    if (c == '}')
        return 1;
    if (c != '!' && c != ':') {
        py_err_format(&py_exc_ValueError, "expected '}' before end of string");
        return -1;
    }
    if (c == '!') {
        if (r->at >= r->end) {
            py_err_format(&py_exc_ValueError, "end of string while looking for conversion specifier");
            return -1;
        }
        f->conversion = *r->at++;
        if (r->at < r->end) {
            c = *r->at++;
            if (c == '}')
                return 1;
            if (c != ':') {
                py_err_format(&py_exc_ValueError, "expected ':' after conversion specifier");
                return -1;
            }
        }
    }
    f->spec.start = r->at;
    for (int depth = 1; r->at < r->end;) {
        c = *r->at++;
        if (c == '{') {
            f->spec_has_fields = true;
            depth++;
        } else if (c == '}' && --depth == 0) {
            f->spec.end = r->at - 1;
            return 1;
        }
    }
    py_err_format(&py_exc_ValueError, "unmatched '{' in format spec");
    return -1;
}

/* ---- str.format: finding a field's object -------------------------------------------------- */

typedef struct format_args {
    py_val *positional;
    size_t count;
    py_tuple *kwnames; /* keywords, values after the positional ones */
    py_val mapping;    /* format_map's mapping, or NULL */
    int numbering;     /* 0: not decided, 1: automatic, 2: manual */
    size_t next_index;
} format_args;

/* A non-negative decimal number; -1 if the text is not one, -2 with an
 * error when it is too large. */
static int64_t decimal_of(span s)
{
    if (s.start == s.end)
        return -1;
    int64_t n = 0;
    for (const char *p = s.start; p < s.end; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        if (n > (INT64_MAX - (*p - '0')) / 10) {
            py_err_format(&py_exc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        n = n * 10 + (*p - '0');
    }
    return n;
}

static py_val keyword_argument(format_args *a, span name)
{
    py_val key = (py_val)py_str_new(name.start, span_size(name));
    if (a->mapping)
        return py_getitem(a->mapping, key);
    for (size_t i = 0; a->kwnames && i < (size_t)a->kwnames->length; i++)
        if (py_str_equal_text((py_str *)a->kwnames->items[i], (py_str *)key))
            return a->positional[a->count + i];
    py_err_set(py_exception_new(&py_exc_KeyError, &key, 1));
    return NULL;
}

static py_val positional_argument(format_args *a, int64_t index)
{
    if (a->mapping)
        return py_err_format(&py_exc_ValueError, "Format string contains positional fields");
    if ((uint64_t)index >= a->count)
        return py_err_format(&py_exc_IndexError, "Replacement index %ld out of range for positional args tuple",
                             (long)index);
    return a->positional[index];
}

/* The object the first part of a field name ("0", "", "name") names. */
static py_val first_object(format_args *a, span first)
{
    if (first.start == first.end) {
        if (a->numbering == 2)
            return py_err_format(&py_exc_ValueError,
                                 "cannot switch from manual field specification to automatic field numbering");
        a->numbering = 1;
        return positional_argument(a, (int64_t)a->next_index++);
    }
    int64_t index = decimal_of(first);
    if (index == -2)
        return NULL;
    if (index < 0)
        return keyword_argument(a, first);
    if (a->numbering == 1)
        return py_err_format(&py_exc_ValueError,
                             "cannot switch from automatic field numbering to manual field specification");
    a->numbering = 2;
    return positional_argument(a, index);
}

/* Follow .attribute and [key] parts from obj. */
static py_val follow_accessors(py_val obj, const char *at, const char *end)
{
    while (obj && at < end) {
        char c = *at++;
        const char *start = at;
        if (c == '.') {
            while (at < end && *at != '.' && *at != '[')
                at++;
            if (at == start)
                return py_err_format(&py_exc_ValueError, "Empty attribute in format string");
            obj = py_getattr(obj, py_str_new(start, (size_t)(at - start)));
            continue;
        }
        while (at < end && *at != ']')
            at++;
        if (at >= end)
            return py_err_format(&py_exc_ValueError, "Missing ']' in format string");
        if (at == start)
            return py_err_format(&py_exc_ValueError, "Empty attribute in format string");
        int64_t index = decimal_of((span){start, at});
        if (index == -2)
            return NULL;
        py_val key = index >= 0 ? py_int_from_i64(index) : (py_val)py_str_new(start, (size_t)(at - start));
        obj = py_getitem(obj, key);
        at++;
        if (at < end && *at != '.' && *at != '[')
            return py_err_format(&py_exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    }
    return obj;
}

static py_val field_object(format_args *a, span name)
{
    const char *first_end = name.start;
    while (first_end < name.end && *first_end != '.' && *first_end != '[')
        first_end++;
    return follow_accessors(first_object(a, (span){name.start, first_end}), first_end, name.end);
}

static py_val convert(py_val v, char conversion)
{
    switch (conversion) {
    case 0: return v;
    case 'r': return py_repr(v);
    case 's': return py_to_str(v);
    case 'a': return py_ascii(v);
    }
    if ((unsigned char)conversion >= 0x80)
        return py_err_format(&py_exc_ValueError, "Unknown conversion specifier \\x%02x", (unsigned char)conversion);
    return py_err_format(&py_exc_ValueError, "Unknown conversion specifier %c", conversion);
}

/* ---- str.format: building the result ----------------------------------------------------------- */

static py_str *build(const char *start, const char *end, format_args *a, int depth);

static bool render_field(py_str_builder *sb, const field *f, format_args *a, int depth)
{
    py_val obj = field_object(a, f->name);
    if (obj)
        obj = convert(obj, f->conversion);
    if (!obj)
        return false;
    py_str *spec = f->spec_has_fields ? build(f->spec.start, f->spec.end, a, depth - 1)
                                      : py_str_new(f->spec.start, span_size(f->spec));
    py_val text = spec ? py_format_value(obj, spec) : NULL;
    if (!text)
        return false;
    py_sb_str(sb, (py_str *)text);
    return true;
}

static py_str *build(const char *start, const char *end, format_args *a, int depth)
{
    if (depth <= 0)
        return py_err_format(&py_exc_ValueError, "Max string recursion exceeded");
    template_reader r = {start, end};
    py_str_builder sb;
    py_sb_init(&sb, (size_t)(end - start) + 16);
    while (r.at < r.end) {
        span literal;
        field f;
        int part = next_part(&r, &literal, &f);
        if (part < 0)
            return NULL;
        py_sb_bytes(&sb, literal.start, span_size(literal));
        if (part == 1 && !render_field(&sb, &f, a, depth))
            return NULL;
    }
    return py_sb_finish(&sb);
}

py_val py_str_format_method(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    py_str *s = (py_str *)self;
    format_args a = {args, nargs, kwnames, NULL, 0, 0};
    return (py_val)build(s->data, s->data + s->size, &a, 2);
}

py_val py_str_format_map_method(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    if (!py_args_one("str.format_map", nargs, kwnames))
        return NULL;
    py_str *s = (py_str *)self;
    format_args a = {NULL, 0, NULL, args[0], 0, 0};
    return (py_val)build(s->data, s->data + s->size, &a, 2);
}

/* ---- printf-style: format % args --------------------------------------------------------------- */

typedef struct percent_state {
    const py_str *format;
    size_t at;          /* byte offset in the format */
    py_val args;        /* the tuple, the single value, or a mapping's value */
    py_val *items;      /* the items when args is a tuple */
    int64_t count;      /* -1 for a single value */
    int64_t next;       /* the next argument; -2 .. -1 for a single value */
    py_val mapping;     /* set when args may be indexed by %(key) */
} percent_state;

static py_val next_argument(percent_state *st)
{
    if (st->next < st->count) {
        int64_t i = st->next++;
        return st->count < 0 ? st->args : st->items[i];
    }
    return py_err_format(&py_exc_TypeError, "not enough arguments for format string");
}

static bool at_end(const percent_state *st) { return st->at >= (size_t)st->format->size; }
static char peek(const percent_state *st) { return st->format->data[st->at]; }

/* %(key): the mapping's value becomes the single argument. */
static bool read_key(percent_state *st)
{
    if (!st->mapping) {
        py_err_format(&py_exc_TypeError, "format requires a mapping");
        return false;
    }
    size_t start = ++st->at;
    for (int depth = 1; depth > 0; st->at++) {
        if (at_end(st)) {
            py_err_format(&py_exc_ValueError, "incomplete format key");
            return false;
        }
        depth += peek(st) == '(' ? 1 : peek(st) == ')' ? -1 : 0;
    }
    py_val key = (py_val)py_str_new(st->format->data + start, st->at - 1 - start);
    py_val value = py_getitem(st->mapping, key);
    if (!value)
        return false;
    st->args = value;
    st->count = -1;
    st->next = -2;
    return true;
}

/* A width or precision: digits, or '*' taking an int argument. */
static bool read_number(percent_state *st, int64_t *out, const char *too_big)
{
    if (!at_end(st) && peek(st) == '*') {
        st->at++;
        py_val v = next_argument(st);
        if (!v)
            return false;
        if (!py_is_int(v)) {
            py_err_format(&py_exc_TypeError, "* wants int");
            return false;
        }
        if (!py_int_as_i64(v, out) || *out > INT32_MAX || *out < -INT32_MAX) {
            py_err_format(&py_exc_ValueError, "%s", too_big);
            return false;
        }
        return true;
    }
    for (*out = -1; !at_end(st) && peek(st) >= '0' && peek(st) <= '9'; st->at++) {
        int64_t digit = peek(st) - '0', n = *out < 0 ? 0 : *out;
        if (n > (INT32_MAX - digit) / 10) {
            py_err_format(&py_exc_ValueError, "%s", too_big);
            return false;
        }
        *out = n * 10 + digit;
    }
    return true;
}

/* Flags, width, precision and conversion of one %-conversion. */
static bool read_spec(percent_state *st, py_printf_spec *spec)
{
    *spec = (py_printf_spec){.width = -1, .precision = -1};
    if (!at_end(st) && peek(st) == '(' && !read_key(st))
        return false;
    for (; !at_end(st); st->at++) {
        char c = peek(st);
        if (c == '-')
            spec->left_adjust = true;
        else if (c == '+')
            spec->plus_sign = true;
        else if (c == ' ')
            spec->blank_sign = true;
        else if (c == '#')
            spec->alternate = true;
        else if (c == '0')
            spec->zero_pad = true;
        else
            break;
    }
    if (!read_number(st, &spec->width, "width too big"))
        return false;
    if (spec->width < -1) {
        spec->left_adjust = true;
        spec->width = -spec->width;
    }
    if (!at_end(st) && peek(st) == '.') {
        st->at++;
        if (!read_number(st, &spec->precision, "precision too big"))
            return false;
        if (spec->precision < 0)
            spec->precision = 0;
    }
    while (!at_end(st) && (peek(st) == 'h' || peek(st) == 'l' || peek(st) == 'L'))
        st->at++;
    if (at_end(st)) {
        py_err_format(&py_exc_ValueError, "incomplete format");
        return false;
    }
    spec->conversion = st->format->data[st->at++];
    return true;
}

static py_val convert_text(py_val v, const py_printf_spec *spec)
{
    py_val text = spec->conversion == 's' ? py_to_str(v) : spec->conversion == 'r' ? py_repr(v) : py_ascii(v);
    if (!text)
        return NULL;
    size_t size;
    py_num_error err;
    py_str *s = (py_str *)text;
    return formatted(py_printf_str(s->data, (size_t)s->size, spec, &size, &err), &size, &err);
}

static py_val convert_int(py_val v, const py_printf_spec *spec)
{
    char c = spec->conversion;
    bool decimal = c == 'd' || c == 'i' || c == 'u';
    if (py_type_of(v) == &py_float_type && decimal)
        v = py_float_to_int_value(v);
    else if (!py_is_int(v))
        return decimal ? py_err_format(&py_exc_TypeError, "%%%c format: a real number is required, not %s", c,
                                       py_type_name(v))
                       : py_err_format(&py_exc_TypeError, "%%%c format: an integer is required, not %s", c,
                                       py_type_name(v));
    if (!v)
        return NULL;
    size_t size;
    py_num_error err;
    return formatted(py_printf_int(py_int_value(v), spec, &size, &err), &size, &err);
}

static py_val convert_float(py_val v, const py_printf_spec *spec)
{
    double x;
    py_num_error err;
    if (py_type_of(v) == &py_float_type)
        x = ((py_float *)v)->value;
    else if (!py_is_int(v))
        return py_err_format(&py_exc_TypeError, "must be real number, not %s", py_type_name(v));
    else if (!py_int_to_double(py_int_value(v), &x, &err))
        return py_raise_number_error(&err);
    size_t size;
    return formatted(py_printf_float(x, spec, &size, &err), &size, &err);
}

static py_val convert_char(py_val v, const py_printf_spec *spec)
{
    size_t size;
    py_num_error err;
    if (py_isinstance(v, &py_str_type) && ((py_str *)v)->length == 1) {
        py_printf_spec text_spec = *spec;
        text_spec.precision = -1;
        py_str *s = (py_str *)v;
        return formatted(py_printf_str(s->data, (size_t)s->size, &text_spec, &size, &err), &size, &err);
    }
    if (!py_is_int(v))
        return py_err_format(&py_exc_TypeError, "%%c requires int or char");
    return formatted(py_printf_int(py_int_value(v), spec, &size, &err), &size, &err);
}

/* The conversion at byte `offset` of the format: CPython names its code
 * point, shows it when it is printable ASCII (else '?'), and gives its
 * index in code points. */
static py_val unsupported_conversion(percent_state *st, size_t offset)
{
    const py_str *f = st->format;
    size_t end = offset;
    uint32_t cp = py_utf8_decode(f->data, (size_t)f->size, &end);
    size_t index = f->ascii ? offset : py_utf8_length(f->data, offset);
    return py_err_format(&py_exc_ValueError, "unsupported format character '%c' (0x%x) at index %zu",
                         cp >= 32 && cp <= 126 ? (char)cp : '?', cp, index);
}

static py_val convert_one(percent_state *st, const py_printf_spec *spec, size_t offset)
{
    py_val v = next_argument(st);
    if (!v)
        return NULL;
    switch (spec->conversion) {
    case 's': case 'r': case 'a':
        return convert_text(v, spec);
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        return convert_int(v, spec);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        return convert_float(v, spec);
    case 'c':
        return convert_char(v, spec);
    }
    return unsupported_conversion(st, offset);
}

py_val py_str_percent(py_val format, py_val args)
{
    const py_type *t = py_type_of(args);
    percent_state st = {.format = (const py_str *)format, .args = args, .count = -1, .next = -2};
    if (t == &py_tuple_type) {
        st.items = ((py_tuple *)args)->items;
        st.count = ((py_tuple *)args)->length;
        st.next = 0;
    } else if (t->getitem && !py_isinstance(args, &py_str_type)) {
        st.mapping = args;
    }
    const py_str *f = st.format;
    py_str_builder sb;
    py_sb_init(&sb, (size_t)f->size + 16);
    while (!at_end(&st)) {
        const char *percent = memchr(f->data + st.at, '%', (size_t)f->size - st.at);
        size_t literal_end = percent ? (size_t)(percent - f->data) : (size_t)f->size;
        py_sb_bytes(&sb, f->data + st.at, literal_end - st.at);
        st.at = literal_end;
        if (!percent)
            break;
        st.at++;
        if (!at_end(&st) && peek(&st) == '%') {
            py_sb_bytes(&sb, "%", 1);
            st.at++;
            continue;
        }
        py_printf_spec spec;
        if (!read_spec(&st, &spec))
            return NULL;
        py_val text = convert_one(&st, &spec, st.at - 1);
        if (!text)
            return NULL;
        py_sb_str(&sb, (py_str *)text);
    }
    if (st.next < st.count && !st.mapping)
        return py_err_format(&py_exc_TypeError, "not all arguments converted during string formatting");
    return (py_val)py_sb_finish(&sb);
}
