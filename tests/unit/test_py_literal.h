/* test_py_literal.h — reads Python literals (what repr() writes for the
 * builtin types: numbers, strs, bytes, tuples, lists, dicts, sets, None,
 * True/False, inf/nan, and calls of type names such as range(0, 5) or
 * frozenset({1})) into mtpy objects, so that test cases can be written as
 * CPython prints them.  Also names a few callables: type names, type
 * attributes (str.lower), and the test builtins len and abs.
 */
#ifndef TEST_PY_LITERAL_H
#define TEST_PY_LITERAL_H

#include "py.h"

/* The value of the literal text; NULL with *error saying why (a syntax
 * error, or the exception a call raised as "Type: message"). */
py_val test_literal(const char *text, size_t size, const char **error);
/* "Type: message" for the current exception, which it clears. */
const char *test_exception_text(void);
/* repr(v) as a C string, or "!Type: message" when repr fails. */
const char *test_repr(py_val v);

#endif
