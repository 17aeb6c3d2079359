/* test_py_cases.h — reads the case files that scripts/gen-py-number-cases
 * wrote from CPython (tests/data/py_*_cases.txt) and runs them: a case is
 * an operation, its arguments and the expected result as text; a runner
 * computes the result's text with the library and the two must be equal.
 */
#ifndef TEST_PY_CASES_H
#define TEST_PY_CASES_H

#include <stddef.h>

#include "py_number.h"

typedef struct py_case {
    const char *op;
    char **args;       /* unescaped, NUL-terminated past their sizes */
    size_t *arg_sizes;
    size_t arg_count;  /* without the expected result */
    const char *expected;
    size_t expected_size;
    unsigned line;
} py_case;

/* The actual result's text for one case (collected). */
typedef char *(*py_case_runner)(const py_case *c, size_t *size);

typedef struct py_case_op {
    const char *op;
    size_t arg_count;
    py_case_runner run;
} py_case_op;

/* Runs the cases of tests/data/<file> whose op is in `ops`, counting the
 * cases run and the failures (printing the first ones). */
void py_run_case_file(const char *file, const py_case_op *ops, size_t op_count, size_t *run, size_t *failed);
/* How many lines of the file no entry of `ops` runs (*total: all lines). */
size_t py_count_unknown_cases(const char *file, const py_case_op *ops, size_t op_count, size_t *total);

/* The encodings of the case files: ints in hex, floats as %a, errors as
 * "!Kind: message". */
py_int py_case_int(const char *text);
double py_case_float(const char *text);
char *py_case_show_int(py_int a);
char *py_case_show_float(double x);
char *py_case_show_error(const py_error *err);
char *py_case_join(const char *a, const char *b);

#endif
