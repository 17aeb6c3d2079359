/* py_run.c — running a program as __main__: parse, compile, evaluate, and
 * what the process then reports and exits with, as CPython does (a
 * SyntaxError or an uncaught exception on stderr with status 1,
 * SystemExit's code). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py_compile.h"
#include "py_eval.h"
#include "py_parse.h"
#include "py_sys.h"

/* The exit status for SystemExit(code): None is 0, an int itself, and
 * anything else is printed (to stderr) with status 1. */
static int exit_status(py_val exc)
{
    py_val code = ((py_exception *)exc)->value;
    if (!code || code == py_none)
        return 0;
    int64_t n;
    if (py_isinstance(code, &py_int_type) && py_int_as_i64(code, &n))
        return (int)(n & 0xff);
    py_str *text = (py_str *)py_to_str(code);
    if (text) {
        mt_flush_stdout();
        fprintf(stderr, "%s\n", text->data);
    }
    return 1;
}

bool py_ended_by_interrupt;

int py_run_main(const char *source, size_t size, const char *filename)
{
    py_syntax_error error;
    py_node *tree = py_parse_module(source, size, filename, &error);
    py_module *main_module = py_module_new("__main__", py_builtins_new());
    py_code *code = tree ? py_compile_module(tree, main_module, filename, source, size, &error) : NULL;
    if (!code) {
        mt_flush_stdout();
        py_syntax_error_print(&error, stderr);
        return 1;
    }
    mt_quasi_write_ptr(&py_module_global(main_module, py_str_intern("__name__"))->cell,
                       (py_val)py_str_intern("__main__"));
    py_frame *frame = py_frame_new(code, NULL, NULL);
    py_current_frame = frame;
    py_val result = py_eval(code, 0, frame);
    int status = 0;
    if (!result) {
        py_val exc = py_err_take();
        if (py_isinstance(exc, &py_exc_SystemExit)) {
            status = exit_status(exc);
        } else {
            mt_flush_stdout();
            py_print_exception(exc, stderr);
            py_ended_by_interrupt = py_isinstance(exc, &py_exc_KeyboardInterrupt);
            status = py_ended_by_interrupt ? 130 : 1;
        }
    }
    if (py_file_flush(py_sys_stdout()) < 0)
        status = 1;
    return status;
}

/* `mtpy -m py_compile [-q] FILE...`: compile each file, as CPython's
 * py_compile module does from the command line — stop at the first that
 * cannot be read or compiled, with its error on stderr (none with -q) and
 * status 1.  (No .pyc is written: mtpy has no bytecode cache.) */
int py_compile_files(int argc, char **argv)
{
    bool quiet = false;
    int first = 0;
    while (first < argc && !strcmp(argv[first], "-q")) {
        quiet = true;
        first++;
    }
    if (first == argc) {
        fprintf(stderr, "usage: py_compile.py [-h] [-q] filenames [filenames ...]\n"
                        "py_compile.py: error: the following arguments are required: filenames\n");
        return 2;
    }
    py_module *builtins = py_builtins_new();
    for (int i = first; i < argc; i++) {
        const char *path = argv[i];
        FILE *f = fopen(path, "rb");
        size_t size = 0;
        char *source = f ? mt_read_stream(f, &size) : NULL;
        int err = errno;
        if (f)
            fclose(f);
        if (!source) {
            if (!quiet)
                fprintf(stderr, "[Errno %d] %s: '%s'", err, strerror(err), path);
            return 1;
        }
        py_syntax_error error;
        py_node *tree = py_parse_module(source, size, path, &error);
        py_module *module = py_module_new("py_compile", builtins);
        if (!tree || !py_compile_module(tree, module, path, source, size, &error)) {
            if (!quiet)
                py_syntax_error_print(&error, stderr);
            return 1;
        }
    }
    return 0;
}
