/* tiny_main.c — the mttiny command: `mttiny [--jit OPTIONS] PROGRAM.tiny`. */
#include "config.h"

#include <string.h>

#include "tiny.h"

static const char usage[] =
    "usage: mttiny [--jit OPTIONS] PROGRAM.tiny\n"
    "Run a tiny program (see docs/tutorial.md).\n";

int main(int argc, char **argv)
{
    mt_init("mttiny");
    const char *path = mt_program_arg(argc, argv, usage);
    size_t size;
    char *source = mt_read_file(path, &size);
    if (memchr(source, '\0', size))
        mt_die(2, "%s: contains a NUL byte", path);
    tiny_program prog;
    char err[300];
    if (!tiny_load(source, &prog, err, sizeof err))
        mt_die(2, "%s:%s", path, err);
    tiny_run(&prog);
    mt_flush_stdout();
    return 0;
}
