/* bf_main.c — the mtbf command: `mtbf [--jit OPTIONS] PROGRAM.b`. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bf.h"

/* Far more than any real program needs, and still well inside memory. */
#define BF_TAPE_LIMIT ((int64_t)1 << 32)

static const char usage[] =
    "usage: mtbf [--jit OPTIONS] PROGRAM.b\n"
    "Run a Brainfuck program (input for ',' comes from stdin).\n";

int main(int argc, char **argv)
{
    mt_init("mtbf");
    const char *path = mt_program_arg(argc, argv, usage);
    size_t size;
    char *source = mt_read_file(path, &size);
    bf_program prog;
    long line, column;
    char bracket;
    if (!bf_parse(source, size, &prog, &line, &column, &bracket))
        mt_die(2, "%s:%ld:%ld: unmatched '%c'", path, line, column, bracket);

    bf_tape tape;
    bf_tape_init(&tape, BF_TAPE_LIMIT);
    bf_io_start(isatty(STDIN_FILENO));
    bf_run(&prog, &tape);
    bf_tape_free(&tape);
    mt_flush_stdout();
    return 0;
}
