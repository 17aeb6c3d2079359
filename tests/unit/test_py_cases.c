/* test_py_cases.c — the case-file reader and value encodings shared by
 * test_py_number.c and test_py_format.c. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt.h"
#include "test_py_cases.h"

/* The escapes the generator writes: \\ \t \n \r \xNN. */
static char *unescape(const char *s, size_t n, size_t *size)
{
    char *out = mt_alloc_atomic(n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\' || i + 1 == n) {
            out[k++] = s[i];
            continue;
        }
        char c = s[++i];
        if (c == 'x' && i + 2 < n) {
            char hex[3] = {s[i + 1], s[i + 2], 0};
            out[k++] = (char)strtol(hex, NULL, 16);
            i += 2;
        } else {
            out[k++] = c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
        }
    }
    out[k] = '\0';
    *size = k;
    return out;
}

static bool split_case(char *line, unsigned number, py_case *c)
{
    size_t fields = 1;
    for (char *p = line; *p; p++)
        fields += *p == '\t';
    if (fields < 2)
        return false;
    c->line = number;
    c->arg_count = fields - 2;
    c->args = mt_alloc(fields * sizeof *c->args);
    c->arg_sizes = mt_alloc_atomic(fields * sizeof *c->arg_sizes);
    char *field = line;
    for (size_t i = 0; i < fields; i++) {
        char *end = strchr(field, '\t');
        size_t n = end ? (size_t)(end - field) : strlen(field);
        size_t size;
        char *text = unescape(field, n, &size);
        if (i == 0)
            c->op = text;
        else if (i + 1 == fields) {
            c->expected = text;
            c->expected_size = size;
        } else {
            c->args[i - 1] = text;
            c->arg_sizes[i - 1] = size;
        }
        field = end ? end + 1 : field + n;
    }
    return true;
}

static const py_case_op *find_op(const char *op, const py_case_op *ops, size_t op_count)
{
    for (size_t i = 0; i < op_count; i++)
        if (strcmp(ops[i].op, op) == 0)
            return &ops[i];
    return NULL;
}

static void report(const py_case *c, const char *actual, size_t actual_size, size_t *failed)
{
    if (++*failed <= 20) {
        fprintf(stderr, "line %u: %s", c->line, c->op);
        for (size_t i = 0; i < c->arg_count; i++)
            fprintf(stderr, " [%.*s]", c->arg_sizes[i] > 200 ? 200 : (int)c->arg_sizes[i], c->args[i]);
        fprintf(stderr, "\n  expected [%.*s]\n  actual   [%.*s]\n", c->expected_size > 300 ? 300 : (int)c->expected_size,
                c->expected, actual_size > 300 ? 300 : (int)actual_size, actual ? actual : "(none)");
    }
}

static char *data_path(const char *file)
{
    const char *srcdir = getenv("MT_SRCDIR");
    size_t size = strlen(srcdir ? srcdir : ".") + strlen(file) + 16;
    char *path = mt_alloc_atomic(size);
    snprintf(path, size, "%s/tests/data/%s", srcdir ? srcdir : ".", file);
    return path;
}

/* Calls visit on every case line of the file. */
static void each_case(const char *file, void (*visit)(const py_case *c, void *context), void *context)
{
    size_t size;
    char *text = mt_read_file(data_path(file), &size);
    unsigned number = 0;
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        number++;
        if (line[0] == '#' || line[0] == '\0')
            continue;
        py_case c;
        if (split_case(line, number, &c))
            visit(&c, context);
    }
}

typedef struct run_state {
    const py_case_op *ops;
    size_t op_count, run, failed;
} run_state;

static void run_one(const py_case *c, void *context)
{
    run_state *state = context;
    const py_case_op *op = find_op(c->op, state->ops, state->op_count);
    if (!op)
        return;
    state->run++;
    size_t actual_size = 0;
    char *actual = op->arg_count == c->arg_count ? op->run(c, &actual_size) : NULL;
    if (!actual || actual_size != c->expected_size || memcmp(actual, c->expected, actual_size) != 0)
        report(c, actual, actual_size, &state->failed);
}

void py_run_case_file(const char *file, const py_case_op *ops, size_t op_count, size_t *run, size_t *failed)
{
    run_state state = {.ops = ops, .op_count = op_count};
    each_case(file, run_one, &state);
    *run = state.run;
    *failed = state.failed;
}

static void check_known(const py_case *c, void *context)
{
    run_state *state = context;
    const py_case_op *op = find_op(c->op, state->ops, state->op_count);
    state->run++;
    if (!op || op->arg_count != c->arg_count) {
        if (++state->failed <= 20)
            fprintf(stderr, "line %u: no runner for %s with %zu arguments\n", c->line, c->op, c->arg_count);
    }
}

size_t py_count_unknown_cases(const char *file, const py_case_op *ops, size_t op_count, size_t *total)
{
    run_state state = {.ops = ops, .op_count = op_count};
    each_case(file, check_known, &state);
    *total = state.run;
    return state.failed;
}

py_int py_case_int(const char *text)
{
    bool negative = text[0] == '-';
    mpz_t z;
    mpz_init_set_str(z, text + negative + 2, 16);
    if (negative)
        mpz_neg(z, z);
    return py_int_from_mpz(z);
}

double py_case_float(const char *text) { return strtod(text, NULL); }

char *py_case_show_int(py_int a)
{
    mpz_t z;
    mpz_init(z);
    py_int_get_mpz(a, z);
    bool negative = mpz_sgn(z) < 0;
    mpz_abs(z, z);
    char *digits = mpz_get_str(NULL, 16, z);
    char *out = mt_alloc_atomic(strlen(digits) + 4);
    sprintf(out, "%s0x%s", negative ? "-" : "", digits);
    return out;
}

char *py_case_show_float(double x)
{
    char *out = mt_alloc_atomic(40);
    if (isnan(x))
        strcpy(out, "nan");
    else
        snprintf(out, 40, "%a", x);
    return out;
}

char *py_case_show_error(const py_error *err)
{
    const char *name = py_error_kind_name(err->kind);
    if (err->kind == PY_COMPLEX_RESULT)
        return mt_strdup(name);
    char *out = mt_alloc_atomic(strlen(name) + strlen(err->message) + 4);
    sprintf(out, "!%s: %s", name, err->message);
    return out;
}

char *py_case_join(const char *a, const char *b)
{
    char *out = mt_alloc_atomic(strlen(a) + strlen(b) + 2);
    sprintf(out, "%s %s", a, b);
    return out;
}
