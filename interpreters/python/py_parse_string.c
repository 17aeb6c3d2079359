/* py_parse_string.c — literals: numbers, and strings with their prefixes,
 * escape sequences, implicit concatenation and f-strings.
 *
 * F-strings are parsed as CPython 3.11 does: the tokenizer returns the whole
 * literal as one STRING token; here it is split into literal text and
 * replacement fields, and each field's expression is parsed by a
 * sub-parser (py_parse_fstring_expression). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "mt.h"
#include "py_parser.h"

/* ---- growable byte buffers -------------------------------------------------- */

typedef struct buffer {
    char *data;
    size_t len, cap;
} buffer;

static void buffer_add(buffer *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        char *grown = mt_alloc_atomic(b->cap);
        if (b->len)
            memcpy(grown, b->data, b->len);
        b->data = grown;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void buffer_byte(buffer *b, unsigned c)
{
    char ch = (char)c;
    buffer_add(b, &ch, 1);
}

/* UTF-8, with lone surrogates as their 3-byte sequences. */
static void buffer_code_point(buffer *b, unsigned cp)
{
    char s[4];
    size_t n;
    if (cp < 0x80) {
        s[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        s[0] = (char)(0xC0 | cp >> 6);
        s[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        s[0] = (char)(0xE0 | cp >> 12);
        s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        s[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        s[0] = (char)(0xF0 | cp >> 18);
        s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        s[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        s[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    buffer_add(b, s, n);
}

/* ---- numbers ------------------------------------------------------------------ */

/* The token's text without underscores (and without a radix prefix). */
static char *clean_digits(const char *s, const char *end)
{
    char *out = mt_alloc_atomic((size_t)(end - s) + 1);
    size_t n = 0;
    for (; s < end; s++)
        if (*s != '_')
            out[n++] = *s;
    out[n] = '\0';
    return out;
}

static void int_value(py_constant *c)
{
    int64_t value = 0;
    c->fits = true;
    for (const char *d = c->digits; *d && c->fits; d++) {
        int digit = *d <= '9' ? *d - '0' : (*d | 0x20) - 'a' + 10;
        if (value > (INT64_MAX - digit) / c->base)
            c->fits = false;
        else
            value = value * c->base + digit;
    }
    c->small = c->fits ? value : 0;
}

py_node *py_number(py_parser *p)
{
    const py_token *t = py_advance(p);
    py_node *n = py_node_new(PY_AST_Constant, t->lineno, t->col, t->end_lineno, t->end_col);
    py_constant *c = mt_alloc(sizeof *c);
    n->v.Constant.value = c;
    const char *s = t->start, *end = t->end;
    bool radix = end - s > 1 && s[0] == '0' && strchr("xXoObB", s[1]);
    if (radix) {
        c->kind = PY_CONST_INT;
        c->base = (s[1] | 0x20) == 'x' ? 16 : (s[1] | 0x20) == 'o' ? 8 : 2;
        c->digits = clean_digits(s + 2, end);
    } else if (end[-1] == 'j' || end[-1] == 'J') {
        c->kind = PY_CONST_COMPLEX;
        c->number = strtod(clean_digits(s, end - 1), NULL);
    } else if (memchr(s, '.', (size_t)(end - s)) || memchr(s, 'e', (size_t)(end - s)) ||
               memchr(s, 'E', (size_t)(end - s))) {
        c->kind = PY_CONST_FLOAT;
        c->number = strtod(clean_digits(s, end), NULL);
    } else {
        c->kind = PY_CONST_INT;
        c->base = 10;
        const char *digits = clean_digits(s, end);
        while (digits[0] == '0' && digits[1])
            digits++;
        c->digits = digits;
    }
    if (c->kind == PY_CONST_INT)
        int_value(c);
    return n;
}

/* ---- string tokens -------------------------------------------------------- */

typedef struct string_token {
    const py_token *token;
    bool bytes, raw, fstring, u;
    const char *body, *body_end;  /* between the quotes */
} string_token;

static string_token split_string(const py_token *t)
{
    string_token s = {.token = t};
    const char *q = t->start;
    for (; *q != '\'' && *q != '"'; q++) {
        char c = (char)(*q | 0x20);
        s.bytes |= c == 'b';
        s.raw |= c == 'r';
        s.fstring |= c == 'f';
        s.u |= c == 'u';
    }
    size_t quote = (t->end - q >= 6 && q[1] == q[0] && q[2] == q[0]) ? 3 : 1;
    s.body = q + quote;
    s.body_end = t->end - quote;
    return s;
}

/* CPython decodes after turning each non-ASCII character into a 10-byte
 * \U escape; error positions count in that text. */
static size_t escape_position(const char *body, const char *at)
{
    size_t pos = 0;
    for (const char *s = body; s < at;) {
        int len;
        py_token_decode_char(s, &len);
        pos += len == 1 ? 1 : 10;
        s += len;
    }
    return pos;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

__attribute__((noreturn)) static void unicode_escape_error(py_parser *p, const char *body,
                                                           const char *start, const char *end,
                                                           const char *what)
{
    size_t from = escape_position(body, start), to = escape_position(body, end);
    py_fail_here(p, PY_SYNTAX_ERROR,
                 py_error_format("(unicode error) 'unicodeescape' codec can't decode bytes in "
                                 "position %zu-%zu: %s", from, to - 1, what));
}

/* Read `count` hex digits at *s for a \x, \u or \U escape. */
static long hex_escape(py_parser *p, const char *body, const char *escape, const char **s,
                       const char *end, int count, bool bytes, const char *what)
{
    long value = 0;
    for (int i = 0; i < count; i++) {
        int h = *s < end ? hex_value(**s) : -1;
        if (h < 0) {
            if (bytes)
                py_fail_here(p, PY_SYNTAX_ERROR,
                             py_error_format("(value error) invalid \\x escape at position %zu",
                                             (size_t)(escape - body)));
            unicode_escape_error(p, body, escape, *s, what);
        }
        value = value * 16 + h;
        (*s)++;
    }
    return value;
}

/* Decode the escapes of a literal piece [s, end) into `out`. */
static void decode_escapes(py_parser *p, const char *body, const char *s, const char *end,
                           bool bytes, buffer *out)
{
    while (s < end) {
        if (*s != '\\' || s + 1 >= end) {
            int len = 1;
            if (!bytes)
                py_token_decode_char(s, &len);
            buffer_add(out, s, (size_t)len);
            s += len;
            continue;
        }
        const char *escape = s;
        char c = s[1];
        s += 2;
        switch (c) {
        case '\n': break;
        case '\\': buffer_byte(out, '\\'); break;
        case '\'': buffer_byte(out, '\''); break;
        case '"': buffer_byte(out, '"'); break;
        case 'a': buffer_byte(out, 7); break;
        case 'b': buffer_byte(out, 8); break;
        case 'f': buffer_byte(out, 12); break;
        case 'n': buffer_byte(out, '\n'); break;
        case 'r': buffer_byte(out, '\r'); break;
        case 't': buffer_byte(out, '\t'); break;
        case 'v': buffer_byte(out, 11); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned value = (unsigned)(c - '0');
            for (int i = 0; i < 2 && s < end && *s >= '0' && *s <= '7'; i++)
                value = value * 8 + (unsigned)(*s++ - '0');
            if (bytes)
                buffer_byte(out, value & 0xFF);
            else
                buffer_code_point(out, value);
            break;
        }
        case 'x': {
            long value = hex_escape(p, body, escape, &s, end, 2, bytes, "truncated \\xXX escape");
            if (bytes)
                buffer_byte(out, (unsigned)value);
            else
                buffer_code_point(out, (unsigned)value);
            break;
        }
        case 'u':
        case 'U':
        case 'N':
            if (bytes) {
                buffer_add(out, escape, 2);
                break;
            }
            if (c == 'N') {
                /* No character name table: every \N{...} is reported the way
                 * CPython reports an unknown name. */
                const char *close = s < end && *s == '{' ? memchr(s, '}', (size_t)(end - s)) : NULL;
                unicode_escape_error(p, body, escape, close ? close + 1 : s,
                                     close ? "unknown Unicode character name"
                                           : "malformed \\N character escape");
            }
            long value = hex_escape(p, body, escape, &s, end, c == 'u' ? 4 : 8, false,
                                    c == 'u' ? "truncated \\uXXXX escape"
                                             : "truncated \\UXXXXXXXX escape");
            if (value > 0x10FFFF)
                unicode_escape_error(p, body, escape, s, "illegal Unicode character");
            buffer_code_point(out, (unsigned)value);
            break;
        default:
            buffer_add(out, escape, 2);
            break;
        }
    }
}

/* Raw or escaped text of a literal piece. */
static void literal_text(py_parser *p, const string_token *st, const char *s, const char *end,
                         buffer *out)
{
    if (st->raw)
        buffer_add(out, s, (size_t)(end - s));
    else
        decode_escapes(p, st->body, s, end, st->bytes, out);
}

/* ---- f-strings -------------------------------------------------------------- */

typedef struct fstring_builder {
    py_seq *values;
    buffer text;           /* literal text not yet emitted */
    const py_token *first; /* for positions and kind='u' */
    const py_token *last;
    const char *kind;
} fstring_builder;

static py_node *str_constant(const fstring_builder *b, const buffer *text)
{
    py_node *n = py_node_new(PY_AST_Constant, b->first->lineno, b->first->col, b->last->end_lineno,
                             b->last->end_col);
    py_constant *c = mt_alloc(sizeof *c);
    c->kind = PY_CONST_STR;
    c->bytes = text->data ? text->data : "";
    c->length = text->len;
    n->v.Constant.value = c;
    n->v.Constant.kind = b->kind;
    return n;
}

static void flush_text(fstring_builder *b)
{
    if (b->text.len == 0)
        return;
    b->values = py_seq_append(b->values, str_constant(b, &b->text));
    b->text = (buffer){0};
}

static const char *fstring_body(py_parser *p, fstring_builder *b, const string_token *st,
                                const char *s, const char *end, int level);

/* Where an f-string expression ends: at a top-level ! : } = (not part of
 * != == <= >=), with CPython's checks on brackets, quotes, '#' and '\'. */
static const char *expression_end(py_parser *p, const char *s, const char *end)
{
    char brackets[200];
    int depth = 0;
    char quote = 0;
    int quote_size = 0;
    for (; s < end; s++) {
        char c = *s;
        if (c == '\\')
            py_fail_here(p, PY_SYNTAX_ERROR, "f-string expression part cannot include a backslash");
        if (quote) {
            if (c == quote && (quote_size == 1 || (end - s >= 3 && s[1] == quote && s[2] == quote))) {
                s += quote_size - 1;
                quote = 0;
            }
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            quote_size = end - s >= 3 && s[1] == c && s[2] == c ? 3 : 1;
            s += quote_size - 1;
            continue;
        }
        if (c == '[' || c == '(' || c == '{') {
            if (depth >= 200)
                py_fail_here(p, PY_SYNTAX_ERROR, "f-string: too many nested parenthesis");
            brackets[depth++] = c;
            continue;
        }
        if (c == '#')
            py_fail_here(p, PY_SYNTAX_ERROR, "f-string expression part cannot include '#'");
        if (depth == 0 && strchr("!:}=<>", c)) {
            if (s + 1 < end && s[1] == '=' && strchr("!=<>", c)) {
                s++;
                continue;
            }
            if (c == '<' || c == '>')
                continue;
            return s;
        }
        if (c == ']' || c == ')' || c == '}') {
            if (depth == 0)
                py_fail_here(p, PY_SYNTAX_ERROR, py_error_format("f-string: unmatched '%c'", c));
            char open = brackets[--depth];
            if (!((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}')))
                py_fail_here(p, PY_SYNTAX_ERROR,
                             py_error_format("f-string: closing parenthesis '%c' does not match "
                                             "opening parenthesis '%c'", c, open));
        }
    }
    if (quote)
        py_fail_here(p, PY_SYNTAX_ERROR, "f-string: unterminated string");
    if (depth)
        py_fail_here(p, PY_SYNTAX_ERROR, py_error_format("f-string: unmatched '%c'", brackets[depth - 1]));
    py_fail_here(p, PY_SYNTAX_ERROR, "f-string: expecting '}'");
}

/* Line and column of `at` inside the token (for the sub-parser's positions). */
static void position_in_token(const py_token *t, const char *at, int *lineno, int *col)
{
    *lineno = t->lineno;
    *col = t->col;
    for (const char *s = t->start; s < at; s++) {
        if (*s == '\n') {
            (*lineno)++;
            *col = 0;
        } else {
            (*col)++;
        }
    }
}

static bool all_whitespace(const char *s, const char *end)
{
    for (; s < end; s++)
        if (!strchr(" \t\n\f\r\v", *s))
            return false;
    return true;
}

/* One replacement field; `s` is just past its '{'.  Returns past its '}'. */
static const char *replacement_field(py_parser *p, fstring_builder *b, const string_token *st,
                                     const char *s, const char *end, int level)
{
    if (level >= 2)
        py_fail_here(p, PY_SYNTAX_ERROR, "f-string: expressions nested too deeply");
    const char *expr_start = s;
    const char *expr_end = expression_end(p, s, end);
    if (all_whitespace(expr_start, expr_end))
        py_fail_here(p, PY_SYNTAX_ERROR,
                     *expr_end == '}' ? "f-string: empty expression not allowed"
                                      : py_error_format("f-string: expression required before '%c'",
                                                        *expr_end));
    int lineno, col;
    position_in_token(st->token, expr_start, &lineno, &col);
    py_node *value = py_parse_fstring_expression(p, expr_start, (size_t)(expr_end - expr_start),
                                                 lineno, col);
    s = expr_end;
    bool self_documenting = false;
    if (*s == '=') {
        self_documenting = true;
        s++;
        while (s < end && strchr(" \t\n\f\r\v", *s))
            s++;
        buffer_add(&b->text, expr_start, (size_t)(s - expr_start));
        if (s >= end)
            py_fail_here(p, PY_SYNTAX_ERROR, "f-string: expecting '}'");
    }
    int conversion = -1;
    if (*s == '!') {
        s++;
        if (s >= end)
            py_fail_here(p, PY_SYNTAX_ERROR, "f-string: expecting '}'");
        conversion = (unsigned char)*s++;
        if (conversion != 's' && conversion != 'r' && conversion != 'a')
            py_fail_here(p, PY_SYNTAX_ERROR,
                         "f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
    py_node *format_spec = NULL;
    if (s < end && *s == ':') {
        s++;
        fstring_builder spec = {.first = st->token, .last = st->token};
        s = fstring_body(p, &spec, st, s, end, level + 1);
        flush_text(&spec);
        /* CPython places a spec and its text at the spec's own token */
        const py_token *t = st->token;
        format_spec = py_node_new(PY_AST_JoinedStr, t->lineno, t->col, t->end_lineno, t->end_col);
        format_spec->v.JoinedStr.values = spec.values;
    }
    if (s >= end || *s != '}')
        py_fail_here(p, PY_SYNTAX_ERROR, "f-string: expecting '}'");
    if (self_documenting && !format_spec && conversion == -1)
        conversion = 'r';
    flush_text(b);
    py_node *field = py_node_new(PY_AST_FormattedValue, b->first->lineno, b->first->col,
                                 b->last->end_lineno, b->last->end_col);
    field->v.FormattedValue.value = value;
    field->v.FormattedValue.conversion = conversion;
    field->v.FormattedValue.format_spec = format_spec;
    b->values = py_seq_append(b->values, field);
    return s + 1;
}

/* Literal text and fields until `end`, or (in a format spec, level > 0)
 * until the '}' that closes the field; returns where it stopped. */
static const char *fstring_body(py_parser *p, fstring_builder *b, const string_token *st,
                                const char *s, const char *end, int level)
{
    while (s < end) {
        const char *literal = s;
        while (s < end && *s != '{' && *s != '}') {
            if (!st->raw && *s == '\\' && s + 1 < end) {
                if (s[1] == 'N' && s + 2 < end && s[2] == '{') {
                    const char *close = memchr(s + 3, '}', (size_t)(end - s - 3));
                    s = close ? close + 1 : end;
                    continue;
                }
                if (s[1] == '{' || s[1] == '}') {
                    s++;
                    break;
                }
                s += 2;
                continue;
            }
            s++;
        }
        literal_text(p, st, literal, s, &b->text);
        if (s >= end)
            break;
        if (level == 0 && s + 1 < end && s[1] == *s) {
            buffer_byte(&b->text, (unsigned char)*s);
            s += 2;
            continue;
        }
        if (*s == '}') {
            if (level == 0)
                py_fail_here(p, PY_SYNTAX_ERROR, "f-string: single '}' is not allowed");
            return s;
        }
        s = replacement_field(p, b, st, s + 1, end, level);
    }
    return s;
}

/* ---- concatenation -------------------------------------------------------- */

static py_node *bytes_constant(py_parser *p, const string_token *parts, size_t count)
{
    buffer text = {0};
    for (size_t i = 0; i < count; i++) {
        for (const char *s = parts[i].body; s < parts[i].body_end; s++)
            if ((unsigned char)*s >= 0x80)
                py_fail_token(p, parts[i].token, "bytes can only contain ASCII literal characters");
        literal_text(p, &parts[i], parts[i].body, parts[i].body_end, &text);
    }
    const py_token *first = parts[0].token, *last = parts[count - 1].token;
    py_node *n = py_node_new(PY_AST_Constant, first->lineno, first->col, last->end_lineno,
                             last->end_col);
    py_constant *c = mt_alloc(sizeof *c);
    c->kind = PY_CONST_BYTES;
    c->bytes = text.data ? text.data : "";
    c->length = text.len;
    n->v.Constant.value = c;
    return n;
}

py_node *py_strings(py_parser *p)
{
    size_t count = 0;
    while (py_peek(p, count)->type == PY_TOK_STRING)
        count++;
    string_token *parts = mt_alloc(count * sizeof *parts);
    bool any_bytes = false, any_text = false, any_fstring = false;
    for (size_t i = 0; i < count; i++) {
        parts[i] = split_string(py_advance(p));
        any_bytes |= parts[i].bytes;
        any_text |= !parts[i].bytes;
        any_fstring |= parts[i].fstring;
    }
    py_cur(p);
    if (any_bytes && any_text)
        py_fail_here(p, PY_SYNTAX_ERROR, "cannot mix bytes and nonbytes literals");
    if (any_bytes)
        return bytes_constant(p, parts, count);
    fstring_builder b = {.first = parts[0].token, .last = parts[count - 1].token};
    if (parts[0].u && parts[0].token->start[0] == 'u')
        b.kind = "u";
    for (size_t i = 0; i < count; i++) {
        if (parts[i].fstring)
            fstring_body(p, &b, &parts[i], parts[i].body, parts[i].body_end, 0);
        else
            literal_text(p, &parts[i], parts[i].body, parts[i].body_end, &b.text);
    }
    if (!any_fstring)
        return str_constant(&b, &b.text);
    flush_text(&b);
    py_node *n = py_node_new(PY_AST_JoinedStr, b.first->lineno, b.first->col, b.last->end_lineno,
                             b.last->end_col);
    n->v.JoinedStr.values = b.values;
    return n;
}
