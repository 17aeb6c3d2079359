/* test_py_types.c — the builtin types against CPython 3.11: every case
 * scripts/gen-py-types-cases recorded in tests/data/py_types_cases.txt
 * (an operation on values written as Python literals, and the repr() of
 * the result or the exception CPython raised) is run through the
 * runtime's generic operations and compared as text.
 *
 * A line is tab-separated: the operation, its operands (literals, except
 * a method's and an attribute's name and an operator), and the expected
 * text; a `method` line also ends with the object after the call.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py_types.h"
#include "test_py_literal.h"
#include "test_util.h"

static void setup(void)
{
    start_framework();
    py_types_init();
}

TestSuite(py_types, .init = setup);

#define MAX_FIELDS 8
#define MAX_REPORTS 40

typedef struct case_line {
    const char *op;
    const char *fields[MAX_FIELDS];
    size_t sizes[MAX_FIELDS];
    int count;
    unsigned line;
} case_line;

/* ---- running one case -------------------------------------------------------------------- */

static py_val operand(const case_line *c, int i, const char **error)
{
    return test_literal(c->fields[i], c->sizes[i], error);
}

/* The text of a result: its repr, or the exception as "!Type: message". */
static const char *outcome(py_val v)
{
    if (!v) {
        const char *text = test_exception_text();
        char *out = mt_alloc_atomic(strlen(text) + 2);
        sprintf(out, "!%s", text);
        return out;
    }
    return test_repr(v);
}

static const char *int_outcome(int64_t n) { return n == -1 && py_err_current() ? outcome(NULL) : test_repr(py_int_from_i64(n)); }
static const char *truth_outcome(int t) { return t < 0 ? outcome(NULL) : t ? "True" : "False"; }

static const struct {
    const char *symbol;
    py_binary_op op;
} binary_ops[] = {
    {"+", PY_OP_ADD},     {"-", PY_OP_SUB},     {"*", PY_OP_MUL},     {"/", PY_OP_TRUEDIV}, {"//", PY_OP_FLOORDIV},
    {"%", PY_OP_MOD},     {"**", PY_OP_POW},    {"<<", PY_OP_LSHIFT}, {">>", PY_OP_RSHIFT}, {"&", PY_OP_AND},
    {"|", PY_OP_OR},      {"^", PY_OP_XOR},     {"@", PY_OP_MATMUL},
};

static const char *const compare_ops[] = {"<", "<=", "==", "!=", ">", ">="};

static bool binary_op_of(const char *symbol, py_binary_op *op)
{
    for (size_t i = 0; i < sizeof binary_ops / sizeof binary_ops[0]; i++)
        if (!strcmp(symbol, binary_ops[i].symbol)) {
            *op = binary_ops[i].op;
            return true;
        }
    return false;
}

static py_val unary(const char *symbol, py_val v)
{
    const py_type *t = py_type_of(v);
    py_val (*slot)(py_val) = !strcmp(symbol, "-") ? t->neg : !strcmp(symbol, "+") ? t->pos
                             : !strcmp(symbol, "~") ? t->invert : t->abs;
    if (slot)
        return slot(v);
    if (!strcmp(symbol, "abs"))
        return py_err_format(&py_exc_TypeError, "bad operand type for abs(): '%s'", t->name);
    return py_err_format(&py_exc_TypeError, "bad operand type for unary %s: '%s'", symbol, t->name);
}

static const char *items_outcome(py_val iterable)
{
    py_list *list = py_list_new(0);
    return py_list_extend(list, iterable) < 0 ? outcome(NULL) : test_repr((py_val)list);
}

/* Keyword arguments from a dict literal: the values after the positional ones. */
static py_val call_with(py_val callable, py_val self, py_tuple *args, py_dict *kwargs)
{
    size_t n = (size_t)args->length, nkw = (size_t)py_dict_len(kwargs);
    py_val *all = mt_alloc((n + nkw + 1) * sizeof *all);
    memcpy(all, args->items, n * sizeof *all);
    py_tuple *kwnames = nkw ? py_tuple_new(nkw) : NULL;
    int64_t pos = 0, i = 0;
    py_val key, value;
    while (py_dict_next(kwargs, &pos, &key, &value)) {
        kwnames->items[i] = key;
        all[n + (size_t)i++] = value;
    }
    if (!self)
        return py_call(callable, all, n, kwnames);
    py_val method = py_getattr(self, (py_str *)callable);
    return method ? py_call(method, all, n, kwnames) : NULL;
}

/* `ops`: apply (name, args) steps in order; "[]=" and "del" are item
 * assignment and deletion. */
static py_val apply_steps(py_val self, py_list *steps)
{
    for (int64_t i = 0; i < steps->length; i++) {
        py_tuple *step = (py_tuple *)steps->items[i];
        py_str *name = (py_str *)step->items[0];
        py_tuple *args = (py_tuple *)step->items[1];
        int status = 0;
        if (!strcmp(name->data, "[]="))
            status = py_setitem(self, args->items[0], args->items[1]);
        else if (!strcmp(name->data, "del"))
            status = py_delitem(self, args->items[0]);
        else
            status = call_with((py_val)name, self, args, py_dict_new()) ? 0 : -1;
        if (status < 0)
            return NULL;
    }
    return self;
}

static py_val unpack_outcome(py_val v, int64_t before, int64_t after, bool starred)
{
    size_t n = (size_t)(before + after + (starred ? 1 : 0));
    py_val *out = mt_alloc((n + 1) * sizeof *out);
    int status = starred ? py_unpack_starred(v, out, (size_t)before, (size_t)after) : py_unpack(v, out, (size_t)before);
    return status < 0 ? NULL : (py_val)py_tuple_from(out, n);
}

/* The outcome of the case's operation, or NULL (with *error) when its
 * operands do not parse. */
static const char *run_case(const case_line *c, const char **error, const char **after)
{
    const char *op = c->op;
    *after = NULL;
    py_val a = NULL, b = NULL, d = NULL;
#define ARG(var, i) \
    if (!(var = operand(c, i, error))) \
        return NULL
    if (!strcmp(op, "repr")) {
        ARG(a, 0);
        return outcome(py_repr(a));
    }
    if (!strcmp(op, "str")) {
        ARG(a, 0);
        return outcome(py_to_str(a));
    }
    if (!strcmp(op, "ascii")) {
        ARG(a, 0);
        return outcome(py_ascii(a));
    }
    if (!strcmp(op, "hash")) {
        ARG(a, 0);
        return int_outcome(py_hash(a));
    }
    if (!strcmp(op, "truth")) {
        ARG(a, 0);
        return truth_outcome(py_truth(a));
    }
    if (!strcmp(op, "len")) {
        ARG(a, 0);
        return int_outcome(py_len(a));
    }
    if (!strcmp(op, "iter")) {
        ARG(a, 0);
        return items_outcome(a);
    }
    if (!strcmp(op, "reversed")) {
        ARG(a, 0);
        py_val it = py_reversed(a);
        return it ? items_outcome(it) : outcome(NULL);
    }
    if (!strcmp(op, "binary") || !strcmp(op, "inplace")) {
        py_binary_op bop;
        if (!binary_op_of(c->fields[0], &bop))
            return *error = "unknown operator", NULL;
        ARG(a, 1);
        ARG(b, 2);
        return outcome(op[0] == 'b' ? py_binary(a, b, bop) : py_inplace(a, b, bop));
    }
    if (!strcmp(op, "compare")) {
        for (int i = 0; i < 6; i++)
            if (!strcmp(c->fields[0], compare_ops[i])) {
                ARG(a, 1);
                ARG(b, 2);
                return outcome(py_compare(a, b, (py_compare_op)i));
            }
        return *error = "unknown comparison", NULL;
    }
    if (!strcmp(op, "unary")) {
        ARG(a, 1);
        return outcome(unary(c->fields[0], a));
    }
    if (!strcmp(op, "getitem")) {
        ARG(a, 0);
        ARG(b, 1);
        return outcome(py_getitem(a, b));
    }
    if (!strcmp(op, "setitem") || !strcmp(op, "delitem")) {
        ARG(a, 0);
        ARG(b, 1);
        if (op[0] == 's')
            ARG(d, 2);
        int status = op[0] == 's' ? py_setitem(a, b, d) : py_delitem(a, b);
        return status < 0 ? outcome(NULL) : test_repr(a);
    }
    if (!strcmp(op, "contains")) {
        ARG(a, 0);
        ARG(b, 1);
        return truth_outcome(py_contains(a, b));
    }
    if (!strcmp(op, "call")) {
        ARG(a, 0);
        ARG(b, 1);
        ARG(d, 2);
        return outcome(call_with(a, NULL, (py_tuple *)b, (py_dict *)d));
    }
    if (!strcmp(op, "method")) {
        ARG(a, 0);
        ARG(b, 2);
        ARG(d, 3);
        py_val name = (py_val)py_str_new(c->fields[1], c->sizes[1]);
        const char *result = outcome(call_with(name, a, (py_tuple *)b, (py_dict *)d));
        *after = test_repr(a);
        return result;
    }
    if (!strcmp(op, "getattr")) {
        ARG(a, 0);
        return outcome(py_getattr(a, py_str_new(c->fields[1], c->sizes[1])));
    }
    if (!strcmp(op, "suggest")) {
        ARG(a, 0);
        py_str *s = py_attribute_suggestion(a, py_str_new(c->fields[1], c->sizes[1]));
        return s ? test_repr((py_val)s) : "None";
    }
    if (!strcmp(op, "format")) {
        ARG(a, 0);
        ARG(b, 1);
        return outcome(py_format_value(a, (py_str *)b));
    }
    if (!strcmp(op, "ops")) {
        ARG(a, 0);
        ARG(b, 1);
        return outcome(apply_steps(a, (py_list *)b));
    }
    if (!strcmp(op, "unpack") || !strcmp(op, "unpackstar")) {
        ARG(a, 0);
        ARG(b, 1);
        int64_t before = py_small_value(b), after_count = 0;
        if (op[6] == 's') {
            ARG(d, 2);
            after_count = py_small_value(d);
        }
        return outcome(unpack_outcome(a, before, after_count, op[6] == 's'));
    }
    if (!strcmp(op, "pow3")) {
        ARG(a, 0);
        ARG(b, 1);
        ARG(d, 2);
        return outcome(py_pow3(a, b, d));
    }
    if (!strcmp(op, "divmod")) {
        ARG(a, 0);
        ARG(b, 1);
        return outcome(py_divmod(a, b));
    }
    if (!strcmp(op, "round")) {
        ARG(a, 0);
        ARG(b, 1);
        return outcome(py_round(a, b));
    }
    if (!strcmp(op, "base")) {
        ARG(a, 0);
        ARG(b, 1);
        return outcome(py_int_in_base(a, (int)py_small_value(b)));
    }
    if (!strcmp(op, "sort")) {
        ARG(a, 0);
        ARG(b, 1);
        ARG(d, 2);
        int status = py_list_sort((py_list *)a, b == py_none ? NULL : b, d == py_true);
        return status < 0 ? outcome(NULL) : test_repr(a);
    }
#undef ARG
    *error = "unknown operation";
    return NULL;
}

/* ---- the case file ------------------------------------------------------------------------------ */

/* \t and \n never occur in a field: repr() escapes them. */
static bool split_line(char *line, case_line *c)
{
    char *fields[MAX_FIELDS + 2];
    int n = 0;
    for (char *at = line; n < MAX_FIELDS + 2;) {
        fields[n++] = at;
        char *tab = strchr(at, '\t');
        if (!tab)
            break;
        *tab = '\0';
        at = tab + 1;
    }
    if (n < 2)
        return false;
    c->op = fields[0];
    c->count = n - 1;
    for (int i = 1; i < n; i++) {
        c->fields[i - 1] = fields[i];
        c->sizes[i - 1] = strlen(fields[i]);
    }
    return true;
}

static void run_file(const char *name, unsigned at_least)
{
    const char *srcdir = getenv("MT_SRCDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/data/%s", srcdir ? srcdir : ".", name);
    size_t size;
    char *data = mt_read_file(path, &size);
    unsigned cases = 0, failures = 0, line_number = 0;
    for (char *line = data, *next; line < data + size; line = next) {
        char *newline = strchr(line, '\n');
        next = newline ? newline + 1 : data + size;
        if (newline)
            *newline = '\0';
        line_number++;
        if (!*line || *line == '#')
            continue;
        case_line c = {.line = line_number};
        if (!split_line(line, &c)) {
            cr_log_error("line %u: not a case", line_number);
            failures++;
            continue;
        }
        bool with_after = !strcmp(c.op, "method");
        int expected_index = c.count - (with_after ? 2 : 1);
        const char *expected = c.fields[expected_index], *expected_after = with_after ? c.fields[c.count - 1] : NULL;
        c.count = expected_index;
        const char *error = NULL, *after;
        const char *got = run_case(&c, &error, &after);
        cases++;
        bool ok = got && !strcmp(got, expected) && (!with_after || !strcmp(after, expected_after));
        if (!ok && failures++ < MAX_REPORTS) {
            if (!got)
                cr_log_error("line %u: %s: cannot run: %s", line_number, c.op, error ? error : "?");
            else if (with_after && strcmp(got, expected) == 0)
                cr_log_error("line %u: %s %s: object after is %s, CPython: %s", line_number, c.op, c.fields[1],
                             after, expected_after);
            else
                cr_log_error("line %u: %s %s: got %s, CPython: %s", line_number, c.op, c.fields[0], got, expected);
        }
        py_err_take();
    }
    cr_expect_geq(cases, at_least, "only %u cases in %s", cases, name);
    cr_expect_eq(failures, 0, "%u of %u cases differ from CPython", failures, cases);
}

Test(py_types, every_case_matches_cpython) { run_file("py_types_cases.txt", 1); }
