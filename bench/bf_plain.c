/* bf_plain.c — the baseline: a hand-written C switch interpreter for
 * Brainfuck, the way an interpreter author would write it without any
 * framework (run-length folding, precomputed jumps, growable tape).
 * Same semantics as mtbf.  Usage: bf_plain PROGRAM.b */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ADD, MOVE, OUT, IN, OPEN, CLOSE, END };
typedef struct { int op; long arg; } insn;

static unsigned char *tape;
static long tape_len;

static long grow(long pos)
{
    long old = tape_len, len = tape_len;
    long need = pos < 0 ? old - pos : pos + 1;
    while (len < need)
        len *= 2;
    tape = realloc(tape, (size_t)len);
    if (!tape) {
        fprintf(stderr, "bf_plain: out of memory\n");
        exit(1);
    }
    long added = len - old;
    if (pos < 0) {
        memmove(tape + added, tape, (size_t)old);
        memset(tape, 0, (size_t)added);
        pos += added;
    } else {
        memset(tape + old, 0, (size_t)added);
    }
    tape_len = len;
    return pos;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bf_plain PROGRAM.b\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    size_t cap = 1 << 16, n = 0;
    char *src = malloc(cap);
    while ((n += fread(src + n, 1, cap - n, f)) == cap)
        src = realloc(src, cap *= 2);
    fclose(f);

    insn *code = malloc((n + 1) * sizeof *code);
    long *stack = malloc((n + 1) * sizeof *stack);
    long len = 0, depth = 0;
    for (size_t i = 0; i < n; i++) {
        char c = src[i];
        int op = c == '+' || c == '-' ? ADD : c == '>' || c == '<' ? MOVE : -1;
        long delta = c == '+' || c == '>' ? 1 : -1;
        if (op >= 0) {
            if (len && code[len - 1].op == op)
                code[len - 1].arg += delta;
            else
                code[len++] = (insn){op, delta};
        } else if (c == '.') {
            code[len++] = (insn){OUT, 0};
        } else if (c == ',') {
            code[len++] = (insn){IN, 0};
        } else if (c == '[') {
            stack[depth++] = len;
            code[len++] = (insn){OPEN, 0};
        } else if (c == ']') {
            if (!depth) {
                fprintf(stderr, "bf_plain: unmatched ']'\n");
                return 2;
            }
            long open = stack[--depth];
            code[open].arg = len;
            code[len++] = (insn){CLOSE, open};
        }
    }
    if (depth) {
        fprintf(stderr, "bf_plain: unmatched '['\n");
        return 2;
    }
    code[len] = (insn){END, 0};

    tape_len = 1 << 16;
    tape = calloc((size_t)tape_len, 1);
    long pos = tape_len / 2;
    for (long pc = 0;; pc++) {
        const insn *in = &code[pc];
        switch (in->op) {
        case ADD: tape[pos] = (unsigned char)(tape[pos] + in->arg); break;
        case MOVE:
            pos += in->arg;
            if ((unsigned long)pos >= (unsigned long)tape_len)
                pos = grow(pos);
            break;
        case OUT: putchar(tape[pos]); break;
        case IN: {
            int c = getchar();
            if (c != EOF)
                tape[pos] = (unsigned char)c;
            break;
        }
        case OPEN: if (!tape[pos]) pc = in->arg; break;
        case CLOSE: if (tape[pos]) pc = in->arg; break;
        case END: return fflush(stdout) != 0;
        }
    }
}
