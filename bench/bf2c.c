/* bf2c.c — translates a Brainfuck program into C, for bench/run.
 *
 * The generated program compiled with gcc -O2 is the "what a static
 * compiler makes of it" contestant: runs of + - < > become one statement
 * each, [ ] become while loops, and gcc does the rest.  No other
 * Brainfuck-level optimization is done.
 *
 * Semantics are mtbf's: byte cells wrapping mod 256; a tape unbounded in
 * both directions; ',' at end of input leaves the cell unchanged; any other
 * byte is a comment; unbalanced brackets are reported as FILE:LINE:COL
 * (1-based, columns in bytes) and nothing is generated (exit status 2).
 *
 * The generated tape: a heap block with the start cell in the middle,
 * addressed by an index.  Only pointer moves change the index, so each
 * move is followed by one bounds check; when it fails the block is grown
 * (doubling; at the front when the index went negative, shifting the
 * contents) and the index adjusted.
 *
 * Usage: bf2c FILE.b > out.c && gcc -O2 -o out out.c
 * Build: gcc -O2 -o bf2c bf2c.c
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog_path;

static void die(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("bf2c: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(status);
}

static char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die(2, "cannot open '%s': %s", path, strerror(errno));
    size_t cap = 1 << 16, len = 0, n;
    char *buf = malloc(cap);
    if (!buf)
        die(1, "out of memory");
    while ((n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap && !(buf = realloc(buf, cap *= 2)))
            die(1, "out of memory");
    }
    if (ferror(f))
        die(2, "cannot read '%s': %s", path, strerror(errno));
    fclose(f);
    *size = len;
    return buf;
}

/* Report the bracket mtbf reports: the first ']' with no open '[', else
 * the leftmost '[' that is never closed (the last one opened at depth 0). */
static void check_brackets(const char *src, size_t size)
{
    size_t depth = 0;
    long line = 1, col = 0, open_line = 0, open_col = 0;
    for (size_t i = 0; i < size; i++) {
        col++;
        if (src[i] == '\n') {
            line++;
            col = 0;
        } else if (src[i] == '[') {
            if (depth++ == 0) {
                open_line = line;
                open_col = col;
            }
        } else if (src[i] == ']') {
            if (depth == 0)
                die(2, "%s:%ld:%ld: unmatched ']'", prog_path, line, col);
            depth--;
        }
    }
    if (depth > 0)
        die(2, "%s:%ld:%ld: unmatched '['", prog_path, open_line, open_col);
}

/* Everything the generated program needs besides its body. */
static const char prologue[] =
    "#include <stddef.h>\n"
    "#include <stdint.h>\n"
    "#include <stdio.h>\n"
    "#include <stdlib.h>\n"
    "#include <string.h>\n"
    "\n"
    "static uint8_t *tape;\n"
    "static size_t tape_len;\n"
    "\n"
    "/* Index i is outside [0, tape_len): grow the tape to cover it and\n"
    " * return where that cell is now. */\n"
    "static __attribute__((unused)) ptrdiff_t grow(ptrdiff_t i)\n"
    "{\n"
    "    size_t old = tape_len, len = old, shift = 0;\n"
    "    size_t need = i < 0 ? old + (size_t)-i : (size_t)i + 1;\n"
    "    while (len < need)\n"
    "        len *= 2;\n"
    "    uint8_t *t = realloc(tape, len);\n"
    "    if (!t) {\n"
    "        fputs(\"out of memory\\n\", stderr);\n"
    "        exit(1);\n"
    "    }\n"
    "    if (i < 0) { /* the new cells go in front */\n"
    "        shift = len - old;\n"
    "        memmove(t + shift, t, old);\n"
    "        memset(t, 0, shift);\n"
    "    } else {\n"
    "        memset(t + old, 0, len - old);\n"
    "    }\n"
    "    tape = t;\n"
    "    tape_len = len;\n"
    "    return i + (ptrdiff_t)shift;\n"
    "}\n"
    "\n"
    "/* The tape and its length are copied into locals so gcc can keep them\n"
    " * in registers; only grow() changes them. */\n"
    "#define MOVE(n) do { \\\n"
    "        i += (n); \\\n"
    "        if (__builtin_expect((size_t)i >= len, 0)) { \\\n"
    "            i = grow(i); \\\n"
    "            t = tape; \\\n"
    "            len = tape_len; \\\n"
    "        } \\\n"
    "    } while (0)\n"
    "\n"
    "int main(void)\n"
    "{\n"
    "    tape_len = 1 << 16;\n"
    "    tape = calloc(tape_len, 1);\n"
    "    if (!tape)\n"
    "        return 1;\n"
    "    uint8_t *t = tape;\n"
    "    size_t len = tape_len;\n"
    "    ptrdiff_t i = (ptrdiff_t)(len / 2);\n"
    "    int c;\n"
    "    (void)c; /* the program may not move or read */\n"
    "    (void)len;\n";

static const char epilogue[] =
    "    free(tape);\n"
    "    return fflush(stdout) != 0 || ferror(stdout);\n"
    "}\n";

static void indent(int depth)
{
    for (int k = 0; k < depth; k++)
        fputs("    ", stdout);
}

/* Emit the body: one statement per folded run or command. */
static void translate(const char *src, size_t size)
{
    int depth = 1;
    for (size_t k = 0; k < size; k++) {
        char ch = src[k];
        long run = 0;
        switch (ch) {
        case '+':
        case '-':
            /* Fold a run of + and - (in any mix) into one addition. */
            for (; k < size && src[k] && strchr("+-", src[k]); k++)
                run += src[k] == '+' ? 1 : -1;
            k--;
            if ((run &= 255) != 0) {
                indent(depth);
                printf("t[i] += %ld;\n", run);
            }
            break;
        case '<':
        case '>':
            for (; k < size && src[k] && strchr("<>", src[k]); k++)
                run += src[k] == '>' ? 1 : -1;
            k--;
            if (run != 0) {
                indent(depth);
                printf("MOVE(%ld);\n", run);
            }
            break;
        case '.':
            indent(depth);
            puts("putchar(t[i]);");
            break;
        case ',':
            indent(depth);
            puts("fflush(stdout); if ((c = getchar()) != EOF) t[i] = (uint8_t)c;");
            break;
        case '[':
            indent(depth++);
            puts("while (t[i]) {");
            break;
        case ']':
            indent(--depth);
            puts("}");
            break;
        default:
            break; /* a comment byte */
        }
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: bf2c FILE.b > out.c\n", stderr);
        return 2;
    }
    prog_path = argv[1];
    size_t size;
    char *src = read_file(prog_path, &size);
    check_brackets(src, size); /* before any output */
    /* (the name goes into a comment, unless it would end the comment) */
    printf("/* Generated by bench/bf2c from %s. */\n",
           strstr(prog_path, "*/") ? "a Brainfuck program" : prog_path);
    fputs(prologue, stdout);
    translate(src, size);
    fputs(epilogue, stdout);
    free(src);
    return fflush(stdout) != 0 || ferror(stdout);
}
