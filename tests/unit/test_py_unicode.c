/* test_py_unicode.c — mtpy's Unicode library against CPython 3.11: every
 * code point's properties and case mappings, and str methods, repr() and
 * the UTF-8 checks on thousands of strings, as scripts/gen-py-unicode-cases
 * recorded them in tests/data/py_unicode_*.txt; then a few behaviours by name.
 */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "py_unicode.h"
#include "test_util.h"

TestSuite(py_unicode, .init = start_framework);

/* ---- reading the expectation files --------------------------------------- */

#define MAX_FIELDS 64
#define MAX_REPORTS 20

typedef struct field {
    char *text;
    size_t size;
} field;

typedef struct case_file {
    char *data, *next, *end;
    unsigned line, cases, mismatches;
    field fields[MAX_FIELDS];
    unsigned nfields;
} case_file;

static void open_cases(case_file *file, const char *name)
{
    const char *srcdir = getenv("MT_SRCDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/data/%s", srcdir ? srcdir : ".", name);
    size_t size;
    *file = (case_file){0};
    file->data = file->next = mt_read_file(path, &size);
    file->end = file->data + size;
}

/* The next line split at separator; false at the end of the file. */
static bool next_line(case_file *file, char separator)
{
    if (file->next >= file->end)
        return false;
    char *line = file->next, *newline = memchr(line, '\n', (size_t)(file->end - line));
    char *stop = newline ? newline : file->end;
    file->next = stop + 1;
    file->line++;
    file->nfields = 0;
    for (char *start = line;; start++) {
        char *at = memchr(start, separator, (size_t)(stop - start));
        char *finish = at ? at : stop;
        cr_assert_lt(file->nfields, MAX_FIELDS, "line %u: too many fields", file->line);
        file->fields[file->nfields++] = (field){start, (size_t)(finish - start)};
        *finish = '\0';
        if (!at)
            break;
        start = at;
    }
    file->cases++;
    return true;
}

static void mismatch(case_file *file, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void mismatch(case_file *file, const char *fmt, ...)
{
    if (file->mismatches++ >= MAX_REPORTS)
        return;
    char message[1024];
    va_list args;
    va_start(args, fmt);
    vsnprintf(message, sizeof message, fmt, args);
    va_end(args);
    cr_log_error("line %u: %s", file->line, message);
}

static void finish_cases(case_file *file, unsigned at_least)
{
    cr_expect_geq(file->cases, at_least, "only %u cases read", file->cases);
    cr_expect_eq(file->mismatches, 0, "%u differences from CPython in %u cases", file->mismatches,
                 file->cases);
}

/* A TEXT field: \xHH and \\ stand for bytes, \N for None (NULL). */
static py_text unquote(field f)
{
    if (f.size == 2 && !memcmp(f.text, "\\N", 2))
        return (py_text){NULL, 0};
    char *out = mt_alloc_atomic(f.size + 1);
    size_t size = 0;
    for (size_t i = 0; i < f.size; i++) {
        if (f.text[i] == '\\' && i + 1 < f.size && f.text[i + 1] == 'x' && i + 3 < f.size) {
            char hex[3] = {f.text[i + 2], f.text[i + 3], 0};
            out[size++] = (char)strtol(hex, NULL, 16);
            i += 3;
        } else if (f.text[i] == '\\' && i + 1 < f.size && f.text[i + 1] == '\\') {
            out[size++] = '\\';
            i++;
        } else {
            out[size++] = f.text[i];
        }
    }
    out[size] = '\0';
    return (py_text){out, size};
}

static bool same(py_text got, const char *data, size_t size)
{
    return got.data && got.size == size && !memcmp(got.data, data, size);
}

static bool same_field(py_text got, field expected)
{
    return same(got, expected.text, expected.size);
}

/* Text for a message: the bytes with non-ASCII and controls as \xHH. */
static const char *show(const char *data, size_t size)
{
    char *out = mt_alloc_atomic(size * 4 + 1), *at = out;
    for (size_t i = 0; i < size; i++) {
        unsigned char byte = (unsigned char)data[i];
        at += byte >= 0x20 && byte < 0x7F ? sprintf(at, "%c", byte) : sprintf(at, "\\x%02x", byte);
    }
    *at = '\0';
    return out;
}

/* ---- every code point ------------------------------------------------------ */

/* A text of a few code points. */
typedef struct small_text {
    char data[3 * PY_UTF8_MAX];
    size_t size;
} small_text;

static small_text text_of(const uint32_t *cps, size_t count)
{
    small_text t = {.size = 0};
    for (size_t i = 0; i < count && i < 3; i++)
        t.size += py_utf8_encode(cps[i], t.data + t.size);
    return t;
}

#define TEXT(...) text_of((const uint32_t[]){__VA_ARGS__}, \
                          sizeof((const uint32_t[]){__VA_ARGS__}) / sizeof(uint32_t))

/* The last code point of a text. */
static uint32_t last_code_point(py_text t)
{
    size_t offset = t.size;
    return t.size ? py_utf8_decode_before(t.data, &offset) : 0;
}

/* The code point at `index` of a text. */
static uint32_t code_point_at(py_text t, size_t index)
{
    size_t offset = py_utf8_offset(t.data, t.size, index);
    return offset < t.size ? py_utf8_decode(t.data, t.size, &offset) : 0;
}

#define SIGMA 0x3A3u
#define FINAL_SIGMA 0x3C2u

typedef bool (*predicate)(const char *s, size_t size);

static bool holds(predicate p, small_text t) { return p(t.data, t.size); }

static py_text lower_of(small_text t) { return py_str_lower(t.data, t.size); }

static size_t line_count(small_text t)
{
    size_t count;
    py_str_splitlines(t.data, t.size, false, &count);
    return count;
}

/* What each flag letter of py_unicode_chars.txt tests (see the generator). */
static bool flag_holds(char letter, uint32_t c)
{
    switch (letter) {
    case 'a': return holds(py_str_isalpha, TEXT(c));
    case 'd': return holds(py_str_isdecimal, TEXT(c));
    case 'g': return holds(py_str_isdigit, TEXT(c));
    case 'n': return holds(py_str_isnumeric, TEXT(c));
    case 'w': return holds(py_str_isalnum, TEXT(c));
    case 's': return holds(py_str_isspace, TEXT(c));
    case 'p': return holds(py_str_isprintable, TEXT(c));
    case 'i': return holds(py_str_isidentifier, TEXT(c));
    case 'c': return holds(py_str_isidentifier, TEXT('a', c));
    case 'l': return holds(py_str_islower, TEXT(c));
    case 'u': return holds(py_str_isupper, TEXT(c));
    case 't': return holds(py_str_istitle, TEXT(c));
    case 'L': return holds(py_str_islower, TEXT('a', c));
    case 'U': return holds(py_str_isupper, TEXT('A', c));
    case 'T': return holds(py_str_istitle, TEXT('A', c));
    case 'f': return last_code_point(lower_of(TEXT('A', c, SIGMA))) == FINAL_SIGMA;
    case 'F': return last_code_point(lower_of(TEXT(c, SIGMA))) == FINAL_SIGMA;
    case 'r': return code_point_at(lower_of(TEXT('A', SIGMA, c)), 1) == FINAL_SIGMA;
    case 'k': {
        small_text t = TEXT(c, 'a');
        return last_code_point(py_str_title(t.data, t.size)) == 'a';
    }
    case 'b': return line_count(TEXT('a', c, 'b')) == 2;
    }
    cr_assert_fail("no flag '%c'", letter);
    return false;
}

static const char flag_letters[] = "adgnwspiclutLUTfFrkb";

static bool has_flag(const char *flags, char letter) { return strchr(flags, letter) != NULL; }

/* The database's own bits, against the flags that observe them. */
static void check_properties(case_file *file, uint32_t cp, const char *category, const char *flags)
{
    static const struct {
        unsigned property;
        char letter;
    } direct[] = {
        {PY_UCD_ALPHA, 'a'},   {PY_UCD_DECIMAL, 'd'},      {PY_UCD_DIGIT, 'g'},
        {PY_UCD_NUMERIC, 'n'}, {PY_UCD_SPACE, 's'},        {PY_UCD_PRINTABLE, 'p'},
        {PY_UCD_XID_CONTINUE, 'c'}, {PY_UCD_LOWER, 'l'},   {PY_UCD_UPPER, 'u'},
        {PY_UCD_CASED, 'k'},   {PY_UCD_LINEBREAK, 'b'},
    };
    for (size_t i = 0; i < sizeof direct / sizeof direct[0]; i++)
        if (py_ucd_has(cp, direct[i].property) != has_flag(flags, direct[i].letter))
            mismatch(file, "U+%04X: property for flag '%c'", cp, direct[i].letter);
    if (py_ucd_has(cp, PY_UCD_XID_START) != (has_flag(flags, 'i') && cp != '_'))
        mismatch(file, "U+%04X: XID_Start", cp);
    if (py_ucd_has(cp, PY_UCD_TITLE) != !strcmp(category, "Lt"))
        mismatch(file, "U+%04X: titlecase property", cp);
    if (py_ucd_has(cp, PY_UCD_CASE_IGNORABLE) != (has_flag(flags, 'f') && has_flag(flags, 'r')))
        mismatch(file, "U+%04X: Case_Ignorable", cp);
    if (strcmp(py_ucd_category_name(py_ucd_category_of(cp)), category))
        mismatch(file, "U+%04X: category %s, CPython %s", cp,
                 py_ucd_category_name(py_ucd_category_of(cp)), category);
}

/* A mapping field: "+N" (cp + N) or "=HHHH.HHHH". */
static size_t parse_mapping(const char *text, uint32_t cp, uint32_t out[PY_CASE_MAX])
{
    if (text[0] != '=') {
        out[0] = (uint32_t)((long)cp + strtol(text, NULL, 10));
        return 1;
    }
    size_t length = 0;
    for (const char *at = text + 1; *at && length < PY_CASE_MAX;) {
        char *end;
        out[length++] = (uint32_t)strtoul(at, &end, 16);
        at = end + (*end == '.');
    }
    return length;
}

typedef py_text (*str_map)(const char *s, size_t size);

static const struct {
    const char *name;
    str_map map;
    int kind; /* the py_case_kind the database answers alone, or -1 */
} mappings[] = {
    {"upper", py_str_upper, PY_CASE_UPPER},  {"lower", py_str_lower, PY_CASE_LOWER},
    {"title", py_str_title, PY_CASE_TITLE},  {"casefold", py_str_casefold, PY_CASE_FOLD},
    {"swapcase", py_str_swapcase, -1},
};

static void check_mapping(case_file *file, uint32_t cp, int which, const char *expected_text)
{
    uint32_t expected[PY_CASE_MAX];
    size_t length = parse_mapping(expected_text, cp, expected);
    small_text alone = TEXT(cp), want = text_of(expected, length);
    if (!same(mappings[which].map(alone.data, alone.size), want.data, want.size))
        mismatch(file, "U+%04X: %s() differs from %s", cp, mappings[which].name, expected_text);
    if (mappings[which].kind < 0)
        return;
    uint32_t full[PY_CASE_MAX];
    size_t got = py_ucd_full_case(cp, (py_case_kind)mappings[which].kind, full);
    if (got != length || memcmp(full, expected, length * sizeof full[0]))
        mismatch(file, "U+%04X: full %s mapping differs", cp, mappings[which].name);
    if (py_ucd_simple_case(cp, (py_case_kind)mappings[which].kind) != expected[0])
        mismatch(file, "U+%04X: simple %s mapping differs", cp, mappings[which].name);
}

static void check_code_point(case_file *file, uint32_t cp)
{
    field *f = file->fields;
    const char *category = f[2].text, *flags = f[3].text;
    for (const char *letter = flag_letters; *letter; letter++)
        if (flag_holds(*letter, cp) != has_flag(flags, *letter))
            mismatch(file, "U+%04X: flag '%c' should be %s", cp, *letter,
                     has_flag(flags, *letter) ? "set" : "clear");
    check_properties(file, cp, category, flags);
    if (py_ucd_decimal(cp) != atoi(f[4].text) || py_ucd_digit(cp) != atoi(f[5].text))
        mismatch(file, "U+%04X: decimal %d digit %d, CPython %s %s", cp, py_ucd_decimal(cp),
                 py_ucd_digit(cp), f[4].text, f[5].text);
    for (int which = 0; which < 5; which++)
        check_mapping(file, cp, which, f[6 + which].text);
}

Test(py_unicode, every_code_point_has_cpythons_properties_and_case_mappings)
{
    case_file file;
    open_cases(&file, "py_unicode_chars.txt");
    uint32_t expected_first = 0;
    while (next_line(&file, ' ')) {
        cr_assert_eq(file.nfields, 11, "line %u: %u fields", file.line, file.nfields);
        uint32_t first = (uint32_t)strtoul(file.fields[0].text, NULL, 16);
        uint32_t last = (uint32_t)strtoul(file.fields[1].text, NULL, 16);
        cr_assert_eq(first, expected_first, "line %u: the runs leave a gap", file.line);
        for (uint32_t cp = first; cp <= last; cp++)
            check_code_point(&file, cp);
        expected_first = last + 1;
    }
    cr_expect_eq(expected_first, PY_UNICODE_MAX + 1, "the runs end at U+%04X", expected_first);
    file.cases = expected_first;
    finish_cases(&file, PY_UNICODE_MAX + 1);
}

/* ---- repr ------------------------------------------------------------------ */

Test(py_unicode, repr_and_ascii_write_what_cpython_writes)
{
    case_file file;
    open_cases(&file, "py_unicode_repr.txt");
    while (next_line(&file, '\t')) {
        field *f = file.fields;
        py_text input = unquote(f[1]);
        if (!strcmp(f[0].text, "bytes")) {
            py_text got = py_bytes_repr(input.data, input.size);
            if (!same_field(got, f[2]))
                mismatch(&file, "repr(bytes) is %s, CPython %s", got.data, f[2].text);
            continue;
        }
        py_text repr = py_str_repr(input.data, input.size);
        py_text ascii = py_str_ascii(input.data, input.size);
        if (!same_field(repr, f[2]))
            mismatch(&file, "repr is %s, CPython %s", show(repr.data, repr.size),
                     show(f[2].text, f[2].size));
        if (!same_field(ascii, f[3]))
            mismatch(&file, "ascii is %s, CPython %s", ascii.data, f[3].text);
    }
    finish_cases(&file, 3000);
}

/* ---- UTF-8 ----------------------------------------------------------------- */

/* Valid bytes decode to `length` code points that encode back to them. */
static bool round_trips(py_text bytes, size_t length)
{
    char again[PY_UTF8_MAX];
    size_t offset = 0, count = 0;
    while (offset < bytes.size) {
        size_t start = offset;
        size_t size = py_utf8_encode(py_utf8_decode(bytes.data, bytes.size, &offset), again);
        if (size != offset - start || memcmp(again, bytes.data + start, size))
            return false;
        count++;
    }
    return count == length && py_utf8_length(bytes.data, bytes.size) == length;
}

static void check_decode(case_file *file, py_text bytes, bool ok, field expected)
{
    py_utf8_error error;
    bool valid = py_utf8_check(bytes.data, bytes.size, &error);
    if (valid != ok) {
        mismatch(file, "%s: py_utf8_check says %s", show(bytes.data, bytes.size),
                 valid ? "valid" : py_utf8_decode_error_message(bytes.data, &error));
        return;
    }
    if (ok && !round_trips(bytes, strtoul(expected.text, NULL, 10)))
        mismatch(file, "%s: does not decode to %s code points", show(bytes.data, bytes.size),
                 expected.text);
    if (!ok && strcmp(py_utf8_decode_error_message(bytes.data, &error), expected.text))
        mismatch(file, "message \"%s\", CPython \"%s\"",
                 py_utf8_decode_error_message(bytes.data, &error), expected.text);
}

static void check_encode(case_file *file, py_text text, bool ok, field expected)
{
    py_utf8_error error;
    bool valid = py_utf8_check_encodable(text.data, text.size, &error);
    if (valid != ok)
        mismatch(file, "%s: py_utf8_check_encodable says %d", show(text.data, text.size), valid);
    else if (!ok) {
        const char *message = py_utf8_encode_error_message(text.data, text.size, &error);
        if (strcmp(message, expected.text))
            mismatch(file, "message \"%s\", CPython \"%s\"", message, expected.text);
    }
}

Test(py_unicode, utf8_checks_give_cpythons_verdicts_and_messages)
{
    case_file file;
    open_cases(&file, "py_unicode_utf8.txt");
    while (next_line(&file, '\t')) {
        field *f = file.fields;
        bool ok = !strcmp(f[2].text, "ok");
        field expected = file.nfields > 3 ? f[3] : (field){"", 0};
        if (!strcmp(f[0].text, "decode"))
            check_decode(&file, unquote(f[1]), ok, expected);
        else
            check_encode(&file, unquote(f[1]), ok, expected);
    }
    finish_cases(&file, 3000);
}

/* ---- str methods ----------------------------------------------------------- */

typedef py_span *(*split_function)(const char *s, size_t size, const char *sep, size_t sep_size,
                                   int64_t maxsplit, size_t *count);
typedef py_text (*pad_function)(const char *s, size_t size, int64_t width, uint32_t fill);
typedef py_text (*width_function)(const char *s, size_t size, int64_t width);

/* One method of py_unicode_methods.txt: how to run it and what it calls. */
typedef struct method {
    const char *name;
    void (*run)(case_file *file, const struct method *m, py_text s, const field *arg);
    predicate test;
    str_map map;
    py_strip_side side;
    split_function split;
    pad_function pad;
    width_function widen;
} method;

static void expect_result(case_file *file, const method *m, py_text s, py_text got, field want)
{
    py_text expected = unquote(want);
    if (!same(got, expected.data, expected.size))
        mismatch(file, "%s(%s) is %s, CPython %s", m->name, show(s.data, s.size),
                 got.data ? show(got.data, got.size) : "NULL", show(expected.data, expected.size));
}

/* The spans against a count field followed by that many TEXT fields. */
static void expect_pieces(case_file *file, const method *m, py_text s, const py_span *spans,
                          size_t count, const field *want)
{
    bool ok = count == strtoul(want[0].text, NULL, 10);
    for (size_t i = 0; ok && i < count; i++) {
        py_text piece = unquote(want[1 + i]);
        ok = spans[i].size == piece.size &&
             !memcmp(s.data + spans[i].start, piece.data, piece.size);
    }
    if (!ok)
        mismatch(file, "%s(%s) gives other pieces (%zu, CPython %s)", m->name,
                 show(s.data, s.size), count, want[0].text);
}

static void run_predicate(case_file *file, const method *m, py_text s, const field *arg)
{
    const char *got = m->test(s.data, s.size) ? "True" : "False";
    if (strcmp(got, arg[0].text))
        mismatch(file, "%s(%s) is %s", m->name, show(s.data, s.size), got);
}

static void run_map(case_file *file, const method *m, py_text s, const field *arg)
{
    expect_result(file, m, s, m->map(s.data, s.size), arg[0]);
}

static void run_strip(case_file *file, const method *m, py_text s, const field *arg)
{
    py_text chars = unquote(arg[0]);
    py_span kept = py_str_strip(s.data, s.size, chars.data, chars.size, m->side);
    expect_result(file, m, s, (py_text){s.data + kept.start, kept.size}, arg[1]);
}

static void run_split(case_file *file, const method *m, py_text s, const field *arg)
{
    py_text sep = unquote(arg[0]);
    size_t count;
    py_span *spans = m->split(s.data, s.size, sep.data, sep.size, atoll(arg[1].text), &count);
    expect_pieces(file, m, s, spans, count, arg + 2);
}

static void run_splitlines(case_file *file, const method *m, py_text s, const field *arg)
{
    size_t count;
    py_span *spans = py_str_splitlines(s.data, s.size, atoi(arg[0].text), &count);
    expect_pieces(file, m, s, spans, count, arg + 1);
}

static void run_pad(case_file *file, const method *m, py_text s, const field *arg)
{
    py_text fill = unquote(arg[1]);
    size_t offset = 0;
    uint32_t fill_code_point = py_utf8_decode(fill.data, fill.size, &offset);
    expect_result(file, m, s, m->pad(s.data, s.size, atoll(arg[0].text), fill_code_point), arg[2]);
}

static void run_width(case_file *file, const method *m, py_text s, const field *arg)
{
    expect_result(file, m, s, m->widen(s.data, s.size, atoll(arg[0].text)), arg[1]);
}

static const method methods[] = {
    {"isalpha", run_predicate, .test = py_str_isalpha},
    {"isdecimal", run_predicate, .test = py_str_isdecimal},
    {"isdigit", run_predicate, .test = py_str_isdigit},
    {"isnumeric", run_predicate, .test = py_str_isnumeric},
    {"isalnum", run_predicate, .test = py_str_isalnum},
    {"isspace", run_predicate, .test = py_str_isspace},
    {"isprintable", run_predicate, .test = py_str_isprintable},
    {"isascii", run_predicate, .test = py_str_isascii},
    {"isidentifier", run_predicate, .test = py_str_isidentifier},
    {"islower", run_predicate, .test = py_str_islower},
    {"isupper", run_predicate, .test = py_str_isupper},
    {"istitle", run_predicate, .test = py_str_istitle},
    {"upper", run_map, .map = py_str_upper},
    {"lower", run_map, .map = py_str_lower},
    {"title", run_map, .map = py_str_title},
    {"capitalize", run_map, .map = py_str_capitalize},
    {"swapcase", run_map, .map = py_str_swapcase},
    {"casefold", run_map, .map = py_str_casefold},
    {"to_ascii_number", run_map, .map = py_str_to_ascii_number},
    {"strip", run_strip, .side = PY_STRIP_BOTH},
    {"lstrip", run_strip, .side = PY_STRIP_LEFT},
    {"rstrip", run_strip, .side = PY_STRIP_RIGHT},
    {"split", run_split, .split = py_str_split},
    {"rsplit", run_split, .split = py_str_rsplit},
    {.name = "splitlines", .run = run_splitlines},
    {"ljust", run_pad, .pad = py_str_ljust},
    {"rjust", run_pad, .pad = py_str_rjust},
    {"center", run_pad, .pad = py_str_center},
    {"zfill", run_width, .widen = py_str_zfill},
    {"expandtabs", run_width, .widen = py_str_expandtabs},
};

static const method *find_method(const char *name)
{
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        if (!strcmp(methods[i].name, name))
            return &methods[i];
    return NULL;
}

Test(py_unicode, str_methods_answer_as_cpython_on_random_strings)
{
    case_file file;
    open_cases(&file, "py_unicode_methods.txt");
    while (next_line(&file, '\t')) {
        const method *m = find_method(file.fields[0].text);
        cr_assert(m, "line %u: unknown method %s", file.line, file.fields[0].text);
        m->run(&file, m, unquote(file.fields[1]), file.fields + 2);
    }
    finish_cases(&file, 8000);
}

/* ---- behaviours by name ------------------------------------------------------ */

static py_text apply(str_map map, const char *s) { return map(s, strlen(s)); }

#define expect_text(got, want)                                                                  \
    do {                                                                                        \
        py_text got_ = (got);                                                                   \
        const char *want_ = (want);                                                             \
        cr_expect(same(got_, want_, strlen(want_)), "%s is \"%s\", not \"%s\"", #got,            \
                  show(got_.data, got_.size), show(want_, strlen(want_)));                       \
    } while (0)

Test(py_unicode, sharp_s_uppercases_to_two_letters_and_ligatures_titlecase_to_one_capital)
{
    expect_text(apply(py_str_upper, "stra\u00dfe"), "STRASSE");
    expect_text(apply(py_str_casefold, "STRA\u00dfE"), "strasse");
    expect_text(apply(py_str_title, "\ufb03x"), "Ffix");
    cr_expect_eq(py_ucd_simple_case(0xDF, PY_CASE_UPPER), 'S');
}

Test(py_unicode, capital_sigma_lowers_to_final_sigma_only_at_the_end_of_a_word)
{
    expect_text(apply(py_str_lower, "\u039f\u0394\u039f\u03a3 \u039f\u0394\u039f\u03a3."),
                "\u03bf\u03b4\u03bf\u03c2 \u03bf\u03b4\u03bf\u03c2.");
    expect_text(apply(py_str_lower, "\u03a3"), "\u03c3");
    expect_text(apply(py_str_lower, "A\u03a3B"), "a\u03c3b");
    /* The apostrophe is case-ignorable: the sigma still ends the word. */
    expect_text(apply(py_str_lower, "A'\u03a3'"), "a'\u03c2'");
    expect_text(apply(py_str_swapcase, "\u03a3\u0391\u03a3"), "\u03c3\u03b1\u03c2");
}

Test(py_unicode, dotted_capital_i_lowers_to_i_and_a_combining_dot)
{
    expect_text(apply(py_str_lower, "\u0130"), "i\u0307");
    cr_expect_eq(py_ucd_simple_case(0x130, PY_CASE_LOWER), 'i');
}

Test(py_unicode, title_starts_a_word_after_every_uncased_character)
{
    expect_text(apply(py_str_title, "they're bill's"), "They'Re Bill'S");
    expect_text(apply(py_str_capitalize, "\u01c6emal"), "\u01c5emal");
    cr_expect(py_str_istitle("They'Re", 7));
    cr_expect_not(py_str_istitle("They're", 7));
}

Test(py_unicode, identifiers_start_with_xid_start_or_underscore)
{
    cr_expect(py_str_isidentifier("_x1", 3));
    cr_expect_not(py_str_isidentifier("1x", 2));
    cr_expect_not(py_str_isidentifier("", 0));
    cr_expect(py_str_isidentifier("\u2118", 3));  /* Other_ID_Start */
    cr_expect(py_str_isidentifier("a\u00b7", 3)); /* Other_ID_Continue */
    cr_expect_not(py_str_isidentifier("\u00b7", 2));
    cr_expect_eq(py_str_scan_identifier("ab\u20acc", 6), 2);
    cr_expect_eq(py_str_scan_identifier("abc", 3), 3);
}

Test(py_unicode, int_reads_any_decimal_digit_and_unicode_space)
{
    cr_expect_eq(py_ucd_decimal(0x663), 3); /* ARABIC-INDIC DIGIT THREE */
    cr_expect_eq(py_ucd_decimal(0xB2), -1); /* superscript two: a digit, not a decimal */
    cr_expect_eq(py_ucd_digit(0xB2), 2);
    expect_text(apply(py_str_to_ascii_number, "\u3000\u0663\u0664_5\u2003"), " 34_5 ");
    expect_text(apply(py_str_to_ascii_number, "1\u0663\u20ac5"), "13?");
    expect_text(apply(py_str_to_ascii_number, "12\x7f"), "12\x7f"); /* ASCII stays as it is */
}

Test(py_unicode, repr_picks_the_quote_that_needs_no_escape)
{
    expect_text(apply(py_str_repr, "it's"), "\"it's\"");
    expect_text(apply(py_str_repr, "'\""), "'\\'\"'");
    expect_text(py_str_repr("\t\0\u00e9\u200b\U0001F600\x7f\\", 13),
                "'\\t\\x00\u00e9\\u200b\U0001F600\\x7f\\\\'");
    expect_text(apply(py_str_ascii, "\u00e9\U0001F600"), "'\\xe9\\U0001f600'");
    expect_text(apply(py_str_repr, "\xed\xa0\x80"), "'\\ud800'"); /* a lone surrogate */
    expect_text(apply(py_bytes_repr, "it's"), "b\"it's\"");
    expect_text(apply(py_bytes_repr, "\x80\\'\""), "b'\\x80\\\\\\'\"'");
}

static const char *decode_message(const char *bytes, size_t size)
{
    py_utf8_error error;
    return py_utf8_check(bytes, size, &error) ? "ok" : py_utf8_decode_error_message(bytes, &error);
}

Test(py_unicode, invalid_utf8_is_reported_in_cpythons_words)
{
    cr_expect_str_eq(decode_message("abc\xff", 4),
                     "'utf-8' codec can't decode byte 0xff in position 3: invalid start byte");
    cr_expect_str_eq(decode_message("a\xe2\x82z", 4),
                     "'utf-8' codec can't decode bytes in position 1-2: invalid continuation byte");
    cr_expect_str_eq(decode_message("\xed\xa0\x80", 3), /* an encoded surrogate */
                     "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte");
    cr_expect_str_eq(decode_message("\xf0\x90\x80", 3),
                     "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data");
    cr_expect_str_eq(decode_message("a\0\xc3\xa9", 4), "ok");
}

Test(py_unicode, lone_surrogates_cannot_be_encoded)
{
    py_utf8_error error;
    const char *text = "a\xed\xa0\x80\xed\xb0\x80z";
    cr_assert_not(py_utf8_check_encodable(text, 8, &error));
    cr_expect_eq(error.start, 1);
    cr_expect_eq(error.end, 3);
    cr_expect_str_eq(py_utf8_encode_error_message(text, 8, &error),
                     "'utf-8' codec can't encode characters in position 1-2: surrogates not allowed");
    cr_assert_not(py_utf8_check_encodable(text, 4, &error));
    cr_expect_str_eq(py_utf8_encode_error_message(text, 4, &error),
                     "'utf-8' codec can't encode character '\\ud800' in position 1: surrogates not allowed");
}

Test(py_unicode, indexes_count_code_points_not_bytes)
{
    const char *s = "a\u00e9\U0001F600b"; /* 1 + 2 + 4 + 1 bytes */
    cr_expect_eq(py_utf8_length(s, 8), 4);
    cr_expect_eq(py_utf8_offset(s, 8, 2), 3);
    cr_expect_eq(py_utf8_offset(s, 8, 3), 7);
    cr_expect_eq(py_utf8_offset(s, 8, 9), 8);
    cr_expect_eq(py_utf8_index(s, 7), 3);
    size_t offset = 7;
    cr_expect_eq(py_utf8_decode_before(s, &offset), 0x1F600);
    cr_expect_eq(offset, 3);
}

Test(py_unicode, stray_bytes_read_as_replacement_characters_within_bounds)
{
    const char s[] = "\xe2\x82";
    size_t offset = 0;
    cr_expect_eq(py_utf8_decode(s, 2, &offset), 0xFFFD);
    cr_expect_eq(offset, 1);
    cr_expect_eq(py_utf8_decode(s, 2, &offset), 0xFFFD);
    cr_expect_eq(offset, 2);
    offset = 2;
    cr_expect_eq(py_utf8_decode_before(s, &offset), 0xFFFD);
    cr_expect_eq(offset, 1);
    offset = 0;
    cr_expect_eq(py_utf8_decode("\xc0\x80", 2, &offset), 0xFFFD); /* overlong NUL */
}

Test(py_unicode, code_points_beyond_unicode_answer_as_unassigned)
{
    cr_expect_eq(py_ucd_category_of(0x110000), PY_UCD_Cn);
    cr_expect_eq(py_ucd_properties(0xFFFFFFFF), 0);
    cr_expect_eq(py_ucd_digit(0x110000), -1);
    cr_expect_eq(py_ucd_simple_case(0x110000, PY_CASE_UPPER), 0x110000);
}

Test(py_unicode, default_whitespace_includes_the_ascii_separators_and_unicode_spaces)
{
    const char *s = "a\x1c" "b\x1f" "c\xc2\x85" "d\u3000e"; /* U+0085 NEXT LINE */
    size_t count;
    py_span *pieces = py_str_split(s, strlen(s), NULL, 0, -1, &count);
    cr_assert_eq(count, 5);
    cr_expect_eq(pieces[4].start, strlen(s) - 1);
    py_span kept = py_str_strip("  \u3000hi\x1f ", 9, NULL, 0, PY_STRIP_BOTH);
    cr_expect_eq(kept.start, 5);
    cr_expect_eq(kept.size, 2);
    cr_expect_null(py_str_split("abc", 3, "", 0, -1, &count), "an empty separator is an error");
    cr_expect_eq(count, 0);
}

Test(py_unicode, splitlines_reads_crlf_as_one_break)
{
    size_t count;
    py_span *lines = py_str_splitlines("a\r\nb\rc\n\nd", 10, true, &count);
    cr_assert_eq(count, 5);
    cr_expect_eq(lines[0].size, 3);
    cr_expect_eq(lines[3].size, 1);
    lines = py_str_splitlines("a\r\n", 3, false, &count);
    cr_assert_eq(count, 1);
    cr_expect_eq(lines[0].size, 1);
}

Test(py_unicode, padding_counts_code_points_and_zfill_keeps_the_sign_first)
{
    expect_text(py_str_center("abc", 3, 6, '*'), "*abc**");
    expect_text(py_str_center("ab", 2, 5, '*'), "**ab*");
    expect_text(py_str_ljust("\u00e9", 2, 3, 0x20AC), "\u00e9\u20ac\u20ac");
    expect_text(py_str_zfill("-42", 3, 5), "-0042");
    expect_text(py_str_zfill("+", 1, 3), "+00");
    expect_text(py_str_zfill("", 0, 3), "000");
    expect_text(py_str_expandtabs("\u00e9\tx\n\ty", 7, 4), "\u00e9   x\n    y");
}

Test(py_unicode, results_too_long_for_memory_are_refused)
{
    cr_expect_null(py_str_ljust("a", 1, INT64_MAX, 0x1F600).data);
    cr_expect_null(py_str_expandtabs("\t\t", 2, INT64_MAX).data);
}
