/* py_sysmodule.c — the sys module: argv, the standard streams, exit, the
 * recursion limit, version information; and import, which knows sys. */
#include "config.h"

#include <string.h>

#include "py_eval.h"
#include "py_sys.h"

static py_module *sys_module;
static py_val std_in, std_out, std_err;

py_val py_sys_stdout(void) { return std_out; }
py_val py_sys_stderr(void) { return std_err; }
py_val py_sys_stdin(void) { return std_in; }

static void set(const char *name, py_val value)
{
    mt_quasi_write_ptr(&py_module_global(sys_module, py_str_intern(name))->cell, value);
}

static py_val sys_exit(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    if (!py_args_count("exit", nargs, kwnames, 0, 1))
        return NULL;
    py_err_set(py_exception_new(&py_exc_SystemExit, args, nargs));
    return NULL;
}

static py_val sys_getrecursionlimit(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    (void)args;
    return py_args_none("getrecursionlimit", nargs, kwnames) ? py_int_from_i64(py_depth_limit.value) : NULL;
}

static py_val sys_setrecursionlimit(py_val self, py_val *args, size_t nargs, py_tuple *kwnames)
{
    (void)self;
    if (!py_args_one("setrecursionlimit", nargs, kwnames))
        return NULL;
    if (py_type_of(args[0]) == &py_float_type)
        return py_err_format(&py_exc_TypeError, "'float' object cannot be interpreted as an integer");
    int64_t limit;
    if (py_index(args[0], &limit) < 0)
        return NULL;
    if (limit < 1)
        return py_err_format(&py_exc_ValueError, "recursion limit must be greater or equal than 1");
    int64_t depth = py_current_frame ? py_current_frame->depth : 1;
    if (limit <= depth)
        return py_err_format(&py_exc_RecursionError,
                             "cannot set the recursion limit to %lld at the recursion depth %lld: the limit is "
                             "too low",
                             (long long)limit, (long long)depth);
    mt_quasi_write(&py_depth_limit, limit);
    return py_none;
}

static const py_method_def functions[] = {
    {"exit", sys_exit},
    {"getrecursionlimit", sys_getrecursionlimit},
    {"setrecursionlimit", sys_setrecursionlimit},
    {NULL, NULL},
};

void py_sys_init(int argc, char **argv)
{
    sys_module = py_module_new("sys", NULL);
    std_in = py_file_from_stream(stdin, "<stdin>", true);
    std_out = py_file_from_stream(stdout, "<stdout>", false);
    std_err = py_file_from_stream(stderr, "<stderr>", false);
    set("stdin", std_in);
    set("stdout", std_out);
    set("stderr", std_err);
    py_list *args = py_list_new(0);
    for (int i = 0; i < argc; i++)
        py_list_append(args, (py_val)py_str_from_cstr(argv[i]));
    set("argv", (py_val)args);
    set("maxsize", py_int_from_i64(INT64_MAX));
    set("version", (py_val)py_str_from_cstr("3.11.0 (mtpy)"));
    set("platform", (py_val)py_str_from_cstr("linux"));
    for (const py_method_def *f = functions; f->name; f++)
        set(f->name, py_builtin_new(f, NULL));
}

py_val py_import(py_str *name)
{
    return !strcmp(name->data, "sys") ? (py_val)sys_module : NULL;
}
