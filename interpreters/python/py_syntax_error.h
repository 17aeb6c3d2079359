/* py_syntax_error.h — a SyntaxError found by the tokenizer or the parser.
 *
 * It carries what CPython's SyntaxError carries (message, file, line, columns,
 * source line) so the evaluator can raise it as a Python exception later, and
 * py_syntax_error_print writes it exactly as CPython 3.11 reports an uncaught
 * SyntaxError of a script. */
#ifndef PY_SYNTAX_ERROR_H
#define PY_SYNTAX_ERROR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum { PY_SYNTAX_ERROR, PY_INDENTATION_ERROR, PY_TAB_ERROR } py_error_kind;

typedef struct py_syntax_error {
    py_error_kind kind;
    const char *message;
    const char *filename;
    int lineno;       /* 1-based; 0: no location */
    int offset;       /* 1-based character column; 0: no caret */
    int end_lineno;
    int end_offset;   /* 1-based character column just past the range; 0: one caret */
    const char *text; /* the source line (without its newline), or NULL */
} py_syntax_error;

/* The exception class name: "SyntaxError", "IndentationError" or "TabError". */
const char *py_error_kind_name(py_error_kind kind);

/* Fill `err` from byte positions in `source`: `col` and `end_col` are
 * 1-based byte columns on lines `lineno` and `end_lineno` (0: none); the text
 * comes from the source line.  CPython reports its tokenizer's errors in
 * characters (`char_columns`) but its parser's errors in a script in bytes. */
void py_syntax_error_at(py_syntax_error *err, py_error_kind kind, const char *message,
                        const char *filename, const char *source, size_t size, int lineno,
                        int col, int end_lineno, int end_col, bool char_columns);

/* The message, formatted; collected memory. */
const char *py_error_format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print `err` as CPython prints an uncaught SyntaxError of a script:
 *   File "NAME", line N / the stripped source line / carets / Kind: message */
void py_syntax_error_print(const py_syntax_error *err, FILE *out);

#endif
