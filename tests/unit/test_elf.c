/* test_elf.c — the object loader of the native backend: code gcc made
 * with constants in .rodata and a jump table runs once placed; objects it
 * must not place (an undefined symbol, not an object at all, cut short)
 * are refused with the reason, never half loaded. */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef MT_HAVE_GCCJIT

#include "jcg_elf.h"
#include "jcg_gccjit.h"

static char dir[] = "/tmp/test-elf-XXXXXX";
static char path[64];

static void make_dir(void)
{
    char err[256];
    cr_assert(jcg_gccjit_open(err, sizeof err), "%s", err);
    cr_assert(mkdtemp(dir), "mkdtemp");
    snprintf(path, sizeof path, "%s/t.o", dir);
}

static void remove_dir(void)
{
    unlink(path);
    rmdir(dir);
}

TestSuite(elf, .init = make_dir, .fini = remove_dir);

/* double scale(long k): a switch over k (dense enough for a jump table)
 * picking a double constant each. */
static void build_scale(gcc_jit_context *c)
{
    gcc_jit_type *lng = jcg_lib.context_get_type(c, GCC_JIT_TYPE_LONG);
    gcc_jit_type *dbl = jcg_lib.context_get_type(c, GCC_JIT_TYPE_DOUBLE);
    gcc_jit_param *k = jcg_lib.context_new_param(c, NULL, lng, "k");
    gcc_jit_function *f = jcg_lib.context_new_function(c, NULL, GCC_JIT_FUNCTION_EXPORTED, dbl, "scale", 1, &k, 0);
    gcc_jit_block *entry = jcg_lib.function_new_block(f, "entry");
    gcc_jit_block *other = jcg_lib.function_new_block(f, "other");
    jcg_lib.block_end_with_return(other, NULL, jcg_lib.context_new_rvalue_from_double(c, dbl, -0.5));
    gcc_jit_case *cases[8];
    for (int i = 0; i < 8; i++) {
        gcc_jit_block *b = jcg_lib.function_new_block(f, NULL);
        jcg_lib.block_end_with_return(b, NULL, jcg_lib.context_new_rvalue_from_double(c, dbl, 1.25 * i + 0.1));
        gcc_jit_rvalue *v = jcg_lib.context_new_rvalue_from_long(c, lng, i);
        cases[i] = jcg_lib.context_new_case(c, v, v, b);
    }
    jcg_lib.block_end_with_switch(entry, NULL, jcg_lib.param_as_rvalue(k), other, 8, cases);
}

/* long outside(long x): calls a function the object does not define. */
static void build_outside(gcc_jit_context *c)
{
    gcc_jit_type *lng = jcg_lib.context_get_type(c, GCC_JIT_TYPE_LONG);
    gcc_jit_param *x = jcg_lib.context_new_param(c, NULL, lng, "x");
    gcc_jit_param *y = jcg_lib.context_new_param(c, NULL, lng, "y");
    gcc_jit_function *ext =
        jcg_lib.context_new_function(c, NULL, GCC_JIT_FUNCTION_IMPORTED, lng, "jcg_test_elsewhere", 1, &y, 0);
    gcc_jit_function *f = jcg_lib.context_new_function(c, NULL, GCC_JIT_FUNCTION_EXPORTED, lng, "outside", 1, &x, 0);
    gcc_jit_block *b = jcg_lib.function_new_block(f, NULL);
    gcc_jit_rvalue *arg = jcg_lib.param_as_rvalue(x);
    jcg_lib.block_end_with_return(b, NULL, jcg_lib.context_new_call(c, NULL, ext, 1, &arg));
}

static void compile_object(void (*build)(gcc_jit_context *))
{
    gcc_jit_context *c = jcg_lib.context_acquire();
    jcg_lib.context_set_bool_use_external_driver(c, 1);
    jcg_lib.context_add_command_line_option(c, "-O2");
    build(c);
    jcg_lib.context_compile_to_file(c, GCC_JIT_OUTPUT_KIND_OBJECT_FILE, path);
    const char *error = jcg_lib.context_get_first_error(c);
    cr_assert_null(error, "libgccjit: %s", error);
    jcg_lib.context_release(c);
}

Test(elf, code_with_constants_and_a_jump_table_runs)
{
    if (!jcg_elf_supported())
        cr_skip_test("the loader does not work on this machine");
    compile_object(build_scale);
    char err[128] = "";
    jcg_image *image = jcg_elf_load(path, err, sizeof err);
    cr_assert(image, "refused: %s", err);
    double (*scale)(long) = (double (*)(long))jcg_elf_symbol(image, "scale");
    cr_assert(scale);
    for (long k = 0; k < 8; k++)
        cr_assert_eq(scale(k), 1.25 * k + 0.1, "scale(%ld) = %g", k, scale(k));
    cr_assert_eq(scale(8), -0.5);
    cr_assert_eq(scale(-3), -0.5);
    cr_assert_null(jcg_elf_symbol(image, "no_such_function"));
    jcg_elf_release(image);
}

Test(elf, an_undefined_symbol_is_refused_by_name)
{
    if (!jcg_elf_supported())
        cr_skip_test("the loader does not work on this machine");
    compile_object(build_outside);
    char err[128] = "";
    cr_assert_null(jcg_elf_load(path, err, sizeof err));
    cr_assert(strstr(err, "undefined symbol 'jcg_test_elsewhere'"), "the reason was: %s", err);
}

static void write_file(const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    cr_assert(f);
    cr_assert_eq(fwrite(data, 1, size, f), size);
    fclose(f);
}

Test(elf, what_is_not_a_whole_object_is_refused)
{
    if (!jcg_elf_supported())
        cr_skip_test("the loader does not work on this machine");
    char err[128] = "";
    write_file("hello, world\n", 13);
    cr_assert_null(jcg_elf_load(path, err, sizeof err));
    cr_assert_str_eq(err, "not an ELF file");

    /* A real object cut short at every length up to its section table:
     * each is refused (or, past the table, still loads correctly). */
    compile_object(build_scale);
    FILE *f = fopen(path, "rb");
    cr_assert(f);
    static char whole[1 << 16];
    size_t size = fread(whole, 1, sizeof whole, f);
    fclose(f);
    cr_assert(size > 64 && size < sizeof whole);
    for (size_t len = 0; len < size; len += 7) {
        write_file(whole, len);
        jcg_image *image = jcg_elf_load(path, err, sizeof err);
        if (image) {
            double (*scale)(long) = (double (*)(long))jcg_elf_symbol(image, "scale");
            cr_assert(scale && scale(3) == 1.25 * 3 + 0.1, "a cut object (%zu of %zu bytes) loaded wrong", len, size);
            jcg_elf_release(image);
        }
    }
    cr_assert_null(jcg_elf_load("/nonexistent/t.o", err, sizeof err));
    cr_assert(strstr(err, "cannot read"), "%s", err);
}

#endif
