/* mt_core.c — framework start-up and the fatal-error path shared by all VMs. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "mt_internal.h"

static const char *progname = "metatrace";

const char *mt_progname(void) { return progname; }

void mt_die(int status, const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fprintf(stderr, "%s: ", progname);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(status);
}

char *mt_read_stream(FILE *f, size_t *size)
{
    size_t capacity = 1 << 14, used = 0;
    char *data = mt_alloc_atomic(capacity + 1);
    for (;;) {
        used += fread(data + used, 1, capacity - used, f);
        if (used < capacity)
            break;
        capacity *= 2;
        data = mt_realloc(data, capacity + 1);
    }
    if (ferror(f))
        return NULL;
    data[used] = '\0';
    *size = used;
    return data;
}

char *mt_read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        mt_die(2, "cannot open '%s': %s", path, strerror(errno));
    char *data = mt_read_stream(f, size);
    if (!data)
        mt_die(2, "cannot read '%s': %s", path, strerror(errno));
    fclose(f);
    return data;
}

static void print_usage(FILE *out, const char *usage)
{
    fprintf(out, "%s"
                 "  --jit OPTIONS   JIT settings; --jit help lists them (also MTJIT=OPTIONS)\n"
                 "  --version       print versions and exit\n"
                 "  -h, --help      print this help and exit\n"
                 "Environment: MTLOG=jit-summary prints JIT statistics at exit.\n",
            usage);
}

static void bad_usage(const char *usage, const char *fmt, const char *arg)
{
    fprintf(stderr, "%s: ", progname);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    print_usage(stderr, usage);
    exit(2);
}

const char *mt_program_arg(int argc, char **argv, const char *usage)
{
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
            print_usage(stdout, usage);
            exit(0);
        } else if (!strcmp(arg, "--version")) {
            printf("%s (metatrace %s), native backend: %s\n", progname, PACKAGE_VERSION,
                   mt_native_backend_version());
            exit(0);
        } else if (!strcmp(arg, "--jit")) {
            if (++i == argc)
                bad_usage(usage, "%s needs an argument", arg);
            mt_jit_flag(argv[i]);
        } else if (!strncmp(arg, "--jit=", 6)) {
            mt_jit_flag(arg + 6);
        } else if (arg[0] == '-' && arg[1]) {
            bad_usage(usage, "unknown option '%s'", arg);
        } else if (path) {
            bad_usage(usage, "more than one program given ('%s')", arg);
        } else {
            path = arg;
        }
    }
    if (!path)
        bad_usage(usage, "no program given%s", "");
    mt_jit_prepare();
    return path;
}

void mt_flush_stdout(void)
{
    if (fflush(stdout) != 0 || ferror(stdout))
        mt_die(1, "error writing output: %s", strerror(errno));
}

void mt_init(const char *name)
{
    progname = name;
    mt_alloc_start();
    mt_log_start(getenv("MTLOG"));
    const char *spec = getenv("MTJIT");
    if (spec && *spec)
        mt_options_apply_or_exit(spec, "MTJIT");
}

#ifndef MT_HAVE_GCCJIT
const char *mt_native_backend_version(void)
{
    return "none (configured with --disable-native-jit; reference backend only)";
}
#endif
