/* py_main.c — the mtpy command line, shaped like CPython's:
 * `mtpy [--jit OPTIONS] [-c cmd | -m mod | file | -] [arg] ...`.
 * It finds, reads and parses the program (a SyntaxError is reported as
 * CPython reports it); the evaluator that runs it is issue 6. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mt.h"
#include "py_eval.h"
#include "py_parse.h"
#include "py_sys.h"

static const char usage_line[] =
    "usage: mtpy [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

static void usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%sTry `mtpy -h' for more information.\n", usage_line);
    exit(2);
}

static void help(void)
{
    printf("%s"
           "Options:\n"
           "-c cmd : program passed in as string (terminates option list)\n"
           "-h     : print this help message and exit (also -? or --help)\n"
           "-m mod : run library module as a script (terminates option list)\n"
           "-V     : print the Python version number and exit (also --version)\n"
           "--jit OPTIONS : JIT settings; --jit help lists them (also MTJIT=OPTIONS)\n"
           "file   : program read from script file\n"
           "-      : program read from stdin (default; interactive mode if a tty)\n"
           "arg ...: arguments passed to program in sys.argv[1:]\n",
           usage_line);
}

/* Read all of `f`; NULL with errno set on a read error. */
/* CPython reports the absolute path of a script it cannot open. */
static void cannot_open(const char *path, int err)
{
    char cwd[PATH_MAX];
    const char *prefix = path[0] != '/' && getcwd(cwd, sizeof cwd) ? cwd : NULL;
    fprintf(stderr, "mtpy: can't open file '%s%s%s': [Errno %d] %s\n", prefix ? prefix : "",
            prefix ? "/" : "", path, err, strerror(err));
    exit(2);
}

/* CPython names a script by its path joined to the working directory. */
static const char *script_display_name(const char *path)
{
    char cwd[PATH_MAX];
    if (path[0] == '/' || !getcwd(cwd, sizeof cwd))
        return path;
    char *name = mt_alloc_atomic(strlen(cwd) + strlen(path) + 2);
    sprintf(name, "%s/%s", cwd, path);
    return name;
}

static char *read_script(const char *path, size_t *size)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        mt_die(1, "can't find '__main__' module in '%s'", path);
    FILE *f = fopen(path, "rb");
    if (!f)
        cannot_open(path, errno);
    char *source = mt_read_stream(f, size);
    if (!source)
        cannot_open(path, errno);
    fclose(f);
    return source;
}

/* Registered first, so it runs after every other exit handler (the JIT's
 * among them, which clean up gcc's files). */
static void end_by_interrupt(void)
{
    if (!py_ended_by_interrupt)
        return;
    fflush(NULL);
    signal(SIGINT, SIG_DFL);
    raise(SIGINT);
}

int main(int argc, char **argv)
{
    atexit(end_by_interrupt);
    mt_init("mtpy");
    const char *command = NULL, *module = NULL, *script = NULL;
    int i;
    for (i = 1; i < argc && !command && !module; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "--jit") || !strncmp(arg, "--jit=", 6)) {
            if (arg[5] == '=')
                mt_jit_flag(arg + 6);
            else if (++i < argc)
                mt_jit_flag(argv[i]);
            else
                usage_error("Argument expected for the %s option", arg);
        } else if (!strcmp(arg, "-h") || !strcmp(arg, "-?") || !strcmp(arg, "--help")) {
            help();
            return 0;
        } else if (!strcmp(arg, "-V") || !strcmp(arg, "--version")) {
            printf("Python 3.11 (mtpy, metatrace %s)\n", PACKAGE_VERSION);
            return 0;
        } else if (!strncmp(arg, "-c", 2) || !strncmp(arg, "-m", 2)) {
            const char *value = arg[2] ? arg + 2 : (i + 1 < argc ? argv[++i] : NULL);
            if (!value)
                usage_error(arg[1] == 'c' ? "Argument expected for the -c option"
                                          : "Argument expected for the -m option%s", "");
            *(arg[1] == 'c' ? &command : &module) = value;
        } else if (!strcmp(arg, "--")) {
            i++;
            break;
        } else if (arg[0] == '-' && arg[1]) {
            usage_error(arg[1] == '-' ? "unknown option %s" : "Unknown option: %s", arg);
        } else {
            break;
        }
    }
    if (!command && !module && i < argc && strcmp(argv[i], "-"))
        script = argv[i];
    if (!module || strcmp(module, "py_compile"))
        mt_jit_prepare();

    size_t size;
    const char *name, *source, *filename;
    if (command) {
        name = filename = "<string>";
        source = command;
        size = strlen(command);
    } else if (module && !strcmp(module, "py_compile")) {
        py_types_init();
        int status = py_compile_files(argc - i, argv + i);
        mt_flush_stdout();
        return status;
    } else if (module) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s.py", module);
        if (access(path, R_OK) != 0)
            mt_die(1, "No module named %s", module);
        source = read_script(path, &size);
        name = module;
        filename = script_display_name(path);
    } else if (script) {
        source = read_script(script, &size);
        name = script;
        filename = script_display_name(script);
    } else {
        source = mt_read_stream(stdin, &size);
        if (!source)
            mt_die(1, "error reading <stdin>: %s", strerror(errno));
        name = filename = "<stdin>";
    }
    (void)name;
    /* sys.argv: the script and its arguments; for -c, "-c" first; for -m,
     * the module's path; from stdin, "-" or "" */
    char **args = mt_alloc((size_t)(argc - i + 2) * sizeof *args);
    int nargs = 0;
    if (!script)
        args[nargs++] = command ? "-c" : module ? (char *)filename : i < argc ? argv[i++] : "";
    while (i < argc)
        args[nargs++] = argv[i++];
    py_memory_init(py_interrupt_for_memory);
    py_types_init();
    py_sys_init(nargs, args);
    py_signals_init();
    int status = py_run_main(source, size, filename);
    mt_flush_stdout();
    return status;
}
