/* bf_main.c — the mtbf command: `mtbf [--jit OPTIONS] PROGRAM.b`. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bf.h"

/* Far more than any real program needs, and still well inside memory. */
#define BF_TAPE_LIMIT ((int64_t)1 << 32)

static void usage(FILE *out)
{
    fprintf(out, "usage: mtbf [--jit OPTIONS] PROGRAM.b\n"
                 "Run a Brainfuck program (input for ',' comes from stdin).\n"
                 "  --jit OPTIONS   JIT settings; --jit help lists them (also MTJIT=OPTIONS)\n"
                 "  --version       print versions and exit\n"
                 "  -h, --help      print this help and exit\n"
                 "Environment: MTLOG=jit-summary prints JIT statistics at exit.\n");
}

static void bad_usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "mtbf: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n");
    usage(stderr);
    exit(2);
}

static char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        mt_die(2, "cannot open '%s': %s", path, strerror(errno));
    size_t capacity = 1 << 16, used = 0;
    char *data = mt_alloc_atomic(capacity);
    for (;;) {
        used += fread(data + used, 1, capacity - used, f);
        if (used < capacity)
            break;
        capacity *= 2;
        data = mt_realloc(data, capacity);
    }
    if (ferror(f))
        mt_die(2, "cannot read '%s': %s", path, strerror(errno));
    fclose(f);
    *size = used;
    return data;
}

int main(int argc, char **argv)
{
    mt_init("mtbf");
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(arg, "--version")) {
            printf("mtbf (metatrace %s), native backend: %s\n", PACKAGE_VERSION,
                   mt_native_backend_version());
            return 0;
        } else if (!strcmp(arg, "--jit")) {
            if (++i == argc)
                bad_usage("%s needs an argument", arg);
            mt_jit_flag(argv[i]);
        } else if (!strncmp(arg, "--jit=", 6)) {
            mt_jit_flag(arg + 6);
        } else if (arg[0] == '-' && arg[1]) {
            bad_usage("unknown option '%s'", arg);
        } else if (path) {
            bad_usage("more than one program given ('%s')", arg);
        } else {
            path = arg;
        }
    }
    if (!path)
        bad_usage("no program given%s", "");

    size_t size;
    char *source = read_file(path, &size);
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
    if (fflush(stdout) != 0 || ferror(stdout))
        mt_die(1, "error writing output: %s", strerror(errno));
    return 0;
}
