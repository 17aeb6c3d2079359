/* parse_dump.c — the parser's test driver: `parse-dump FILE` prints
 * ast.dump(ast.parse(source)) as CPython 3.11 would and exits 0, or prints
 * the SyntaxError as CPython reports it for a script and exits 1. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "mt.h"
#include "py_parse.h"

int main(int argc, char **argv)
{
    mt_init("parse-dump");
    if (argc != 2) {
        fprintf(stderr, "usage: parse-dump FILE\n");
        return 2;
    }
    size_t size;
    char *source = mt_read_file(argv[1], &size);
    if (!source)
        mt_die(2, "cannot read %s: %s", argv[1], strerror(errno));
    py_syntax_error err;
    py_node *module = py_parse_module(source, size, argv[1], &err);
    if (!module) {
        mt_flush_stdout();
        py_syntax_error_print(&err, stderr);
        return 1;
    }
    py_ast_dump(module, stdout);
    putchar('\n');
    mt_flush_stdout();
    return 0;
}
