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

/* ---- behaviours by name ------------------------------------------------------------------------ */

/* The value of literal text (the test fails if it does not parse). */
static py_val v(const char *text)
{
    const char *error = NULL;
    py_val value = test_literal(text, strlen(text), &error);
    cr_assert(value, "cannot read %s: %s", text, error ? error : "?");
    return value;
}

static void expect_repr(py_val value, const char *expected)
{
    cr_assert(value, "failed: %s", test_exception_text());
    cr_expect_str_eq(test_repr(value), expected);
}

static void expect_error(py_val result, const char *expected)
{
    cr_assert_null(result, "no error, got %s", result ? test_repr(result) : "");
    cr_expect_str_eq(test_exception_text(), expected);
}

static py_val call_method(py_val self, const char *name, py_val *args, size_t nargs)
{
    py_val method = py_getattr(self, py_str_from_cstr(name));
    return method ? py_call(method, args, nargs, NULL) : NULL;
}

Test(py_types, containers_inside_themselves_repr_as_ellipses)
{
    py_val list = v("[1]");
    py_list_append((py_list *)list, list);
    expect_repr(list, "[1, [...]]");
    py_dict *d = py_dict_new();
    py_dict_set(d, py_small(1), (py_val)d);
    py_dict_set(d, py_small(2), (py_val)py_tuple_from(&list, 1));
    expect_repr((py_val)d, "{1: {...}, 2: ([1, [...]],)}");
    py_val values = call_method((py_val)d, "values", NULL, 0);
    py_dict_set(d, py_small(3), values);
    expect_repr(values, "dict_values([{1: {...}, 2: ([1, [...]],), 3: ...}, ([1, [...]],), ...])");
}

Test(py_types, deep_nesting_ends_in_recursion_error_not_a_crash)
{
    py_val a = (py_val)py_list_new(0), b = (py_val)py_list_new(0), c = (py_val)py_list_new(0);
    for (int i = 0; i < 100000; i++) { /* [([([...],)],)] and twice [[[...]]] */
        a = (py_val)py_tuple_from(&a, 1);
        py_list *outer = py_list_new(1);
        outer->items[0] = a;
        a = (py_val)outer;
        outer = py_list_new(1);
        outer->items[0] = b;
        b = (py_val)outer;
        outer = py_list_new(1);
        outer->items[0] = c;
        c = (py_val)outer;
    }
    expect_error(py_repr(a), "RecursionError: maximum recursion depth exceeded while getting the repr of an object");
    expect_error(py_compare(b, c, PY_EQ),
                 "RecursionError: maximum recursion depth exceeded in comparison");
    expect_repr(v("[[[1]]]"), "[[[1]]]"); /* the depth is given back */
}

Test(py_types, a_key_that_changes_the_list_is_caught)
{
    py_val list = v("[1]");
    py_val append = py_getattr(list, py_str_from_cstr("append"));
    cr_assert_eq(py_list_sort((py_list *)list, append, false), -1);
    cr_expect_str_eq(test_exception_text(), "ValueError: list modified during sort");
    expect_repr(list, "[1]");
}

Test(py_types, iterating_a_changing_dict_or_set_raises)
{
    py_val d = v("{1: 2}"), it = py_iter(d);
    expect_repr(py_next(it), "1");
    py_dict_set((py_dict *)d, py_small(5), py_small(0));
    expect_error(py_next(it), "RuntimeError: dictionary changed size during iteration");
    py_val s = v("{1}"), sit = py_iter(s);
    py_set_add(s, py_small(2));
    expect_error(py_next(sit), "RuntimeError: Set changed size during iteration");
    py_val keys = v("{1: 2}"), kit = py_iter(keys);
    expect_repr(py_next(kit), "1");
    py_dict_del((py_dict *)keys, py_small(1));
    py_dict_set((py_dict *)keys, py_small(5), py_small(0));
    expect_error(py_next(kit), "RuntimeError: dictionary keys changed during iteration");
}

Test(py_types, dict_c_api_keeps_insertion_order_and_reports_missing_keys)
{
    py_dict *d = py_dict_new();
    for (int i = 0; i < 100; i++)
        cr_assert_eq(py_dict_set(d, py_small(i * 7 % 100), py_small(i)), 0);
    for (int i = 0; i < 100; i += 2)
        cr_assert_eq(py_dict_del(d, py_small(i)), 0);
    py_dict_set(d, py_small(0), py_none);
    cr_expect_eq(py_dict_len(d), 51);
    int64_t pos = 0, previous = -1, count = 0;
    py_val key, value;
    while (py_dict_next(d, &pos, &key, &value)) {
        int64_t k = py_small_value(key);
        cr_expect(k == 0 || (k % 2 == 1 && (value == py_none || py_small_value(value) > previous)));
        previous = value == py_none ? previous : py_small_value(value);
        count++;
    }
    cr_expect_eq(count, 51);
    cr_expect_eq(key, py_small(0), "a re-inserted key goes last");
    cr_expect_null(py_dict_get(d, py_small(2)));
    cr_expect_null(py_err_current(), "missing is not an error");
    cr_expect_null(py_dict_get(d, v("[1]")));
    cr_expect_str_eq(test_exception_text(), "TypeError: unhashable type: 'list'");
    cr_expect_eq(py_dict_del(d, py_small(2)), -1);
    cr_expect_str_eq(test_exception_text(), "KeyError: 2");
    cr_expect_eq(py_dict_get(d, py_float_new(1.0)), py_dict_get(d, py_small(1)), "1.0 finds the key 1");
}

Test(py_types, strs_intern_and_format)
{
    py_str *a = py_str_intern("name"), *b = py_str_intern("name");
    cr_expect_eq(a, b);
    cr_expect_neq(py_str_intern("other"), a);
    py_str *f = py_str_format("%s=%d", "x\xc3\xa9", 42);
    cr_expect_str_eq(f->data, "x\xc3\xa9=42");
    cr_expect_eq(f->length, 5);
    cr_expect_eq(f->size, 6);
    cr_expect(!f->ascii);
    py_str *parts[3] = {py_str_from_cstr("a"), f, py_str_from_cstr("")};
    py_str *joined = py_str_concat(parts, 3);
    cr_expect_str_eq(joined->data, "ax\xc3\xa9=42");
    cr_expect_eq(joined->length, 6);
}

Test(py_types, iterators_have_cpython_type_names)
{
    const char *const cases[][2] = {
        {"''", "str_ascii_iterator"},          {"'\\xe9'", "str_iterator"},   {"[]", "list_iterator"},
        {"()", "tuple_iterator"},              {"{}", "dict_keyiterator"},    {"{}.values()", "dict_valueiterator"},
        {"{}.items()", "dict_itemiterator"},   {"set()", "set_iterator"},     {"range(3)", "range_iterator"},
        {"range(2 ** 70)", "longrange_iterator"}, {"b''", "bytes_iterator"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *error;
        py_val x = test_literal(cases[i][0], strlen(cases[i][0]), &error);
        if (!x) /* 2 ** 70 is not a literal: build it */
            x = py_call((py_val)&py_range_type, (py_val[]){py_binary(py_small(2), py_small(70), PY_OP_POW)}, 1, NULL);
        cr_expect_str_eq(py_type_name(py_iter(x)), cases[i][1], "iter(%s)", cases[i][0]);
    }
    cr_expect_str_eq(py_type_name(py_reversed(v("[]"))), "list_reverseiterator");
    cr_expect_str_eq(py_type_name(py_reversed(v("{}"))), "dict_reversekeyiterator");
    cr_expect_str_eq(py_type_name(py_reversed(v("'ab'"))), "reversed");
    expect_error(py_reversed(v("{1}")), "TypeError: 'set' object is not reversible");
}

Test(py_types, impossible_sizes_raise_instead_of_dying)
{
    py_val huge = py_binary(py_small(2), py_small(62), PY_OP_POW);
    expect_error(py_binary(v("[0]"), huge, PY_OP_MUL), "MemoryError: ");
    expect_error(py_binary(v("'ab'"), huge, PY_OP_MUL), "OverflowError: repeated string is too long");
    expect_error(py_binary(v("[None]"), py_binary(py_small(2), py_small(61), PY_OP_POW), PY_OP_MUL), "MemoryError: ");
    expect_error(py_binary(v("(1, 2)"), huge, PY_OP_MUL), "MemoryError: ");
}

Test(py_types, bound_methods_and_descriptors_show_what_they_are)
{
    py_val list = v("[]");
    py_str *r = (py_str *)py_repr(py_getattr(list, py_str_from_cstr("append")));
    cr_expect(!strncmp(r->data, "<built-in method append of list object at 0x", 44), "%s", r->data);
    expect_repr(py_getattr((py_val)&py_str_type, py_str_from_cstr("lower")), "<method 'lower' of 'str' objects>");
    expect_repr(py_getattr((py_val)&py_int_type, py_str_from_cstr("__name__")), "'int'");
    expect_error(py_getattr((py_val)&py_bool_type, py_str_from_cstr("foo")),
                 "AttributeError: type object 'bool' has no attribute 'foo'");
    expect_error(py_call(py_getattr((py_val)&py_str_type, py_str_from_cstr("lower")), NULL, 0, NULL),
                 "TypeError: unbound method str.lower() needs an argument");
    cr_expect_not_null(py_type_method(&py_bool_type, py_str_intern("bit_length")), "bool has int's methods");
    cr_expect_null(py_type_method(&py_bool_type, py_str_intern("nope")));
}

Test(py_types, equal_numbers_hash_alike)
{
    py_val big = py_binary(py_small(2), py_small(100), PY_OP_POW);
    cr_expect_eq(py_hash(py_small(1)), py_hash(py_float_new(1.0)));
    cr_expect_eq(py_hash(py_small(1)), py_hash(py_true));
    cr_expect_eq(py_hash(big), py_hash(py_float_new(0x1p100)));
    cr_expect_eq(py_hash(py_small(-1)), -2);
    cr_expect_eq(py_hash(v("(1, 2)")), py_hash(v("(1.0, 2)")));
    cr_expect_eq(py_hash(v("frozenset({1, 2})")), py_hash(v("frozenset({2.0, True})")));
}

Test(py_types, format_value_for_fstrings)
{
    expect_repr(py_format_value(py_small(255), py_str_from_cstr("#x")), "'0xff'");
    expect_repr(py_format_value(py_true, py_str_from_cstr("")), "'True'");
    expect_repr(py_format_value(py_float_new(0.1), py_str_from_cstr(".3f")), "'0.100'");
    expect_repr(py_format_value(v("[1]"), py_str_from_cstr("")), "'[1]'");
    expect_error(py_format_value(v("[1]"), py_str_from_cstr(">3")),
                 "TypeError: unsupported format string passed to list.__format__");
    expect_error(py_format_value(py_none, py_str_from_cstr("x")),
                 "TypeError: unsupported format string passed to NoneType.__format__");
}
