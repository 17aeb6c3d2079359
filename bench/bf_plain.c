/* bf_plain.c — the baseline Brainfuck interpreter for bench/run.
 *
 * What an interpreter author would write by hand without any framework:
 * parse into an array of ops with runs of + - < > folded into one op each
 * and the jump targets of [ ] precomputed, then run a switch loop.  No
 * other optimizations (no clear-loop or multiply-loop recognition), so it
 * is a well-defined baseline.
 *
 * Semantics are mtbf's: byte cells wrapping mod 256; a tape unbounded in
 * both directions (grown on demand); ',' at end of input leaves the cell
 * unchanged; any other byte is a comment; unbalanced brackets are reported
 * as FILE:LINE:COL (1-based, columns in bytes) and the program does not run
 * (exit status 2).
 *
 * Usage: bf_plain FILE.b     (input for ',' from stdin)
 * Build: gcc -O2 -o bf_plain bf_plain.c
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum op { OP_ADD, OP_MOVE, OP_OUT, OP_IN, OP_OPEN, OP_CLOSE, OP_END };

struct insn {
    enum op op;
    long arg; /* ADD: amount mod 256; MOVE: signed distance;
                 OPEN/CLOSE: index of the matching bracket's insn */
};

static void die(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("bf_plain: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(status);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p)
        die(1, "out of memory");
    return p;
}

static char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die(2, "cannot open '%s': %s", path, strerror(errno));
    size_t cap = 1 << 16, len = 0, n;
    char *buf = xrealloc(NULL, cap);
    while ((n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap)
            buf = xrealloc(buf, cap *= 2);
    }
    if (ferror(f))
        die(2, "cannot read '%s': %s", path, strerror(errno));
    fclose(f);
    *size = len;
    return buf;
}

/* Report the bracket mtbf reports: the first ']' with no open '[', else
 * the leftmost '[' that is never closed. */
static void check_brackets(const char *path, const char *src, size_t size)
{
    size_t depth = 0;
    long line = 1, col = 0, open_line = 0, open_col = 0;
    for (size_t i = 0; i < size; i++) {
        col++;
        if (src[i] == '\n') {
            line++;
            col = 0;
        } else if (src[i] == '[') {
            /* If any '[' stays unclosed, the leftmost one is the last '['
             * opened at depth 0. */
            if (depth++ == 0) {
                open_line = line;
                open_col = col;
            }
        } else if (src[i] == ']') {
            if (depth == 0)
                die(2, "%s:%ld:%ld: unmatched '%c'", path, line, col, ']');
            depth--;
        }
    }
    if (depth > 0)
        die(2, "%s:%ld:%ld: unmatched '%c'", path, open_line, open_col, '[');
}

static struct insn *parse(const char *src, size_t size)
{
    size_t n = 0, cap = 1024, depth = 0, stack_cap = 64;
    struct insn *code = xrealloc(NULL, cap * sizeof *code);
    size_t *stack = xrealloc(NULL, stack_cap * sizeof *stack);

    for (size_t i = 0; i < size; i++) {
        enum op op;
        long arg = 0;
        switch (src[i]) {
        case '+': op = OP_ADD; arg = 1; break;
        case '-': op = OP_ADD; arg = -1; break;
        case '>': op = OP_MOVE; arg = 1; break;
        case '<': op = OP_MOVE; arg = -1; break;
        case '.': op = OP_OUT; break;
        case ',': op = OP_IN; break;
        case '[': op = OP_OPEN; break;
        case ']': op = OP_CLOSE; break;
        default: continue; /* a comment byte */
        }
        /* Fold runs: "+++" is one ADD 3, "<<>" one MOVE -1. */
        if ((op == OP_ADD || op == OP_MOVE) && n > 0 && code[n - 1].op == op) {
            code[n - 1].arg += arg;
            continue;
        }
        if (n + 2 > cap)
            code = xrealloc(code, (cap *= 2) * sizeof *code);
        if (op == OP_OPEN) {
            if (depth == stack_cap)
                stack = xrealloc(stack, (stack_cap *= 2) * sizeof *stack);
            stack[depth++] = n;
        } else if (op == OP_CLOSE) {
            size_t open = stack[--depth]; /* balanced: checked before */
            code[open].arg = (long)n;
            arg = (long)open;
        }
        code[n].op = op;
        code[n].arg = arg;
        n++;
    }
    for (size_t i = 0; i < n; i++)
        if (code[i].op == OP_ADD)
            code[i].arg &= 255;
    code[n].op = OP_END;
    code[n].arg = 0;
    free(stack);
    return code;
}

/* The tape: cells[0 .. len), the pointer is an index into it.  Only MOVE
 * changes the index, so only MOVE checks bounds; growing at the left end
 * shifts the contents and returns the shifted index. */
static uint8_t *cells;
static size_t tape_len;

static size_t grow(long pos)
{
    size_t old = tape_len, len = old;
    size_t need = pos < 0 ? old + (size_t)-pos : (size_t)pos + 1;
    while (len < need)
        len *= 2;
    cells = xrealloc(cells, len);
    size_t added = len - old;
    if (pos < 0) { /* new cells go in front */
        memmove(cells + added, cells, old);
        memset(cells, 0, added);
        pos += (long)added;
    } else {
        memset(cells + old, 0, added);
    }
    tape_len = len;
    return (size_t)pos;
}

static void run(const struct insn *code)
{
    tape_len = 1 << 16;
    cells = xrealloc(NULL, tape_len);
    memset(cells, 0, tape_len);
    size_t pos = tape_len / 2; /* room to move either way before growing */

    for (const struct insn *ip = code;; ip++) {
        switch (ip->op) {
        case OP_ADD:
            cells[pos] += (uint8_t)ip->arg;
            break;
        case OP_MOVE: {
            long next = (long)pos + ip->arg;
            if (next < 0 || (size_t)next >= tape_len)
                next = (long)grow(next);
            pos = (size_t)next;
            break;
        }
        case OP_OUT:
            putchar(cells[pos]);
            break;
        case OP_IN: {
            fflush(stdout); /* show any prompt before waiting for input */
            int c = getchar();
            if (c != EOF)
                cells[pos] = (uint8_t)c;
            break;
        }
        case OP_OPEN:
            if (!cells[pos])
                ip = code + ip->arg;
            break;
        case OP_CLOSE:
            if (cells[pos])
                ip = code + ip->arg;
            break;
        case OP_END:
            return;
        }
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: bf_plain FILE.b\n", stderr);
        return 2;
    }
    size_t size;
    char *src = read_file(argv[1], &size);
    check_brackets(argv[1], src, size);
    struct insn *code = parse(src, size);
    free(src);
    run(code);
    if (fflush(stdout) != 0 || ferror(stdout))
        return 1;
    free(code);
    free(cells);
    return 0;
}
