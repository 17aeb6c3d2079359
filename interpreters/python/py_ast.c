/* py_ast.c — AST nodes and the dumper.
 *
 * py_ast_dump prints what CPython 3.11's ast.dump(node) prints with default
 * arguments: fields in ASDL order as name=value, optional fields left out
 * when None, constants as Python reprs.  That makes the parser testable
 * against CPython itself. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mt.h"
#include "py_ast.h"
#include "py_token.h"

_Static_assert(sizeof(long) == sizeof(void *), "AST fields are one word each");

typedef enum {
    FT_node,
    FT_node_opt,
    FT_seq,
    FT_seq_or_none,
    FT_identifier,
    FT_identifier_opt,
    FT_identifiers,
    FT_constant,
    FT_string_opt,
    FT_int,
    FT_ctx,
    FT_boolop,
    FT_binop,
    FT_unaryop,
    FT_cmpops,
} field_type;

typedef struct field_desc {
    const char *name;
    field_type type;
} field_desc;

typedef struct kind_desc {
    const char *name;
    const field_desc *fields;
} kind_desc;

static const kind_desc kinds[] = {
#define FIELD_DESC(type, name) {#name, FT_##type},
#define KIND_DESC(kind, fields) [PY_AST_##kind] = {#kind, (const field_desc[]){fields {NULL, 0}}},
    PY_AST_NODES(KIND_DESC, FIELD_DESC)
#undef KIND_DESC
#undef FIELD_DESC
};

#define NAME_STRING(name) #name,
static const char *const context_names[] = {PY_EXPR_CONTEXTS(NAME_STRING)};
static const char *const boolop_names[] = {PY_BOOLOPS(NAME_STRING)};
static const char *const binop_names[] = {PY_BINOPS(NAME_STRING)};
static const char *const unaryop_names[] = {PY_UNARYOPS(NAME_STRING)};
static const char *const cmpop_names[] = {PY_CMPOPS(NAME_STRING)};
#undef NAME_STRING

py_node *py_node_new(py_ast_kind kind, int lineno, int col_offset, int end_lineno,
                     int end_col_offset)
{
    py_node *n = mt_alloc(sizeof *n);
    n->kind = kind;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

py_seq *py_seq_new(size_t count)
{
    py_seq *seq = mt_alloc(sizeof *seq + count * sizeof(void *));
    seq->count = count;
    return seq;
}

/* Capacity grows in powers of two: the count says how much is allocated. */
py_seq *py_seq_append(py_seq *seq, void *item)
{
    size_t count = py_seq_len(seq);
    if (count == 0 || (count & (count - 1)) == 0) {
        py_seq *grown = py_seq_new(count ? count * 2 : 1);
        if (count)
            memcpy(grown->items, seq->items, count * sizeof(void *));
        seq = grown;
    }
    seq->items[count] = item;
    seq->count = count + 1;
    return seq;
}

const char *py_ast_kind_name(py_ast_kind kind) { return kinds[kind].name; }

/* ---- int constants ------------------------------------------------------- */

static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    return (c | 0x20) - 'a' + 10;
}

const char *py_constant_int_decimal(const py_constant *c)
{
    if (c->base == 10)
        return c->digits;
    size_t n = strlen(c->digits);
    /* decimal digits, least significant first; base**n < 10**(n*2) */
    unsigned char *dec = mt_alloc_atomic(n * 2 + 2);
    size_t used = 1;
    dec[0] = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned carry = (unsigned)digit_value(c->digits[i]);
        for (size_t k = 0; k < used; k++) {
            unsigned v = dec[k] * (unsigned)c->base + carry;
            dec[k] = (unsigned char)(v % 10);
            carry = v / 10;
        }
        while (carry) {
            dec[used++] = (unsigned char)(carry % 10);
            carry /= 10;
        }
    }
    char *text = mt_alloc_atomic(used + 1);
    for (size_t k = 0; k < used; k++)
        text[k] = (char)('0' + dec[used - 1 - k]);
    text[used] = '\0';
    return text;
}

/* ---- reprs ---------------------------------------------------------------- */

/* The shortest digits that read back as `x` (x finite, > 0), and the
 * decimal point position: x = 0.DIGITS * 10**decpt. */
static void shortest_digits(double x, char *digits, int *decpt)
{
    char buf[40];
    for (int precision = 1; precision <= 17; precision++) {
        snprintf(buf, sizeof buf, "%.*e", precision - 1, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    char *e = strchr(buf, 'e');
    int exponent = atoi(e + 1);
    size_t n = 0;
    for (char *p = buf; p < e; p++)
        if (*p != '.')
            digits[n++] = *p;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    *decpt = exponent + 1;
}

static void print_zeros(int count, FILE *out)
{
    while (count-- > 0)
        fputc('0', out);
}

/* repr(float) (add_dot_0) or the imaginary part of repr(complex). */
static void print_float_repr(double x, bool add_dot_0, FILE *out)
{
    if (isinf(x) || isnan(x) || x == 0) {
        fputs(isinf(x) ? "inf" : isnan(x) ? "nan" : "0", out);
        if (x == 0 && add_dot_0)
            fputs(".0", out);
        return;
    }
    char digits[24];
    int decpt;
    shortest_digits(fabs(x), digits, &decpt);
    int n = (int)strlen(digits);
    if (x < 0)
        fputc('-', out);
    if (decpt <= -4 || decpt > 16) {
        fputc(digits[0], out);
        if (n > 1)
            fprintf(out, ".%s", digits + 1);
        int exponent = decpt - 1;
        fprintf(out, "e%c%02d", exponent < 0 ? '-' : '+', abs(exponent));
    } else if (decpt <= 0) {
        fputs("0.", out);
        print_zeros(-decpt, out);
        fputs(digits, out);
    } else if (decpt >= n) {
        fputs(digits, out);
        print_zeros(decpt - n, out);
        if (add_dot_0)
            fputs(".0", out);
    } else {
        fprintf(out, "%.*s.%s", decpt, digits, digits + decpt);
    }
}

/* CPython's quote choice: single quotes unless the text has ' and no ". */
static char repr_quote(const char *s, size_t len)
{
    bool single = memchr(s, '\'', len) != NULL, dbl = memchr(s, '"', len) != NULL;
    return single && !dbl ? '"' : '\'';
}

static bool print_escape(unsigned c, char quote, FILE *out)
{
    if (c == (unsigned char)quote || c == '\\')
        fprintf(out, "\\%c", c);
    else if (c == '\t')
        fputs("\\t", out);
    else if (c == '\n')
        fputs("\\n", out);
    else if (c == '\r')
        fputs("\\r", out);
    else
        return false;
    return true;
}

static void print_str_repr(const char *s, size_t len, FILE *out)
{
    char quote = repr_quote(s, len);
    fputc(quote, out);
    for (size_t i = 0; i < len;) {
        int n;
        unsigned cp = py_token_decode_char(s + i, &n);
        if (print_escape(cp, quote, out))
            ;
        else if (py_is_printable(cp))
            fwrite(s + i, 1, (size_t)n, out);
        else if (cp < 0x100)
            fprintf(out, "\\x%02x", cp);
        else if (cp < 0x10000)
            fprintf(out, "\\u%04x", cp);
        else
            fprintf(out, "\\U%08x", cp);
        i += (size_t)n;
    }
    fputc(quote, out);
}

static void print_bytes_repr(const char *s, size_t len, FILE *out)
{
    char quote = repr_quote(s, len);
    fprintf(out, "b%c", quote);
    for (size_t i = 0; i < len; i++) {
        unsigned c = (unsigned char)s[i];
        if (print_escape(c, quote, out))
            ;
        else if (c < 0x20 || c >= 0x7F)
            fprintf(out, "\\x%02x", c);
        else
            fputc((int)c, out);
    }
    fputc(quote, out);
}

static void print_constant(const py_constant *c, FILE *out)
{
    switch (c->kind) {
    case PY_CONST_NONE:
        fputs("None", out);
        break;
    case PY_CONST_TRUE:
        fputs("True", out);
        break;
    case PY_CONST_FALSE:
        fputs("False", out);
        break;
    case PY_CONST_ELLIPSIS:
        fputs("Ellipsis", out);
        break;
    case PY_CONST_INT:
        fputs(py_constant_int_decimal(c), out);
        break;
    case PY_CONST_FLOAT:
        print_float_repr(c->number, true, out);
        break;
    case PY_CONST_COMPLEX:
        print_float_repr(c->number, false, out);
        fputc('j', out);
        break;
    case PY_CONST_STR:
        print_str_repr(c->bytes, c->length, out);
        break;
    case PY_CONST_BYTES:
        print_bytes_repr(c->bytes, c->length, out);
        break;
    }
}

/* ---- walking -------------------------------------------------------------- */

static void shift_node(py_node *n, int lines, int cols);

static void shift_field(field_type type, void *word, int lines, int cols)
{
    if (!word)
        return;
    if (type == FT_node || type == FT_node_opt) {
        shift_node(word, lines, cols);
    } else if (type == FT_seq || type == FT_seq_or_none) {
        py_seq *seq = word;
        for (size_t i = 0; i < seq->count; i++)
            if (seq->items[i])
                shift_node(seq->items[i], lines, cols);
    }
}

static void shift_node(py_node *n, int lines, int cols)
{
    if (n->lineno == 1)
        n->col_offset += cols;
    if (n->end_lineno == 1)
        n->end_col_offset += cols;
    n->lineno += lines;
    n->end_lineno += lines;
    const kind_desc *desc = &kinds[n->kind];
    for (size_t i = 0; desc->fields[i].name; i++) {
        void *word;
        memcpy(&word, &n->v.words[i], sizeof word);
        shift_field(desc->fields[i].type, word, lines, cols);
    }
}

void py_ast_shift(py_node *tree, int lines, int cols) { shift_node(tree, lines, cols); }

/* ---- the dumper ----------------------------------------------------------- */

static void dump_node(const py_node *n, bool positions, FILE *out);

static void dump_seq(const py_seq *seq, field_type type, bool positions, FILE *out)
{
    fputc('[', out);
    for (size_t i = 0; i < py_seq_len(seq); i++) {
        if (i)
            fputs(", ", out);
        void *item = seq->items[i];
        if (type == FT_identifiers)
            print_str_repr(item, strlen(item), out);
        else if (type == FT_cmpops)
            fprintf(out, "%s()", cmpop_names[(intptr_t)item]);
        else if (item)
            dump_node(item, positions, out);
        else
            fputs("None", out);
    }
    fputc(']', out);
}

/* Whether the field is an optional one holding None (left out of the dump). */
static bool omitted(field_type type, const void *word)
{
    return (type == FT_node_opt || type == FT_identifier_opt || type == FT_string_opt) && !word;
}

static void dump_field(field_type type, const void *word, long number, bool positions, FILE *out)
{
    switch (type) {
    case FT_node:
    case FT_node_opt:
        dump_node(word, positions, out);
        break;
    case FT_seq:
    case FT_seq_or_none:
    case FT_identifiers:
    case FT_cmpops:
        dump_seq(word, type, positions, out);
        break;
    case FT_identifier:
    case FT_identifier_opt:
    case FT_string_opt:
        print_str_repr(word, strlen(word), out);
        break;
    case FT_constant:
        print_constant(word, out);
        break;
    case FT_int:
        fprintf(out, "%ld", number);
        break;
    case FT_ctx:
        fprintf(out, "%s()", context_names[number]);
        break;
    case FT_boolop:
        fprintf(out, "%s()", boolop_names[number]);
        break;
    case FT_binop:
        fprintf(out, "%s()", binop_names[number]);
        break;
    case FT_unaryop:
        fprintf(out, "%s()", unaryop_names[number]);
        break;
    }
}

/* The kinds whose ASDL type has position attributes. */
static bool has_positions(py_ast_kind kind)
{
    switch (kind) {
    case PY_AST_Module:
    case PY_AST_comprehension:
    case PY_AST_arguments:
    case PY_AST_withitem:
    case PY_AST_match_case:
        return false;
    default:
        return true;
    }
}

static void dump_node(const py_node *n, bool positions, FILE *out)
{
    const kind_desc *desc = &kinds[n->kind];
    fprintf(out, "%s(", desc->name);
    bool first = true;
    for (size_t i = 0; desc->fields[i].name; i++) {
        void *word;
        long number;
        memcpy(&word, &n->v.words[i], sizeof word);
        memcpy(&number, &n->v.words[i], sizeof number);
        if (omitted(desc->fields[i].type, word))
            continue;
        fprintf(out, "%s%s=", first ? "" : ", ", desc->fields[i].name);
        first = false;
        dump_field(desc->fields[i].type, word, number, positions, out);
    }
    if (positions && has_positions(n->kind))
        fprintf(out, "%slineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d",
                first ? "" : ", ", n->lineno, n->col_offset, n->end_lineno, n->end_col_offset);
    fputc(')', out);
}

void py_ast_dump(const py_node *tree, bool positions, FILE *out)
{
    dump_node(tree, positions, out);
}
