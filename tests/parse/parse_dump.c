/* parse_dump.c — the parser's test driver: `parse-dump [--positions] FILE`
 * prints ast.dump(ast.parse(source)) as CPython 3.11 would (with
 * --positions: include_attributes=True) and exits 0, or prints the
 * SyntaxError as CPython reports it for a script and exits 1. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "mt.h"
#include "py_parse.h"

int main(int argc, char **argv)
{
    mt_init("parse-dump");
    bool positions = argc == 3 && !strcmp(argv[1], "--positions");
    if (argc != 2 + positions) {
        fprintf(stderr, "usage: parse-dump [--positions] FILE\n");
        return 2;
    }
    const char *path = argv[argc - 1];
    size_t size;
    char *source = mt_read_file(path, &size);
    if (!source)
        mt_die(2, "cannot read %s: %s", path, strerror(errno));
    py_syntax_error err;
    py_node *module = py_parse_module(source, size, path, &err);
    if (!module) {
        mt_flush_stdout();
        py_syntax_error_print(&err, stderr);
        return 1;
    }
    py_ast_dump(module, positions, stdout);
    putchar('\n');
    mt_flush_stdout();
    return 0;
}
