/* py_sys.h — the parts of mtpy that face the system: text files (open(),
 * sys.stdin/stdout/stderr), the sys module, the builtins module, running a
 * program, and reporting an uncaught exception as CPython does. */
#ifndef PY_SYS_H
#define PY_SYS_H

#include <stdio.h>

#include "py_code.h"
#include "py_unicode.h"

/* ---- files (py_file.c) ------------------------------------------------------------- */

extern py_type py_file_type;
/* open(path, mode) for text; the OSError CPython raises when it fails. */
py_val py_file_open(py_val path, py_val mode);
int py_file_write(py_val file, py_str *text);
int py_file_flush(py_val file);
/* The next line with its newline, "" at the end of the file. */
py_val py_file_readline(py_val file);
/* A file over a stdio stream (sys.stdin, stdout, stderr). */
py_val py_file_from_stream(FILE *fp, const char *name, bool readable);
/* The OSError (FileNotFoundError, ...) for errno `err` on `filename`. */
void *py_err_from_errno(int err, py_val filename);

/* ---- the sys module (py_sysmodule.c) ---------------------------------------------------- */

py_val py_sys_stdout(void);
py_val py_sys_stderr(void);
py_val py_sys_stdin(void);
/* Make the sys module for a program with arguments argv[0 .. argc). */
void py_sys_init(int argc, char **argv);
/* A module by name (import): sys, or NULL. */
py_val py_import(py_str *name);

/* ---- builtins (py_builtins.c, py_iters.c) ------------------------------------------------- */

py_module *py_builtins_new(void);
extern py_type py_enumerate_type, py_zip_type, py_map_type, py_filter_type, py_reversed_type;

/* ---- running (py_run.c, py_traceback.c) ------------------------------------------------ */

/* Parse, compile and run `source` as the module __main__; returns the
 * process's exit status (a SyntaxError or an uncaught exception has been
 * reported on stderr). */
int py_run_main(const char *source, size_t size, const char *filename);
/* py_run_main ended with an uncaught KeyboardInterrupt: like CPython, the
 * process then ends by SIGINT (status 130 if that does not kill it), so
 * the shell sees the Ctrl-C. */
extern bool py_ended_by_interrupt;
/* `mtpy -m py_compile [-q] FILE...`: the exit status. */
int py_compile_files(int argc, char **argv);
/* Print `exc` (and the exceptions it was chained to) as CPython prints an
 * uncaught one: tracebacks, then "Type: message". */
void py_print_exception(py_val exc, FILE *out);

#endif
