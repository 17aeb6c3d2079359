/* bf_parse.c — Brainfuck source to bf_program: folds runs of +-<>, matches
 * brackets and reports the offending one with its line and column. */
#include "config.h"

#include <stdlib.h>

#include "bf.h"

typedef struct open_bracket {
    size_t index;
    long line, column;
} open_bracket;

static void emit(bf_program *prog, bf_opcode op, int64_t arg)
{
    prog->code[prog->length++] = (bf_insn){op, arg};
}

/* Append to a foldable run (ADD/MOVE), starting a new instruction if the
 * previous one is of another kind. */
static void emit_folded(bf_program *prog, bf_opcode op, int64_t delta)
{
    if (prog->length && prog->code[prog->length - 1].op == op)
        prog->code[prog->length - 1].arg += delta;
    else
        emit(prog, op, delta);
    if (op == BF_ADD)
        prog->code[prog->length - 1].arg &= 0xff;
}

bool bf_parse(const char *source, size_t size, bf_program *prog, long *line, long *column,
              char *bracket)
{
    prog->code = mt_alloc_atomic((size + 1) * sizeof *prog->code);
    prog->length = 0;
    open_bracket *stack = NULL;
    size_t depth = 0, stack_size = 0;
    long cur_line = 1, cur_column = 0;
    for (size_t i = 0; i < size; i++) {
        char c = source[i];
        cur_column++;
        switch (c) {
        case '\n':
            cur_line++;
            cur_column = 0;
            break;
        case '+': emit_folded(prog, BF_ADD, 1); break;
        case '-': emit_folded(prog, BF_ADD, -1); break;
        case '>': emit_folded(prog, BF_MOVE, 1); break;
        case '<': emit_folded(prog, BF_MOVE, -1); break;
        case '.': emit(prog, BF_OUT, 0); break;
        case ',': emit(prog, BF_IN, 0); break;
        case '[':
            if (depth == stack_size) {
                stack_size = stack_size ? 2 * stack_size : 64;
                stack = mt_realloc(stack, stack_size * sizeof *stack);
            }
            stack[depth++] = (open_bracket){prog->length, cur_line, cur_column};
            emit(prog, BF_OPEN, 0);
            break;
        case ']':
            if (depth == 0) {
                *line = cur_line;
                *column = cur_column;
                *bracket = ']';
                return false;
            }
            depth--;
            prog->code[stack[depth].index].arg = (int64_t)prog->length;
            emit(prog, BF_CLOSE, (int64_t)stack[depth].index);
            break;
        default:
            break;
        }
    }
    if (depth) {
        *line = stack[0].line;
        *column = stack[0].column;
        *bracket = '[';
        return false;
    }
    emit(prog, BF_END, 0);
    return true;
}
