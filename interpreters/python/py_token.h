/* py_token.h — the Python 3.11 tokenizer.
 *
 * py_tokenize turns UTF-8 source into the token stream CPython's parser sees
 * (NEWLINE, INDENT, DEDENT, NAME, NUMBER, STRING, OP, ENDMARKER), with the
 * same indentation, line-joining and error rules as CPython's tokenizer. */
#ifndef PY_TOKEN_H
#define PY_TOKEN_H

#include <stdbool.h>
#include <stddef.h>

#include "py_syntax_error.h"

typedef enum {
    PY_TOK_ENDMARKER,
    PY_TOK_NAME,
    PY_TOK_NUMBER,
    PY_TOK_STRING,
    PY_TOK_NEWLINE,
    PY_TOK_INDENT,
    PY_TOK_DEDENT,
    PY_TOK_OP,
    PY_TOK_ERROR /* the tokenizer stopped here; see py_token_list.error */
} py_token_type;

/* Operators; the tokenizer matches three, then two, then one character.
 * "<>" is a token no rule accepts (as in CPython without barry_as_FLUFL);
 * OTHER is any other character CPython passes to its parser as an OP. */
#define PY_OPERATORS(X)                                                                 \
    X(LPAR, "(") X(RPAR, ")") X(LSQB, "[") X(RSQB, "]") X(LBRACE, "{") X(RBRACE, "}")   \
    X(COLON, ":") X(COMMA, ",") X(SEMI, ";") X(PLUS, "+") X(MINUS, "-") X(STAR, "*")    \
    X(SLASH, "/") X(VBAR, "|") X(AMPER, "&") X(LESS, "<") X(GREATER, ">")               \
    X(EQUAL, "=") X(DOT, ".") X(PERCENT, "%") X(TILDE, "~") X(CIRCUMFLEX, "^")          \
    X(AT, "@") X(EQEQUAL, "==") X(NOTEQUAL, "!=") X(LESSEQUAL, "<=")                    \
    X(GREATEREQUAL, ">=") X(LEFTSHIFT, "<<") X(RIGHTSHIFT, ">>") X(DOUBLESTAR, "**")    \
    X(PLUSEQUAL, "+=") X(MINEQUAL, "-=") X(STAREQUAL, "*=") X(SLASHEQUAL, "/=")         \
    X(PERCENTEQUAL, "%=") X(AMPEREQUAL, "&=") X(VBAREQUAL, "|=")                        \
    X(CIRCUMFLEXEQUAL, "^=") X(LEFTSHIFTEQUAL, "<<=") X(RIGHTSHIFTEQUAL, ">>=")         \
    X(DOUBLESTAREQUAL, "**=") X(DOUBLESLASH, "//") X(DOUBLESLASHEQUAL, "//=")           \
    X(ATEQUAL, "@=") X(RARROW, "->") X(ELLIPSIS, "...") X(COLONEQUAL, ":=")             \
    X(OLD_NOTEQUAL, "<>") X(OTHER, "?")

/* Keywords; NAME tokens carry one of these in `code` (PY_KW_NONE otherwise).
 * The soft keywords (match, case, _) stay names: the parser decides. */
#define PY_KEYWORDS(X)                                                                  \
    X(FALSE, "False") X(NONE_, "None") X(TRUE, "True") X(AND, "and") X(AS, "as")        \
    X(ASSERT, "assert") X(ASYNC, "async") X(AWAIT, "await") X(BREAK, "break")           \
    X(CLASS, "class") X(CONTINUE, "continue") X(DEF, "def") X(DEL, "del")               \
    X(ELIF, "elif") X(ELSE, "else") X(EXCEPT, "except") X(FINALLY, "finally")           \
    X(FOR, "for") X(FROM, "from") X(GLOBAL, "global") X(IF, "if") X(IMPORT, "import")   \
    X(IN, "in") X(IS, "is") X(LAMBDA, "lambda") X(NONLOCAL, "nonlocal") X(NOT, "not")   \
    X(OR, "or") X(PASS, "pass") X(RAISE, "raise") X(RETURN, "return") X(TRY, "try")     \
    X(WHILE, "while") X(WITH, "with") X(YIELD, "yield")

typedef enum {
#define PY_OP_ENUM(name, text) PY_OP_##name,
    PY_OPERATORS(PY_OP_ENUM)
#undef PY_OP_ENUM
    PY_OP_COUNT
} py_operator_code;

typedef enum {
    PY_KW_NONE,
#define PY_KW_ENUM(name, text) PY_KW_##name,
    PY_KEYWORDS(PY_KW_ENUM)
#undef PY_KW_ENUM
    PY_KW_COUNT
} py_keyword_code;

typedef struct py_token {
    py_token_type type;
    int code;              /* py_operator_code for OP, py_keyword_code for NAME */
    const char *start;     /* the token's bytes in the source */
    const char *end;
    int lineno, col;       /* 0-based byte column, as CPython's col_offset */
    int end_lineno, end_col;
    int level;             /* open brackets after this token */
} py_token;

typedef struct py_token_list {
    py_token *tokens;      /* ends with ENDMARKER, or with ERROR and `error` */
    size_t count;
    bool failed;
    bool error_at_eof;     /* the error is "EOF inside brackets / after a backslash":
                            * a parse error on an earlier line takes precedence */
    int open_bracket_line; /* for error_at_eof with brackets open: innermost one */
    bool error_overrides;  /* raised by CPython's tokenizer itself, so it replaces a
                            * parse error found earlier in the file (indentation,
                            * backslash and EOF errors do not) */
    py_syntax_error error;
    /* A number directly followed by a keyword (`1if`) is only a warning while
     * the parser reads it, but an "invalid decimal literal" error when CPython
     * tokenizes the rest of the file after a parse error. */
    bool has_number_warning;
    size_t number_warning_token;
    py_syntax_error number_warning;
} py_token_list;

/* Tokenize `size` bytes of UTF-8 `source` (newlines already normalized to \n
 * and NUL-terminated at source[size]).  Never fails hard: on an error the
 * list ends with an ERROR token and `error` says what CPython would say. */
void py_tokenize(const char *source, size_t size, const char *filename, py_token_list *out);

/* The spelling of an operator or keyword, for messages. */
const char *py_operator_text(py_operator_code code);
const char *py_keyword_text(py_keyword_code code);

/* Whether a code point may start / continue an identifier (XID_Start /
 * XID_Continue, approximated for non-ASCII: see py_token.c). */
bool py_is_identifier_start(unsigned cp);
bool py_is_identifier_continue(unsigned cp);

/* Whether str.isprintable() holds for the character (approximated the same
 * way outside ASCII: controls, format characters, separators, private use
 * and noncharacters are not printable). */
bool py_is_printable(unsigned cp);

/* Decode one UTF-8 sequence at `s` (valid input); stores its length. */
unsigned py_token_decode_char(const char *s, int *len);

#endif
