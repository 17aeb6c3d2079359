/* bf_tape.c — the tape and the I/O calls the handlers make.  Growth keeps
 * the tape a single block so the hot loop indexes it directly. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bf.h"

enum { BF_TAPE_INITIAL = 1 << 16 };

void bf_tape_init(bf_tape *tape, int64_t limit)
{
    tape->length = BF_TAPE_INITIAL < limit ? BF_TAPE_INITIAL : limit;
    tape->limit = limit;
    tape->cells = calloc((size_t)tape->length, 1);
    if (!tape->cells)
        mt_die(1, "out of memory (tape of %lld cells)", (long long)tape->length);
}

void bf_tape_free(bf_tape *tape)
{
    free(tape->cells);
    tape->cells = NULL;
}

/* The tape's block is plain malloc memory: it holds no pointers, and a large
 * block that is grown by doubling is what realloc does best. */
int64_t bf_tape_grow(bf_tape *tape, int64_t pos)
{
    int64_t old_length = tape->length;
    int64_t need = pos < 0 ? old_length - pos : pos + 1;
    if (need > tape->limit)
        mt_die(1, "tape limit exceeded: the program needs more than %lld cells",
               (long long)tape->limit);
    int64_t length = old_length;
    while (length < need)
        length = length > tape->limit / 2 ? tape->limit : 2 * length;
    uint8_t *cells = realloc(tape->cells, (size_t)length);
    if (!cells)
        mt_die(1, "out of memory (tape of %lld cells)", (long long)length);
    int64_t added = length - old_length;
    if (pos < 0) {
        /* Grow to the left: existing cells move up by `added`. */
        memmove(cells + added, cells, (size_t)old_length);
        memset(cells, 0, (size_t)added);
        pos += added;
    } else {
        memset(cells + old_length, 0, (size_t)added);
    }
    tape->cells = cells;
    tape->length = length;
    return pos;
}

static bool interactive_input;

void bf_putc(int64_t cell) { putchar((int)cell); }

int64_t bf_getc(int64_t cell)
{
    if (interactive_input)
        fflush(stdout);
    int c = getchar();
    return c == EOF ? cell : c;
}

void bf_io_start(bool interactive) { interactive_input = interactive; }
