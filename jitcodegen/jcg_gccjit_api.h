/* jcg_gccjit_api.h — libgccjit, opened when the VM wants it.
 *
 * Linked at start-up, libgccjit costs every run of a VM about 6 ms (the
 * dynamic linker's relocations of a 30 MB library), JIT or no JIT, and a
 * machine without it could not start the VM at all.  So the backend opens
 * it with dlopen once the host says the JIT will be on (mt_jit_prepare),
 * or at the first compile, and calls it through this table:
 * `jcg_lib.context_acquire()` for gcc_jit_context_acquire().  Where it
 * cannot be opened, the VM warns once and interprets.
 */
#ifndef JCG_GCCJIT_API_H
#define JCG_GCCJIT_API_H

#include <stdbool.h>
#include <stddef.h>

#include <libgccjit.h>

/* Every libgccjit function the backend (and its tests) call, without the
 * gcc_jit_ prefix. */
#define JCG_GCCJIT_CALLS(X) \
    X(block_add_assignment) X(block_add_eval) X(block_end_with_conditional) X(block_end_with_jump) \
    X(block_end_with_switch) X(context_new_case) X(context_new_rvalue_from_double) \
    X(block_end_with_return) X(context_acquire) X(context_add_command_line_option) \
    X(context_add_driver_option) X(context_compile) X(context_compile_to_file) \
    X(context_get_builtin_function) X(context_get_first_error) X(context_get_type) \
    X(context_new_array_access) X(context_new_binary_op) X(context_new_bitcast) X(context_new_call) \
    X(context_new_call_through_ptr) X(context_new_cast) X(context_new_comparison) \
    X(context_new_function) X(context_new_function_ptr_type) X(context_new_param) \
    X(context_new_rvalue_from_int) X(context_new_rvalue_from_long) X(context_new_rvalue_from_ptr) \
    X(context_new_unary_op) X(context_null) X(context_one) X(context_release) \
    X(context_set_bool_allow_unreachable_blocks) X(context_set_bool_option) \
    X(context_set_bool_print_errors_to_stderr) X(context_set_bool_use_external_driver) \
    X(context_zero) X(function_new_block) X(function_new_local) X(lvalue_as_rvalue) \
    X(lvalue_get_address) X(param_as_rvalue) X(result_get_code) X(result_release) \
    X(rvalue_dereference) X(rvalue_set_bool_require_tail_call) X(type_get_pointer) \
    X(type_get_volatile) X(version_major) X(version_minor) X(version_patchlevel) \
    JCG_GCCJIT_ASM_CALLS(X)

#ifdef LIBGCCJIT_HAVE_ASM_STATEMENTS
#define JCG_GCCJIT_ASM_CALLS(X) X(block_add_extended_asm) X(extended_asm_add_input_operand) \
    X(extended_asm_add_output_operand) X(extended_asm_set_volatile_flag)
#else
#define JCG_GCCJIT_ASM_CALLS(X)
#endif

typedef struct jcg_gccjit_lib {
#define JCG_GCCJIT_POINTER(name) __typeof__(gcc_jit_##name) *name;
    JCG_GCCJIT_CALLS(JCG_GCCJIT_POINTER)
#undef JCG_GCCJIT_POINTER
} jcg_gccjit_lib;

/* Filled in by jcg_gccjit_open. */
extern jcg_gccjit_lib jcg_lib;

/* Open libgccjit and fill jcg_lib, once, on the main thread (opened from
 * another, libgccjit 12 crashed in its first compiles).  False, with the
 * reason, if it cannot be opened or lacks a function. */
bool jcg_gccjit_open(char *err, size_t errsize);

#endif
