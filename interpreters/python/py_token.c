/* py_token.c — the Python 3.11 tokenizer.
 *
 * It follows the structure of CPython's tokenizer (one character at a time,
 * indentation measured with tab size 8 and cross-checked with tab size 1,
 * a bracket stack for implicit line joining) so that token boundaries, error
 * messages and error columns are the ones CPython reports. */
#include <string.h>

#include "mt.h"
#include "py_token.h"

enum { EOF_CHAR = -1, TAB_SIZE = 8, MAX_INDENT = 100, MAX_LEVEL = 200 };

typedef struct tokenizer {
    const char *src;
    size_t size;
    size_t pos;
    size_t line_start;
    int lineno;
    size_t bad_line_start;  /* start of the first line CPython cannot read */
    const char *bad_line_message;
    const char *filename;
    int indents[MAX_INDENT + 1];
    int alt_indents[MAX_INDENT + 1];
    int indent;
    int pending;           /* INDENTs (> 0) or DEDENTs (< 0) still to emit */
    bool at_line_start;
    bool continued_line;   /* the current line follows a backslash */
    char brackets[MAX_LEVEL];
    int bracket_lines[MAX_LEVEL];
    int bracket_cols[MAX_LEVEL];
    int level;
    size_t start;          /* where the current token starts */
    size_t capacity;       /* of out->tokens */
    py_token_list *out;
} tokenizer;

static const char *const operator_texts[] = {
#define PY_OP_TEXT(name, text) [PY_OP_##name] = text,
    PY_OPERATORS(PY_OP_TEXT)
#undef PY_OP_TEXT
};

static const char *const keyword_texts[] = {
    [PY_KW_NONE] = "",
#define PY_KW_TEXT(name, text) [PY_KW_##name] = text,
    PY_KEYWORDS(PY_KW_TEXT)
#undef PY_KW_TEXT
};

static const unsigned char operator_lengths[] = {
#define PY_OP_LENGTH(name, text) [PY_OP_##name] = sizeof(text) - 1,
    PY_OPERATORS(PY_OP_LENGTH)
#undef PY_OP_LENGTH
};

static const unsigned char keyword_lengths[] = {
#define PY_KW_LENGTH(name, text) [PY_KW_##name] = sizeof(text) - 1,
    PY_KEYWORDS(PY_KW_LENGTH)
#undef PY_KW_LENGTH
};

const char *py_operator_text(py_operator_code code) { return operator_texts[code]; }
const char *py_keyword_text(py_keyword_code code) { return keyword_texts[code]; }

unsigned py_token_decode_char(const char *s, int *len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *len = 1;
        return u[0];
    }
    if (u[0] < 0xE0) {
        *len = 2;
        return (u[0] & 0x1Fu) << 6 | (u[1] & 0x3Fu);
    }
    if (u[0] < 0xF0) {
        *len = 3;
        return (u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu);
    }
    *len = 4;
    return (u[0] & 0x07u) << 18 | (u[1] & 0x3Fu) << 12 | (u[2] & 0x3Fu) << 6 | (u[3] & 0x3Fu);
}

/* Non-ASCII code points that are not identifier characters: punctuation,
 * symbols, spaces and controls.  This is an approximation of Unicode's
 * XID_Start/XID_Continue until the character database can be linked; every
 * other non-ASCII code point is accepted as a letter. */
static bool is_non_identifier(unsigned cp)
{
    static const unsigned ranges[][2] = {
        {0x80, 0xA9},     {0xAB, 0xB4},     {0xB6, 0xB6},     {0xB8, 0xB9},
        {0xBB, 0xBF},     {0xD7, 0xD7},     {0xF7, 0xF7},     {0x2000, 0x203E},
        {0x2041, 0x2053}, {0x2055, 0x206F}, {0x20A0, 0x20CF}, {0x2190, 0x2BFF},
        {0x2E00, 0x2E7F}, {0x3000, 0x3004}, {0x3008, 0x3020}, {0x3030, 0x3030},
        {0xD800, 0xF8FF}, {0xFE10, 0xFE1F}, {0xFE30, 0xFE4F}, {0xFE50, 0xFE6F},
        {0xFEFF, 0xFEFF}, {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFF3B, 0xFF3E},
        {0xFF40, 0xFF40}, {0xFF5B, 0xFF65}, {0xFFF0, 0xFFFF}, {0x1F000, 0x1FAFF},
        {0xE0000, 0x10FFFF},
    };
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        if (cp >= ranges[i][0] && cp <= ranges[i][1])
            return true;
    return false;
}

/* Combining marks and other-script digits continue but do not start names. */
static bool is_continue_only(unsigned cp)
{
    return (cp >= 0x300 && cp <= 0x36F) || cp == 0xB7 || cp == 0x203F || cp == 0x2040 ||
           cp == 0x2054 || cp == 0xFF3F || (cp >= 0x660 && cp <= 0x669) ||
           (cp >= 0x966 && cp <= 0x96F) || (cp >= 0xFF10 && cp <= 0xFF19);
}

bool py_is_identifier_start(unsigned cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
    return !is_non_identifier(cp) && !is_continue_only(cp);
}

bool py_is_identifier_continue(unsigned cp)
{
    if (cp < 0x80)
        return py_is_identifier_start(cp) || (cp >= '0' && cp <= '9');
    return !is_non_identifier(cp) || cp == 0xB7;
}

bool py_is_printable(unsigned cp)
{
    if (cp < 0x80)
        return cp >= 0x20 && cp < 0x7F;
    return !(cp <= 0xA0 || cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) ||
             (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) ||
             cp == 0x3000 || cp == 0xFEFF || (cp >= 0xD800 && cp <= 0xF8FF) ||
             (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE ||
             (cp >= 0xFFF0 && cp <= 0xFFFB) || cp >= 0xE0000);
}

/* ---- reading characters -------------------------------------------------- */

static int next_char(tokenizer *t)
{
    if (t->pos >= t->size)
        return EOF_CHAR;
    if (t->pos > t->line_start && t->src[t->pos - 1] == '\n') {
        t->lineno++;
        t->line_start = t->pos;
    }
    if (t->pos >= t->bad_line_start)
        return EOF_CHAR;
    return (unsigned char)t->src[t->pos++];
}

static void backup(tokenizer *t, int c)
{
    if (c != EOF_CHAR)
        t->pos--;
}

static int peek_char(tokenizer *t)
{
    int c = next_char(t);
    backup(t, c);
    return c;
}

static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_hex_digit(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static bool is_name_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
static bool is_name_char(int c) { return is_name_start(c) || is_digit(c); }

/* ---- emitting tokens and errors ------------------------------------------ */

static void push_token(tokenizer *t, py_token_type type, int code, size_t start, int lineno,
                       size_t line_start_of_start)
{
    py_token_list *out = t->out;
    if (out->count == t->capacity) {
        /* atomic: tokens point only into the source, which the parser keeps */
        t->capacity = t->capacity ? t->capacity * 2 : 256;
        py_token *grown = mt_alloc_atomic(t->capacity * sizeof(py_token));
        if (out->count)
            memcpy(grown, out->tokens, out->count * sizeof(py_token));
        out->tokens = grown;
    }
    py_token *tok = &out->tokens[out->count++];
    tok->type = type;
    tok->code = code;
    tok->start = t->src + start;
    tok->end = t->src + t->pos;
    tok->lineno = lineno;
    tok->col = (int)(start - line_start_of_start);
    tok->end_lineno = t->lineno;
    tok->end_col = (int)(t->pos - t->line_start);
    tok->level = t->level;
}

static void emit(tokenizer *t, py_token_type type, int code)
{
    push_token(t, type, code, t->start, t->lineno, t->line_start);
}

/* Indentation tokens and the end marker have no columns, as in CPython
 * (col_offset -1). */
static void emit_indentation(tokenizer *t, py_token_type type)
{
    emit(t, type, 0);
    py_token *tok = &t->out->tokens[t->out->count - 1];
    tok->col = tok->end_col = -1;
}

/* Stop with an error at 1-based byte columns of the current line; CPython
 * reports the tokenizer's own errors in characters, the ones its parser
 * reports for the tokenizer (indentation, backslash) in bytes. */
static void fail_columns(tokenizer *t, py_error_kind kind, const char *message, int col,
                         int end_col, bool char_columns)
{
    py_token_list *out = t->out;
    py_syntax_error_at(&out->error, kind, message, t->filename, t->src, t->size, t->lineno, col,
                       t->lineno, end_col, char_columns);
    out->error_overrides = char_columns;
    out->failed = true;
    t->start = t->pos;
    emit(t, PY_TOK_ERROR, 0);
}

static void fail_at(tokenizer *t, py_error_kind kind, const char *message, int col, int end_col)
{
    fail_columns(t, kind, message, col, end_col, true);
}

/* CPython's syntaxerror(): the caret is on the character before the cursor. */
static void fail(tokenizer *t, const char *message)
{
    int col = (int)(t->pos - t->line_start);
    fail_at(t, PY_SYNTAX_ERROR, message, col, col);
}

/* E_LINECONT, reported by CPython's parser: in bytes. */
static void fail_continuation(tokenizer *t)
{
    int col = (int)(t->pos - t->line_start);
    fail_columns(t, PY_SYNTAX_ERROR, "unexpected character after line continuation character", col,
                 0, false);
}

/* An error whose text is the whole line and whose caret CPython puts at
 * column 1 (TabError, too deep): the printer hides it behind indentation. */
static void fail_line(tokenizer *t, py_error_kind kind, const char *message)
{
    fail_columns(t, kind, message, 1, 0, false);
}

/* EOF inside brackets or after a backslash: reported unless the parser finds
 * an error on an earlier line first. */
static void fail_at_eof(tokenizer *t)
{
    py_token_list *out = t->out;
    out->error_at_eof = true;
    if (t->level > 0) {
        int top = t->level - 1;
        out->open_bracket_line = t->bracket_lines[top];
        const char *message = py_error_format("'%c' was never closed", t->brackets[top]);
        py_syntax_error_at(&out->error, PY_SYNTAX_ERROR, message, t->filename, t->src, t->size,
                           t->bracket_lines[top], t->bracket_cols[top] + 1,
                           t->bracket_lines[top], 0, false);
    } else {
        int col = (int)(t->pos - t->line_start);
        py_syntax_error_at(&out->error, PY_SYNTAX_ERROR, "unexpected EOF while parsing",
                           t->filename, t->src, t->size, t->lineno, col, t->lineno, 0, false);
    }
    out->failed = true;
    t->start = t->pos;
    emit(t, PY_TOK_ERROR, 0);
}

/* ---- indentation ----------------------------------------------------------- */

/* Measure the indentation of a new line and queue INDENT/DEDENT tokens.
 * Returns false after reporting an error. */
static bool read_indentation(tokenizer *t, bool *blank_line)
{
    int col = 0, alt_col = 0, continuation_col = 0;
    int c;
    for (;;) {
        c = next_char(t);
        if (c == ' ') {
            col++;
            alt_col++;
        } else if (c == '\t') {
            col = (col / TAB_SIZE + 1) * TAB_SIZE;
            alt_col = alt_col + 1;
        } else if (c == '\f') {
            col = alt_col = 0;
        } else if (c == '\\') {
            continuation_col = continuation_col ? continuation_col : col;
            c = next_char(t);
            if (c != '\n') {
                fail_continuation(t);
                return false;
            }
            if (peek_char(t) == EOF_CHAR) {
                fail_at_eof(t);
                return false;
            }
        } else {
            break;
        }
    }
    backup(t, c);
    *blank_line = c == '#' || c == '\n' || (c == EOF_CHAR && t->pos >= t->size);
    if (*blank_line || t->level > 0)
        return true;
    if (continuation_col)
        col = alt_col = continuation_col;
    if (col == t->indents[t->indent]) {
        if (alt_col != t->alt_indents[t->indent]) {
            fail_line(t, PY_TAB_ERROR, "inconsistent use of tabs and spaces in indentation");
            return false;
        }
    } else if (col > t->indents[t->indent]) {
        if (t->indent + 1 >= MAX_INDENT) {
            fail_line(t, PY_INDENTATION_ERROR, "too many levels of indentation");
            return false;
        }
        if (alt_col <= t->alt_indents[t->indent]) {
            fail_line(t, PY_TAB_ERROR, "inconsistent use of tabs and spaces in indentation");
            return false;
        }
        t->pending++;
        t->indent++;
        t->indents[t->indent] = col;
        t->alt_indents[t->indent] = alt_col;
    } else {
        while (t->indent > 0 && col < t->indents[t->indent]) {
            t->pending--;
            t->indent--;
        }
        if (col != t->indents[t->indent]) {
            const char *nl = memchr(t->src + t->line_start, '\n', t->size - t->line_start);
            int line_len = nl ? (int)(nl - (t->src + t->line_start)) + 1
                              : (int)(t->size - t->line_start);
            fail_columns(t, PY_INDENTATION_ERROR,
                         "unindent does not match any outer indentation level", line_len, 0, false);
            return false;
        }
        if (alt_col != t->alt_indents[t->indent]) {
            fail_line(t, PY_TAB_ERROR, "inconsistent use of tabs and spaces in indentation");
            return false;
        }
    }
    return true;
}

/* ---- names, numbers, strings ---------------------------------------------- */

static py_keyword_code keyword_of(const char *s, size_t len)
{
    for (int k = 1; k < PY_KW_COUNT; k++)
        if (keyword_lengths[k] == len && keyword_texts[k][0] == s[0] &&
            !memcmp(keyword_texts[k], s, len))
            return (py_keyword_code)k;
    return PY_KW_NONE;
}

/* CPython's verify_identifier: report the first character of a non-ASCII
 * name that cannot be part of an identifier. */
static bool verify_identifier(tokenizer *t)
{
    size_t p = t->start;
    bool first = true;
    while (p < t->pos) {
        int len;
        unsigned cp = py_token_decode_char(t->src + p, &len);
        bool ok = first ? py_is_identifier_start(cp) : py_is_identifier_continue(cp);
        if (!ok) {
            t->pos = p + (size_t)len;
            fail(t, py_is_printable(cp)
                        ? py_error_format("invalid character '%.*s' (U+%04X)", len, t->src + p, cp)
                        : py_error_format("invalid non-printable character U+%04X", cp));
            return false;
        }
        first = false;
        p += (size_t)len;
    }
    return true;
}

static bool lookahead(tokenizer *t, const char *rest)
{
    size_t n = strlen(rest);
    return t->pos + n <= t->size && !memcmp(t->src + t->pos, rest, n);
}

/* CPython's verify_end_of_number: a number may be followed directly by a
 * keyword that can follow it in valid code (a deprecation, not an error),
 * but not by any other name character. */
static bool verify_end_of_number(tokenizer *t, int c, const char *kind)
{
    bool keyword_follows = false;
    if (c == 'a')
        keyword_follows = lookahead(t, "nd");
    else if (c == 'e')
        keyword_follows = lookahead(t, "lse");
    else if (c == 'f')
        keyword_follows = lookahead(t, "or");
    else if (c == 'i')
        keyword_follows = lookahead(t, "f") || lookahead(t, "n") || lookahead(t, "s");
    else if (c == 'o')
        keyword_follows = lookahead(t, "r");
    else if (c == 'n')
        keyword_follows = lookahead(t, "ot");
    if (keyword_follows && !t->out->has_number_warning) {
        py_token_list *out = t->out;
        int col = (int)(t->pos - 1 - t->line_start);
        out->has_number_warning = true;
        out->number_warning_token = out->count;
        py_syntax_error_at(&out->number_warning, PY_SYNTAX_ERROR,
                           py_error_format("invalid %s literal", kind), t->filename, t->src,
                           t->size, t->lineno, col, t->lineno, col, true);
    }
    if (keyword_follows || !is_name_char(c))
        return true;
    backup(t, c);
    fail(t, py_error_format("invalid %s literal", kind));
    return false;
}

/* Digits with single underscores between them; returns the character after,
 * or 0 after an error. */
static int decimal_tail(tokenizer *t)
{
    int c;
    for (;;) {
        do
            c = next_char(t);
        while (is_digit(c));
        if (c != '_')
            return c;
        c = next_char(t);
        if (!is_digit(c)) {
            backup(t, c);
            fail(t, "invalid decimal literal");
            return 0;
        }
    }
}

/* 0x / 0o / 0b literals after the prefix; `c` is the first character after it. */
static bool radix_digits(tokenizer *t, int radix, const char *kind)
{
    int c = next_char(t);
    do {
        if (c == '_')
            c = next_char(t);
        bool ok = radix == 16 ? is_hex_digit(c) : (c >= '0' && c < '0' + radix);
        if (!ok) {
            if (radix != 16 && is_digit(c)) {
                fail(t, py_error_format("invalid digit '%c' in %s literal", c, kind));
                return false;
            }
            backup(t, c);
            fail(t, py_error_format("invalid %s literal", kind));
            return false;
        }
        do
            c = next_char(t);
        while (radix == 16 ? is_hex_digit(c) : (c >= '0' && c < '0' + radix));
    } while (c == '_');
    if (radix != 16 && is_digit(c)) {
        fail(t, py_error_format("invalid digit '%c' in %s literal", c, kind));
        return false;
    }
    if (!verify_end_of_number(t, c, kind))
        return false;
    backup(t, c);
    return true;
}

typedef enum { AT_FRACTION, AT_EXPONENT, AT_IMAGINARY, AT_END } number_part;

/* The fraction, exponent and imaginary suffix of a decimal number, starting
 * at `part` with `c` the current character. */
static bool number_rest(tokenizer *t, int c, number_part part)
{
    if (part == AT_FRACTION) {
        if (is_digit(c)) {
            c = decimal_tail(t);
            if (!c)
                return false;
        }
        part = AT_END;
    }
    if (part == AT_EXPONENT || (part == AT_END && (c == 'e' || c == 'E'))) {
        int e = c;
        c = next_char(t);
        if (c == '+' || c == '-') {
            c = next_char(t);
            if (!is_digit(c)) {
                backup(t, c);
                fail(t, "invalid decimal literal");
                return false;
            }
        } else if (!is_digit(c)) {
            backup(t, c);
            if (!verify_end_of_number(t, e, "decimal"))
                return false;
            backup(t, e);
            return true;
        }
        c = decimal_tail(t);
        if (!c)
            return false;
        part = AT_END;
    }
    if (part == AT_IMAGINARY || c == 'j' || c == 'J') {
        c = next_char(t);
        if (!verify_end_of_number(t, c, "imaginary"))
            return false;
    } else if (!verify_end_of_number(t, c, "decimal")) {
        return false;
    }
    backup(t, c);
    return true;
}

static number_part part_after(int c)
{
    if (c == '.')
        return AT_FRACTION;
    if (c == 'e' || c == 'E')
        return AT_EXPONENT;
    if (c == 'j' || c == 'J')
        return AT_IMAGINARY;
    return AT_END;
}

/* A number starting with 0: radix prefixes, zeros, or a float. */
static bool zero_number(tokenizer *t)
{
    int c = next_char(t);
    if (c == 'x' || c == 'X')
        return radix_digits(t, 16, "hexadecimal");
    if (c == 'o' || c == 'O')
        return radix_digits(t, 8, "octal");
    if (c == 'b' || c == 'B')
        return radix_digits(t, 2, "binary");
    bool nonzero = false;
    for (;;) {
        if (c == '_') {
            c = next_char(t);
            if (!is_digit(c)) {
                backup(t, c);
                fail(t, "invalid decimal literal");
                return false;
            }
        }
        if (c != '0')
            break;
        c = next_char(t);
    }
    size_t zeros_end = t->pos;
    if (is_digit(c)) {
        nonzero = true;
        c = decimal_tail(t);
        if (!c)
            return false;
    }
    number_part part = part_after(c);
    if (part == AT_FRACTION)
        return number_rest(t, next_char(t), AT_FRACTION);
    if (part != AT_END)
        return number_rest(t, c, part);
    if (nonzero) {
        backup(t, c);
        fail_at(t, PY_SYNTAX_ERROR,
                "leading zeros in decimal integer literals are not permitted; "
                "use an 0o prefix for octal integers",
                (int)(t->start + 1 - t->line_start), (int)(zeros_end - t->line_start));
        return false;
    }
    if (!verify_end_of_number(t, c, "decimal"))
        return false;
    backup(t, c);
    return true;
}

static void number(tokenizer *t, int first)
{
    bool ok;
    if (first == '0') {
        ok = zero_number(t);
    } else if (first == '.') {
        ok = number_rest(t, next_char(t), AT_FRACTION);
    } else {
        int c = decimal_tail(t);
        if (!c)
            return;
        number_part part = part_after(c);
        ok = part == AT_FRACTION ? number_rest(t, next_char(t), AT_FRACTION)
                                 : number_rest(t, c, part);
    }
    if (ok)
        emit(t, PY_TOK_NUMBER, 0);
}

/* The rest of a string literal after its prefix; `quote` was just read. */
static void string(tokenizer *t, int quote, int first_lineno, size_t first_line_start)
{
    int quote_size = 1, end_quote_size = 0;
    int c = next_char(t);
    if (c == quote) {
        c = next_char(t);
        if (c == quote)
            quote_size = 3;
        else
            end_quote_size = 1;
    }
    if (c != quote)
        backup(t, c);
    while (end_quote_size != quote_size) {
        c = next_char(t);
        if (c == EOF_CHAR && t->pos >= t->bad_line_start)
            return;
        if (c == EOF_CHAR || (quote_size == 1 && c == '\n')) {
            int detected = t->lineno;
            t->lineno = first_lineno;
            t->line_start = first_line_start;
            t->pos = t->start + 1;
            fail(t, quote_size == 3
                        ? py_error_format("unterminated triple-quoted string literal "
                                          "(detected at line %d)", detected)
                        : py_error_format("unterminated string literal (detected at line %d)",
                                          detected));
            return;
        }
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\')
                next_char(t);
        }
    }
    push_token(t, PY_TOK_STRING, 0, t->start, first_lineno, first_line_start);
}

/* A name, or the prefix of a string literal (b, r, u, f in CPython's legal
 * combinations, any case). */
static void name_or_string(tokenizer *t, int c)
{
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
    int lineno = t->lineno;
    size_t line_start = t->line_start;
    for (;;) {
        if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
            saw_b = true;
        else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
            saw_u = true;
        else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
            saw_r = true;
        else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
            saw_f = true;
        else
            break;
        c = next_char(t);
        if (c == '"' || c == '\'') {
            string(t, c, lineno, line_start);
            return;
        }
    }
    bool non_ascii = false;
    while (is_name_char(c)) {
        non_ascii |= c >= 128;
        c = next_char(t);
    }
    backup(t, c);
    if (non_ascii && !verify_identifier(t))
        return;
    emit(t, PY_TOK_NAME, keyword_of(t->src + t->start, t->pos - t->start));
}

/* ---- operators and brackets ----------------------------------------------- */

static int operator_of(const char *s, size_t len)
{
    for (int op = 0; op < PY_OP_OTHER; op++)
        if (operator_lengths[op] == len && operator_texts[op][0] == s[0] &&
            !memcmp(operator_texts[op], s, len))
            return op;
    return -1;
}

static void open_bracket(tokenizer *t, int c)
{
    if (t->level >= MAX_LEVEL) {
        fail(t, "too many nested parentheses");
        return;
    }
    t->brackets[t->level] = (char)c;
    t->bracket_lines[t->level] = t->lineno;
    t->bracket_cols[t->level] = (int)(t->start - t->line_start);
    t->level++;
}

static bool close_bracket(tokenizer *t, int c)
{
    if (t->level == 0) {
        fail(t, py_error_format("unmatched '%c'", c));
        return false;
    }
    t->level--;
    int opening = t->brackets[t->level];
    if ((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
        (opening == '{' && c == '}'))
        return true;
    if (t->bracket_lines[t->level] != t->lineno)
        fail(t, py_error_format("closing parenthesis '%c' does not match opening "
                                "parenthesis '%c' on line %d",
                                c, opening, t->bracket_lines[t->level]));
    else
        fail(t, py_error_format("closing parenthesis '%c' does not match opening "
                                "parenthesis '%c'", c, opening));
    return false;
}

static void operator(tokenizer *t, int c)
{
    if (c < 0x20 || c == 0x7F) {
        fail(t, py_error_format("invalid non-printable character U+%04X", c));
        return;
    }
    int op = -1;
    for (size_t len = 3; len >= 2 && op < 0; len--)
        if (t->start + len <= t->size)
            op = operator_of(t->src + t->start, len);
    if (op >= 0) {
        t->pos = t->start + operator_lengths[op];
    } else {
        op = operator_of(t->src + t->start, 1);
        if (op < 0)
            op = PY_OP_OTHER;
    }
    if (op == PY_OP_LPAR || op == PY_OP_LSQB || op == PY_OP_LBRACE)
        open_bracket(t, c);
    else if ((op == PY_OP_RPAR || op == PY_OP_RSQB || op == PY_OP_RBRACE) && !close_bracket(t, c))
        return;
    if (!t->out->failed)
        emit(t, PY_TOK_OP, op);
}

/* ---- the token loop ----------------------------------------------------- */

/* CPython's NEWLINE token starts at a comment before it, if any, and ends
 * at the newline character itself (which it leaves out). */
static void newline_token(tokenizer *t, size_t comment)
{
    size_t newline = t->pos - 1;
    t->start = comment < newline ? comment : newline;
    t->pos = newline;
    emit(t, PY_TOK_NEWLINE, 0);
    t->pos = newline + 1;
    t->at_line_start = true;
}

static void end_of_file(tokenizer *t)
{
    if (t->level > 0) {
        fail_at_eof(t);
        return;
    }
    if (t->out->count > 0 && t->out->tokens[t->out->count - 1].type != PY_TOK_NEWLINE &&
        t->out->tokens[t->out->count - 1].type != PY_TOK_DEDENT) {
        emit(t, PY_TOK_NEWLINE, 0);
        py_token *tok = &t->out->tokens[t->out->count - 1];
        tok->end_col = tok->col + 1;
    }
    while (t->indent > 0) {
        t->indent--;
        emit_indentation(t, PY_TOK_DEDENT);
    }
    emit_indentation(t, PY_TOK_ENDMARKER);
}

static void bad_line(tokenizer *t)
{
    py_token_list *out = t->out;
    const char *line = t->src + t->bad_line_start;
    const char *nul = memchr(line, '\0', t->size - t->bad_line_start);
    const char *nl = memchr(line, '\n', t->size - t->bad_line_start);
    if (nul && (!nl || nul < nl)) {
        py_syntax_error_at(&out->error, PY_SYNTAX_ERROR, "source code cannot contain null bytes",
                           t->filename, t->src, t->size, t->lineno, 0, 0, 0, false);
    } else {
        memset(&out->error, 0, sizeof out->error);
        out->error.message = t->bad_line_message;
        out->error.filename = t->filename;
    }
    out->failed = true;
    out->error_overrides = true;
    t->start = t->pos;
    emit(t, PY_TOK_ERROR, 0);
}

static void next_token(tokenizer *t)
{
    bool blank_line = false;
    if (t->at_line_start) {
        t->at_line_start = false;
        if (!read_indentation(t, &blank_line))
            return;
    }
    t->start = t->pos;
    if (t->pending != 0) {
        emit_indentation(t, t->pending < 0 ? PY_TOK_DEDENT : PY_TOK_INDENT);
        t->pending += t->pending < 0 ? 1 : -1;
        return;
    }
    size_t comment = (size_t)-1;
    for (;;) {
        int c;
        do
            c = next_char(t);
        while (c == ' ' || c == '\t' || c == '\f');
        t->start = t->pos - (c != EOF_CHAR);
        if (c == '#') {
            comment = t->start;
            while (c != EOF_CHAR && c != '\n')
                c = next_char(t);
            backup(t, c);
            continue;
        }
        if (c == EOF_CHAR) {
            if (t->pos >= t->bad_line_start)
                bad_line(t);
            else
                end_of_file(t);
            return;
        }
        if (c == '\n') {
            if (blank_line || t->level > 0) {
                /* not a logical line end: measure the next line afresh */
                t->at_line_start = true;
                return;
            }
            newline_token(t, comment);
            return;
        }
        if (c == '\\') {
            c = next_char(t);
            if (c != '\n') {
                fail_continuation(t);
                return;
            }
            if (peek_char(t) == EOF_CHAR) {
                if (t->pos >= t->bad_line_start) {
                    next_char(t);
                    bad_line(t);
                } else {
                    fail_at_eof(t);
                }
                return;
            }
            continue;
        }
        if (is_digit(c) || (c == '.' && is_digit(peek_char(t)))) {
            number(t, c);
        } else if (c == '"' || c == '\'') {
            string(t, c, t->lineno, t->line_start);
        } else if (is_name_start(c)) {
            /* non-ASCII too: CPython reads it as a name, then verifies it */
            name_or_string(t, c);
        } else {
            operator(t, c);
        }
        return;
    }
}

/* The first line CPython refuses to read: one with a NUL byte or invalid
 * UTF-8 (reported with CPython's message for a file without a coding
 * declaration). */
static void find_bad_line(tokenizer *t)
{
    t->bad_line_start = (size_t)-1;
    const unsigned char *s = (const unsigned char *)t->src;
    size_t line = 0;
    int lineno = 1;
    for (size_t i = 0; i < t->size;) {
        unsigned char b = s[i];
        int len = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3
                 : b >= 0xF0 && b < 0xF5 ? 4 : 0;
        bool ok = len > 0 && i + (size_t)len <= t->size && b != 0;
        for (int k = 1; ok && k < len; k++)
            ok = (s[i + (size_t)k] & 0xC0) == 0x80;
        if (ok && len == 3)
            ok = !(b == 0xE0 && s[i + 1] < 0xA0) && !(b == 0xED && s[i + 1] >= 0xA0);
        if (ok && len == 4)
            ok = !(b == 0xF0 && s[i + 1] < 0x90) && !(b == 0xF4 && s[i + 1] >= 0x90);
        if (!ok) {
            t->bad_line_start = line;
            if (b != 0)
                t->bad_line_message = py_error_format(
                    "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no "
                    "encoding declared; see https://peps.python.org/pep-0263/ for details",
                    b, t->filename, lineno);
            return;
        }
        if (b == '\n') {
            line = i + 1;
            lineno++;
        }
        i += (size_t)len;
    }
}

void py_tokenize(const char *source, size_t size, const char *filename, py_token_list *out)
{
    memset(out, 0, sizeof *out);
    tokenizer *t = mt_alloc(sizeof *t);
    t->src = source;
    t->size = size;
    t->lineno = 1;
    t->filename = filename;
    t->at_line_start = true;
    t->out = out;
    find_bad_line(t);
    if (size >= 3 && !memcmp(source, "\xEF\xBB\xBF", 3))
        t->pos = t->line_start = 3;
    while (!out->failed && (out->count == 0 || out->tokens[out->count - 1].type != PY_TOK_ENDMARKER))
        next_token(t);
}
