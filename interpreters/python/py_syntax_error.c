/* py_syntax_error.c — building and printing SyntaxErrors.
 *
 * Columns are kept the way CPython keeps them: 1-based character offsets
 * into the source line; the printer follows CPython 3.11's rules for
 * stripping indentation, clipping and the caret range. */
#include <stdarg.h>
#include <string.h>

#include "mt.h"
#include "py_syntax_error.h"

const char *py_error_kind_name(py_error_kind kind)
{
    switch (kind) {
    case PY_INDENTATION_ERROR:
        return "IndentationError";
    case PY_TAB_ERROR:
        return "TabError";
    default:
        return "SyntaxError";
    }
}

const char *py_error_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *text = mt_alloc_atomic((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(text, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return text;
}

/* The start of line `lineno` (1-based) in `source`, or NULL past the end. */
static const char *line_start(const char *source, size_t size, int lineno)
{
    const char *p = source, *end = source + size;
    for (int line = 1; line < lineno; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return NULL;
        p = nl + 1;
    }
    return p < end || lineno == 1 ? p : NULL;
}

/* Characters in the first `bytes` bytes of `line` (a cut sequence counts one). */
static int char_column(const char *line, size_t line_len, int bytes)
{
    if (bytes <= 0)
        return bytes;
    if ((size_t)bytes > line_len + 1)
        bytes = (int)line_len + 1;
    int chars = 0;
    for (int i = 0; i < bytes && (size_t)i < line_len; i++)
        chars += ((unsigned char)line[i] & 0xC0) != 0x80;
    if ((size_t)bytes > line_len)
        chars++;
    return chars;
}

void py_syntax_error_at(py_syntax_error *err, py_error_kind kind, const char *message,
                        const char *filename, const char *source, size_t size, int lineno,
                        int col, int end_lineno, int end_col, bool char_columns)
{
    memset(err, 0, sizeof *err);
    err->kind = kind;
    err->message = message;
    err->filename = filename;
    err->lineno = lineno;
    err->end_lineno = end_lineno;
    const char *start = line_start(source, size, lineno);
    if (!start) {
        err->offset = col;
        err->end_offset = end_col;
        return;
    }
    const char *end = source + size;
    const char *nl = memchr(start, '\n', (size_t)(end - start));
    size_t len = nl ? (size_t)(nl - start) : (size_t)(end - start);
    const char *nul = memchr(start, '\0', len);
    size_t text_len = nul ? (size_t)(nul - start) : len + (nl != NULL);
    char *text = mt_alloc_atomic(text_len + 1);
    memcpy(text, start, text_len);
    text[text_len] = '\0';
    err->text = text;
    if (!char_columns) {
        err->offset = col;
        err->end_offset = end_col;
        return;
    }
    err->offset = char_column(start, len, col);
    if (end_col > 0 && end_lineno == lineno)
        err->end_offset = char_column(start, len, end_col);
    else if (end_col > 0) {
        const char *end_start = line_start(source, size, end_lineno);
        const char *end_nl = end_start ? memchr(end_start, '\n', (size_t)(end - end_start)) : NULL;
        size_t end_len = end_start ? (end_nl ? (size_t)(end_nl - end_start)
                                             : (size_t)(end - end_start)) : 0;
        err->end_offset = end_start ? char_column(end_start, end_len, end_col) : end_col;
    }
}

/* CPython's print_error_text: the line without its indentation, then the
 * carets shifted by what was stripped. */
static void print_error_text(FILE *out, int offset, int end_offset, const char *text)
{
    int carets = end_offset > 0 && end_offset > offset ? end_offset - offset : 1;
    offset--;
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
    }
    int len = (int)strlen(text);
    if (len > 0 && text[len - 1] == '\n')
        len--;
    if (offset > len)
        offset = len;
    fprintf(out, "    %s", text);
    if (text[len] != '\n')
        fputc('\n', out);
    if (offset < 0)
        return;
    fputs("    ", out);
    while (--offset >= 0)
        fputc(' ', out);
    while (carets-- > 0)
        fputc('^', out);
    fputc('\n', out);
}

void py_syntax_error_print(const py_syntax_error *err, FILE *out)
{
    if (err->lineno > 0) {
        fprintf(out, "  File \"%s\", line %d\n", err->filename, err->lineno);
        if (err->text) {
            int line_size = (int)strlen(err->text);
            int end_offset = err->end_offset;
            if (err->end_lineno > err->lineno)
                end_offset = line_size;
            if (end_offset > line_size + 1)
                end_offset = line_size + 1;
            print_error_text(out, err->offset, end_offset, err->text);
        }
    }
    fprintf(out, "%s: %s\n", py_error_kind_name(err->kind), err->message);
}
