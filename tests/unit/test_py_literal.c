/* test_py_literal.c — the literal reader of test_py_literal.h: a small
 * recursive-descent parser over repr() output that builds the objects
 * through the runtime's own C API.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py_types.h"
#include "py_unicode.h"
#include "test_py_literal.h"

typedef struct reader {
    const char *at, *end;
    const char *error;
} reader;

static py_val parse(reader *r);

static void skip_space(reader *r)
{
    while (r->at < r->end && *r->at == ' ')
        r->at++;
}

static bool accept(reader *r, char c)
{
    skip_space(r);
    if (r->at < r->end && *r->at == c) {
        r->at++;
        return true;
    }
    return false;
}

static void *fail(reader *r, const char *message)
{
    if (!r->error)
        r->error = message;
    return NULL;
}

const char *test_exception_text(void)
{
    py_val e = py_err_take();
    if (!e)
        return "(no exception)";
    py_str *text = (py_str *)py_to_str(e);
    py_err_take();
    char *out = NULL;
    if (asprintf(&out, "%s: %s", py_type_name(e), text ? text->data : "(str failed)") < 0)
        return "(out of memory)";
    char *kept = mt_strdup(out);
    free(out);
    return kept;
}

const char *test_repr(py_val v)
{
    py_str *r = (py_str *)py_repr(v);
    if (!r) {
        const char *text = test_exception_text();
        char *out = mt_alloc_atomic(strlen(text) + 2);
        sprintf(out, "!%s", text);
        return out;
    }
    return r->data;
}

/* ---- names ------------------------------------------------------------------------- */

static py_val test_len(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    if (!py_args_one("len", nargs, kwnames))
        return NULL;
    int64_t n = py_len(args[0]);
    return n < 0 ? NULL : py_int_from_i64(n);
}

static py_val test_abs(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    if (!py_args_one("abs", nargs, kwnames))
        return NULL;
    const py_type *t = py_type_of(args[0]);
    if (!t->abs)
        return py_err_format(&py_exc_TypeError, "bad operand type for abs(): '%s'", t->name);
    return t->abs(args[0]);
}

static const py_method_def test_builtins[] = {{"len", test_len}, {"abs", test_abs}};

static const struct {
    const char *name;
    py_type *type;
} type_names[] = {
    {"int", &py_int_type},     {"bool", &py_bool_type},   {"float", &py_float_type},
    {"str", &py_str_type},     {"bytes", &py_bytes_type}, {"tuple", &py_tuple_type},
    {"list", &py_list_type},   {"dict", &py_dict_type},   {"set", &py_set_type},
    {"frozenset", &py_frozenset_type}, {"range", &py_range_type}, {"slice", &py_slice_type},
    {"object", &py_object_type}, {"type", &py_type_type},
};

static py_val named(reader *r, const char *name, size_t size)
{
#define IS(word) (size == strlen(word) && !memcmp(name, word, size))
    if (IS("None"))
        return py_none;
    if (IS("True"))
        return py_true;
    if (IS("False"))
        return py_false;
    if (IS("inf"))
        return py_float_new(__builtin_inf());
    if (IS("nan"))
        return py_float_new(__builtin_nan(""));
    if (IS("Ellipsis"))
        return py_ellipsis;
    for (size_t i = 0; i < sizeof type_names / sizeof type_names[0]; i++)
        if (IS(type_names[i].name))
            return (py_val)type_names[i].type;
    for (size_t i = 0; i < sizeof test_builtins / sizeof test_builtins[0]; i++)
        if (IS(test_builtins[i].name))
            return py_builtin_new(&test_builtins[i], NULL);
#undef IS
    return fail(r, "unknown name");
}

/* ---- numbers ------------------------------------------------------------------------ */

static py_val number(reader *r)
{
    const char *start = r->at;
    bool is_float = false;
    while (r->at < r->end) {
        char c = *r->at;
        if ((c >= '0' && c <= '9') || c == '_')
            r->at++;
        else if (c == '.' || c == 'e' || c == 'E')
            is_float = true, r->at++;
        else if ((c == '+' || c == '-') && (r->at[-1] == 'e' || r->at[-1] == 'E'))
            r->at++;
        else
            break;
    }
    py_num_error err;
    if (is_float) {
        double x;
        return py_float_literal(start, (size_t)(r->at - start), &x, &err) ? py_float_new(x) : fail(r, err.message);
    }
    py_int a;
    return py_int_literal(start, (size_t)(r->at - start), &a, &err) ? py_int_new(a) : fail(r, err.message);
}

/* ---- strs and bytes ------------------------------------------------------------------------- */

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static bool hex_value(reader *r, int digits, uint32_t *out)
{
    *out = 0;
    for (int i = 0; i < digits; i++) {
        if (r->at >= r->end || hex_digit(*r->at) < 0)
            return false;
        *out = *out * 16 + (uint32_t)hex_digit(*r->at++);
    }
    return true;
}

/* The text of a quoted literal with its escapes; bytes keep \xHH as bytes. */
static char *quoted(reader *r, bool bytes, size_t *size)
{
    char quote = *r->at++;
    char *out = mt_alloc_atomic((size_t)(r->end - r->at) * 4 + 1);
    size_t n = 0;
    for (;;) {
        if (r->at >= r->end)
            return fail(r, "unterminated string");
        char c = *r->at++;
        if (c == quote)
            break;
        if (c != '\\') {
            out[n++] = c;
            continue;
        }
        if (r->at >= r->end)
            return fail(r, "bad escape");
        char e = *r->at++;
        uint32_t cp;
        char simple = e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e == '0' ? '\0'
                    : e == '\\' || e == '\'' || e == '"' ? e : 1;
        if (simple != 1) {
            out[n++] = simple;
            continue;
        }
        int digits = e == 'x' ? 2 : e == 'u' && !bytes ? 4 : e == 'U' && !bytes ? 8 : 0;
        if (!digits || !hex_value(r, digits, &cp))
            return fail(r, "bad escape");
        if (bytes)
            out[n++] = (char)cp;
        else
            n += py_utf8_encode(cp, out + n);
    }
    out[n] = '\0';
    *size = n;
    return out;
}

/* ---- containers ------------------------------------------------------------------------------ */

/* Items up to `close`, comma-separated, a trailing comma allowed. */
static py_list *items_until(reader *r, char close, bool *trailing_comma)
{
    py_list *items = py_list_new(0);
    *trailing_comma = false;
    if (accept(r, close))
        return items;
    for (;;) {
        py_val v = parse(r);
        if (!v)
            return NULL;
        py_list_append(items, v);
        *trailing_comma = accept(r, ',');
        if (accept(r, close))
            return items;
        if (!*trailing_comma)
            return fail(r, "expected ',' or a closing bracket");
    }
}

static py_val braces(reader *r)
{
    if (accept(r, '}'))
        return (py_val)py_dict_new();
    py_val first = parse(r);
    if (!first)
        return NULL;
    if (accept(r, ':')) {
        py_dict *d = py_dict_new();
        for (py_val key = first;;) {
            py_val value = parse(r);
            if (!value)
                return NULL;
            if (py_dict_set(d, key, value) < 0)
                return fail(r, test_exception_text());
            bool comma = accept(r, ',');
            if (accept(r, '}'))
                return (py_val)d;
            if (!comma || !(key = parse(r)) || !accept(r, ':'))
                return fail(r, "bad dict");
        }
    }
    py_val set = py_set_new(false);
    if (py_set_add(set, first) < 0)
        return fail(r, test_exception_text());
    bool trailing;
    py_list *rest = accept(r, ',') ? items_until(r, '}', &trailing) : (accept(r, '}') ? py_list_new(0) : NULL);
    if (!rest)
        return fail(r, "bad set");
    for (int64_t i = 0; i < rest->length; i++)
        if (py_set_add(set, rest->items[i]) < 0)
            return fail(r, test_exception_text());
    return set;
}

static py_val call(reader *r, py_val callable)
{
    bool trailing;
    py_list *args = items_until(r, ')', &trailing);
    if (!args)
        return NULL;
    py_val result = py_call(callable, args->items, (size_t)args->length, NULL);
    return result ? result : fail(r, test_exception_text());
}

static bool is_name_char(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static py_val word(reader *r)
{
    const char *start = r->at;
    while (r->at < r->end && is_name_char(*r->at))
        r->at++;
    return named(r, start, (size_t)(r->at - start));
}

/* .name and (arguments) after a value: attributes and calls. */
static py_val postfix(reader *r, py_val v)
{
    while (v && r->at < r->end && (*r->at == '.' || *r->at == '(')) {
        if (*r->at++ == '(') {
            v = call(r, v);
            continue;
        }
        const char *attr = r->at;
        while (r->at < r->end && is_name_char(*r->at))
            r->at++;
        v = py_getattr(v, py_str_new(attr, (size_t)(r->at - attr)));
        if (!v)
            return fail(r, test_exception_text());
    }
    return v;
}

static py_val primary(reader *r);

static py_val parse(reader *r)
{
    py_val v = primary(r);
    return postfix(r, v);
}

static py_val primary(reader *r)
{
    skip_space(r);
    if (r->at >= r->end)
        return fail(r, "unexpected end");
    char c = *r->at;
    if (c == '-' || c == '+') {
        r->at++;
        py_val v = parse(r);
        if (!v || c == '+')
            return v;
        py_val negated = py_type_of(v)->neg ? py_type_of(v)->neg(v) : NULL;
        return negated ? negated : fail(r, "bad negation");
    }
    if (c >= '0' && c <= '9')
        return number(r);
    if (c == '.' && r->at + 1 < r->end && r->at[1] >= '0' && r->at[1] <= '9')
        return number(r);
    if (c == '\'' || c == '"') {
        size_t size;
        char *text = quoted(r, false, &size);
        return text ? (py_val)py_str_new(text, size) : NULL;
    }
    if (c == 'b' && r->at + 1 < r->end && (r->at[1] == '\'' || r->at[1] == '"')) {
        r->at++;
        size_t size;
        char *text = quoted(r, true, &size);
        return text ? (py_val)py_bytes_new(text, size) : NULL;
    }
    bool trailing;
    if (c == '[') {
        r->at++;
        return (py_val)items_until(r, ']', &trailing);
    }
    if (c == '(') {
        r->at++;
        py_list *items = items_until(r, ')', &trailing);
        if (!items)
            return NULL;
        if (items->length == 1 && !trailing)
            return items->items[0];
        return (py_val)py_tuple_from(items->items, (size_t)items->length);
    }
    if (c == '{') {
        r->at++;
        return braces(r);
    }
    return word(r);
}

py_val test_literal(const char *text, size_t size, const char **error)
{
    reader r = {text, text + size, NULL};
    py_val v = parse(&r);
    skip_space(&r);
    if (v && r.at != r.end)
        v = fail(&r, "text after the value");
    *error = r.error;
    return v;
}
