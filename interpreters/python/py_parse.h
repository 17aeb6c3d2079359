/* py_parse.h — the Python 3.11 parser: source text to an AST or a SyntaxError.
 *
 * A hand-written recursive-descent parser for the whole 3.11 grammar.  On
 * bad input it reports the error CPython 3.11 reports (same message, line,
 * columns), so mtpy's SyntaxErrors read like CPython's. */
#ifndef PY_PARSE_H
#define PY_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "py_ast.h"
#include "py_syntax_error.h"

/* Parse a whole module (CPython's "exec" mode).  `source` need not be
 * NUL-terminated and may use \n, \r\n or \r line ends.  Returns the Module
 * node, or NULL with `err` filled in.  Nodes are collected memory. */
py_node *py_parse_module(const char *source, size_t size, const char *filename,
                         py_syntax_error *err);

#endif
