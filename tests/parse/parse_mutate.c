/* parse_mutate.c — the parser's robustness test: `parse-mutate N FILE...`
 * parses N seeded random mutations of the given programs (deleted,
 * duplicated, inserted and replaced bytes and tokens, cut files, stray
 * brackets, quotes, indentation, NUL and invalid UTF-8), plus a few inputs
 * nested far past any limit.  Each parse runs in a child process with a
 * time limit and must end in a dump or a well-formed SyntaxError report:
 * never a signal, a hang or another exit.  Prints a FAIL line per failure
 * (the input is kept for reproduction) and "N passed, N failed". */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mt.h"
#include "py_parse.h"

enum { SEED = 20261201, CHILD_SECONDS = 10, EXIT_DUMPED = 0, EXIT_SYNTAX_ERROR = 1,
       EXIT_BAD_REPORT = 3 };

typedef struct text {
    char *data;
    size_t len;
} text;

static uint64_t rng_state = SEED;

/* splitmix64: deterministic across machines and libc versions. */
static uint64_t next_random(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static size_t random_below(size_t n) { return n ? (size_t)(next_random() % n) : 0; }

static const char *const fragments[] = {
    "(", ")", "[", "]", "{", "}", "'", "\"", "\"\"\"", "'''", ":", ",", ".", "=", "\\",
    "\\\n", "\n", "\n    ", "\t", "    ", " ", "#", "@", "*", "**", ":=", "->", "...",
    "f'{", "f\"{x!r:{y}}\"", "}", "{{", "b'", "rb'", "u'", "0x", "1_", "1e", "0o8", "1j",
    "lambda", "if", "else", "elif", "for", "in", "not", "async", "await", "yield", "match",
    "case", "_", "def", "class", "return", "try:", "except*", "with (", "import", "from .",
    "\x00", "\xff", "\xc3", "\xc3\xa9", "\xe2\x80\xa6", "\xef\xbb\xbf", "\f", "\r", "\r\n",
    "\x01", "$", "?", "!", "<>", "\\N{", "\\x", "\\u12", "x = ", "f() = ", "*a, = ",
};

static void replace_range(text *t, size_t at, size_t remove, const char *insert, size_t len)
{
    char *data = malloc(t->len - remove + len + 1);
    memcpy(data, t->data, at);
    memcpy(data + at, insert, len);
    memcpy(data + at + len, t->data + at + remove, t->len - at - remove);
    t->len = t->len - remove + len;
    data[t->len] = '\0';
    free(t->data);
    t->data = data;
}

/* Where line `n` (0-based, modulo the line count) starts. */
static size_t line_offset(const text *t, size_t n)
{
    size_t lines = 1;
    for (size_t i = 0; i < t->len; i++)
        lines += t->data[i] == '\n';
    n %= lines;
    size_t at = 0;
    while (n > 0 && at < t->len)
        n -= t->data[at++] == '\n';
    return at;
}

static void mutate(text *t)
{
    size_t at = random_below(t->len + 1);
    size_t span = 1 + random_below(16);
    if (span > t->len - at)
        span = t->len - at;
    switch (random_below(8)) {
    case 0: /* delete a range */
        replace_range(t, at, span, "", 0);
        break;
    case 1: { /* duplicate a range */
        char *copy = malloc(span + 1);
        memcpy(copy, t->data + at, span);
        replace_range(t, at, 0, copy, span);
        free(copy);
        break;
    }
    case 2: { /* insert a random byte */
        char byte = (char)random_below(256);
        replace_range(t, at, 0, &byte, 1);
        break;
    }
    case 3: { /* replace a byte with a fragment's first byte */
        const char *f = fragments[random_below(sizeof fragments / sizeof *fragments)];
        if (at < t->len)
            replace_range(t, at, 1, f, 1);
        break;
    }
    case 4: /* cut the file short */
        t->len = at;
        t->data[at] = '\0';
        break;
    case 5: { /* insert a token-like fragment */
        const char *f = fragments[random_below(sizeof fragments / sizeof *fragments)];
        replace_range(t, at, 0, f, strlen(f));
        break;
    }
    case 6: { /* duplicate a whole line elsewhere */
        size_t from = line_offset(t, random_below(64));
        size_t end = from;
        while (end < t->len && t->data[end] != '\n')
            end++;
        char *line = malloc(end - from + 2);
        memcpy(line, t->data + from, end - from);
        line[end - from] = '\n';
        replace_range(t, line_offset(t, random_below(64)), 0, line, end - from + 1);
        free(line);
        break;
    }
    default: { /* indent or dedent a line */
        size_t line = line_offset(t, random_below(64));
        if (random_below(2) && line < t->len && (t->data[line] == ' ' || t->data[line] == '\t'))
            replace_range(t, line, 1, "", 0);
        else
            replace_range(t, line, 0, random_below(2) ? "\t" : "  ", random_below(2) ? 1 : 2);
        break;
    }
    }
}

/* A report must look like CPython's: File/line header (when located) and
 * a last line "Kind: message". */
static bool well_formed(const py_syntax_error *err, const char *report)
{
    if (!err->message || !err->message[0] || err->lineno < 0)
        return false;
    if (err->lineno > 0 && strncmp(report, "  File \"", 8))
        return false;
    size_t len = strlen(report);
    if (len == 0 || report[len - 1] != '\n')
        return false;
    const char *last = report + len - 1;
    while (last > report && last[-1] != '\n')
        last--;
    static const char *const kinds[] = {"SyntaxError: ", "IndentationError: ", "TabError: "};
    for (size_t i = 0; i < 3; i++)
        if (!strncmp(last, kinds[i], strlen(kinds[i])))
            return true;
    return false;
}

/* The child: parse, dump or report, and say which by the exit status. */
static void parse_in_child(const text *t)
{
    alarm(CHILD_SECONDS);
    py_syntax_error err;
    py_node *module = py_parse_module(t->data, t->len, "mutant.py", &err);
    FILE *sink = fopen("/dev/null", "w");
    if (module) {
        py_ast_dump(module, true, sink);
        _exit(EXIT_DUMPED);
    }
    char *report = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&report, &size);
    py_syntax_error_print(&err, out);
    fclose(out);
    _exit(well_formed(&err, report) ? EXIT_SYNTAX_ERROR : EXIT_BAD_REPORT);
}

static void keep_input(const text *t, const char *name, char *path, size_t size)
{
    const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    snprintf(path, size, "%s/parse-mutate-%s.py", dir, name);
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(t->data, 1, t->len, f);
        fclose(f);
    }
}

/* Run one input; true when it ended in a dump or a clean SyntaxError. */
static bool check(const text *t, const char *name)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0)
        mt_die(2, "fork: %s", strerror(errno));
    if (pid == 0)
        parse_in_child(t);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (WIFEXITED(status) &&
        (WEXITSTATUS(status) == EXIT_DUMPED || WEXITSTATUS(status) == EXIT_SYNTAX_ERROR))
        return true;
    char path[4096];
    keep_input(t, name, path, sizeof path);
    if (WIFSIGNALED(status))
        printf("FAIL %s: %s (input kept in %s)\n", name,
               WTERMSIG(status) == SIGALRM ? "hung" : strsignal(WTERMSIG(status)), path);
    else if (WEXITSTATUS(status) == EXIT_BAD_REPORT)
        printf("FAIL %s: malformed SyntaxError report (input kept in %s)\n", name, path);
    else
        printf("FAIL %s: exit status %d (input kept in %s)\n", name, WEXITSTATUS(status), path);
    return false;
}

static text repeated(const char *prefix, const char *unit, size_t count, const char *suffix)
{
    size_t len = strlen(prefix) + strlen(unit) * count + strlen(suffix);
    text t = {malloc(len + 1), 0};
    t.data[0] = '\0';
    strcat(t.data, prefix);
    t.len = strlen(prefix);
    for (size_t i = 0; i < count; i++) {
        memcpy(t.data + t.len, unit, strlen(unit));
        t.len += strlen(unit);
    }
    memcpy(t.data + t.len, suffix, strlen(suffix) + 1);
    t.len += strlen(suffix);
    return t;
}

/* Inputs nested far deeper than any limit: each must give a clean error. */
static void deep_inputs(int *passed, int *failed)
{
    static const struct {
        const char *name, *prefix, *unit, *suffix;
    } cases[] = {
        {"deep-unary-minus", "x = ", "-", "1\n"},
        {"deep-not", "x = ", "not ", "1\n"},
        {"deep-power", "x = ", "2 ** ", "2\n"},
        {"deep-lambda", "x = ", "lambda: ", "1\n"},
        {"deep-conditional", "x = ", "a if b else ", "c\n"},
        {"long-sum", "x = 1", " + 1", "\n"},
        {"long-attribute-chain", "x = a", ".b", "\n"},
        {"long-call-chain", "x = f", "()", "\n"},
        {"deep-starred-target", "for ", "*", "a in b: pass\n"},
        {"deep-brackets", "x = ", "([{", "\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        text t = repeated(cases[i].prefix, cases[i].unit, 100000, cases[i].suffix);
        if (check(&t, cases[i].name))
            ++*passed;
        else
            ++*failed;
        free(t.data);
    }
}

int main(int argc, char **argv)
{
    mt_init("parse-mutate");
    if (argc < 3)
        mt_die(2, "usage: parse-mutate COUNT FILE...");
    long count = strtol(argv[1], NULL, 10);
    int nfiles = argc - 2;
    text *corpus = malloc((size_t)nfiles * sizeof *corpus);
    for (int i = 0; i < nfiles; i++) {
        corpus[i].data = mt_read_file(argv[i + 2], &corpus[i].len);
        if (!corpus[i].data)
            mt_die(2, "cannot read %s: %s", argv[i + 2], strerror(errno));
    }
    int passed = 0, failed = 0;
    for (long n = 0; n < count; n++) {
        const text *original = &corpus[random_below((size_t)nfiles)];
        text t = {malloc(original->len + 1), original->len};
        memcpy(t.data, original->data, original->len + 1);
        for (size_t k = 1 + random_below(3); k > 0; k--)
            mutate(&t);
        char name[32];
        snprintf(name, sizeof name, "mutation-%ld", n);
        if (check(&t, name))
            passed++;
        else
            failed++;
        free(t.data);
    }
    deep_inputs(&passed, &failed);
    free(corpus);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
