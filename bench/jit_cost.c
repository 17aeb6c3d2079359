/* jit_cost.c — what one libgccjit compile costs on this machine, for the
 * native backend's choice of options (bench/RESULTS.md, "libgccjit
 * compile cost").  Each compile builds one context holding FUNCTIONS
 * functions shaped like trace code (a load, an add and a guard exit, 20
 * times), compiles it and releases it; prints the median and fastest
 * compile and how much the RSS grew per compile.
 *
 *   jit_cost COMPILES FUNCTIONS embedded|external libc|nostdlib [GCC-OPTION...]
 *   cc -O2 -o jit_cost bench/jit_cost.c -isystem "$(gcc -print-file-name=include)" -lgccjit
 */
#include <libgccjit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static long rss_kib(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f || fscanf(f, "%ld %ld", &pages, &resident) != 2)
        resident = 0;
    if (f)
        fclose(f);
    return resident * 4;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* int64_t NAME(int64_t *io): 20 times acc += io[k]; exit to io[0] unless
 * acc < 1000 */
static void add_function(gcc_jit_context *ctxt, const char *name)
{
    gcc_jit_type *word = gcc_jit_context_get_type(ctxt, GCC_JIT_TYPE_INT64_T);
    gcc_jit_param *io = gcc_jit_context_new_param(ctxt, NULL, gcc_jit_type_get_pointer(word), "io");
    gcc_jit_function *fn = gcc_jit_context_new_function(ctxt, NULL, GCC_JIT_FUNCTION_EXPORTED, word, name, 1,
                                                        &io, 0);
    gcc_jit_block *block = gcc_jit_function_new_block(fn, NULL);
    gcc_jit_lvalue *acc = gcc_jit_function_new_local(fn, NULL, word, "acc");
    gcc_jit_block_add_assignment(block, NULL, acc, gcc_jit_context_zero(ctxt, word));
    for (int k = 0; k < 20; k++) {
        gcc_jit_block *next = gcc_jit_function_new_block(fn, NULL), *out = gcc_jit_function_new_block(fn, NULL);
        gcc_jit_rvalue *index = gcc_jit_context_new_rvalue_from_int(ctxt, word, k);
        gcc_jit_rvalue *value = gcc_jit_lvalue_as_rvalue(
            gcc_jit_context_new_array_access(ctxt, NULL, gcc_jit_param_as_rvalue(io), index));
        gcc_jit_block_add_assignment_op(block, NULL, acc, GCC_JIT_BINARY_OP_PLUS, value);
        gcc_jit_rvalue *ok = gcc_jit_context_new_comparison(ctxt, NULL, GCC_JIT_COMPARISON_LT,
                                                            gcc_jit_lvalue_as_rvalue(acc),
                                                            gcc_jit_context_new_rvalue_from_int(ctxt, word, 1000));
        gcc_jit_block_end_with_conditional(block, NULL, ok, next, out);
        gcc_jit_block_add_assignment(
            out, NULL,
            gcc_jit_context_new_array_access(ctxt, NULL, gcc_jit_param_as_rvalue(io), gcc_jit_context_zero(ctxt, word)),
            gcc_jit_lvalue_as_rvalue(acc));
        gcc_jit_block_end_with_return(out, NULL, index);
        block = next;
    }
    gcc_jit_block_end_with_return(block, NULL, gcc_jit_lvalue_as_rvalue(acc));
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: jit_cost COMPILES FUNCTIONS embedded|external libc|nostdlib [GCC-OPTION...]\n");
        return 2;
    }
    int compiles = atoi(argv[1]), functions = atoi(argv[2]);
    int external = !strcmp(argv[3], "external"), nostdlib = !strcmp(argv[4], "nostdlib");
    if (compiles < 1 || functions < 1) {
        fprintf(stderr, "jit_cost: COMPILES and FUNCTIONS must be positive\n");
        return 2;
    }
    double *times = calloc((size_t)compiles, sizeof *times);
    long rss_start = 0;
    for (int i = 0; i < compiles; i++) {
        if (i == 1) /* after the first compile has loaded everything */
            rss_start = rss_kib();
        double start = now_ms();
        gcc_jit_context *ctxt = gcc_jit_context_acquire();
        gcc_jit_context_set_bool_use_external_driver(ctxt, external);
        if (nostdlib) {
            gcc_jit_context_add_driver_option(ctxt, "-nostdlib");
            gcc_jit_context_add_driver_option(ctxt, "-lgcc");
        }
        for (int k = 5; k < argc; k++)
            gcc_jit_context_add_command_line_option(ctxt, argv[k]);
        for (int f = 0; f < functions; f++) {
            char name[16];
            snprintf(name, sizeof name, "f%d", f);
            add_function(ctxt, name);
        }
        gcc_jit_result *result = gcc_jit_context_compile(ctxt);
        if (!result) {
            fprintf(stderr, "jit_cost: %s\n", gcc_jit_context_get_first_error(ctxt));
            return 1;
        }
        times[i] = now_ms() - start;
        gcc_jit_context_release(ctxt);
        gcc_jit_result_release(result);
    }
    long growth = compiles > 1 ? (rss_kib() - rss_start) / (compiles - 1) : 0;
    qsort(times, (size_t)compiles, sizeof *times, compare_doubles);
    printf("median %.1f ms, fastest %.1f ms, RSS +%ld KiB per compile\n", times[compiles / 2], times[0],
           growth);
    free(times);
    return 0;
}
