/* py_eval.h — the evaluation loop: its JIT driver and three
 * instantiations (py_interp.c, py_trace.c, py_resume.c of py_ops.h), and
 * the residual operations the handlers call (py_eval.c).
 *
 * Greens are the code object and the pc; the one red is the frame.  An
 * exception is unwound only by the interpreter: a trace abandons its
 * recording where one is raised, and resume mode leaves it to the
 * interpreter through the pseudo-instruction at pc == ninsns (PY_UNWIND
 * semantics: continue unwinding from frame->lasti). */
#ifndef PY_EVAL_H
#define PY_EVAL_H

#include "py_code.h"
#include "py_types.h"

#define PY_GREENS(G) G(code) G(pc)
#define PY_REDS(R) R(PTR, frame)
extern const mt_jitdriver py_jit;
void py_trace(int64_t *greens, int64_t *reds);
void py_resume(int64_t *greens, int64_t *reds);
/* The driver's call function: from a function's entry until it returns. */
void py_call_portal(int64_t *greens, int64_t *reds);

/* Run `frame` (entered from C: its ret_code is NULL) from `pc` until it
 * returns (its result) or an exception leaves it (NULL). */
py_val py_eval(const py_code *code, int64_t pc, py_frame *frame);

/* The frame the running code is in, for C code that calls back into
 * Python (its frames go on top). */
extern py_frame *py_current_frame;
extern mt_quasi py_depth_limit;

/* Generators (py_gen.c): one around the frame of a generator's call. */
extern py_type py_generator_type;
py_val py_generator_new(py_frame *frame);

/* A new frame for `code`, zeroed slots. */
py_frame *py_frame_new(const py_code *code, py_function *func, py_frame *back);

/* ---- Ctrl-C and running out of memory ----------------------------------------------
 * SIGINT sets py_interrupted (a byte, for MT_LOAD_VOLATILE_U8); backward
 * jumps and calls of Python functions look at it, in compiled code too,
 * and raise KeyboardInterrupt.  Blocking reads that SIGINT interrupts
 * raise it at once (py_take_interrupt).  An allocation that failed and
 * was made out of the reserve (py_memory_init) sets it too, and the same
 * checks raise MemoryError. */
extern volatile uint8_t py_interrupted;
/* Catch SIGINT, unless it is ignored (as a background job's is). */
void py_signals_init(void);
/* Raise MemoryError at the next check (py_memory_init's at_next_check). */
void py_interrupt_for_memory(void);
/* Raise MemoryError if memory ran out, else KeyboardInterrupt, clearing
 * the flag (its argument is unused). */
void py_op_interrupt(int64_t unused);
/* If SIGINT came or memory ran out: raise and return true. */
bool py_take_interrupt(void);

/* ---- residual operations (py_eval.c) ----------------------------------------------
 * Each returns NULL (or -1) with the exception set on error. */

/* FOR_ITER's next: the item, py_stop_iteration at the end, NULL on error. */
extern py_obj py_stop_iteration;
py_val py_op_next(py_val iterator);
int64_t py_op_truth(py_val v);
py_val py_op_binary(py_val a, py_val b, int64_t op);
/* py_op_binary where at least one operand is a float and the other a
 * float or a small int: it runs no Python code and reads nothing that can
 * change, so it is called with no effect but raising. */
py_val py_op_float_binary(py_val a, py_val b, int64_t op);
/* py_op_unary of a float: the same promise. */
py_val py_op_float_unary(py_val v, int64_t op);
/* py_op_compare of such operands: True or False, from their values alone. */
py_val py_op_float_compare(py_val a, py_val b, int64_t op);
py_val py_op_inplace(py_val a, py_val b, int64_t op);
py_val py_op_compare(py_val a, py_val b, int64_t op);
py_val py_op_contains(py_val item, py_val container, int64_t negate);
py_val py_op_unary(py_val v, int64_t op);
py_val py_op_getattr(py_val v, py_val name);
int64_t py_op_setattr(py_val v, py_val name, py_val value);
int64_t py_op_dict_merge(py_val callable, py_val dict, py_val other);
int64_t py_op_setitem(py_val v, py_val key, py_val value);
int64_t py_op_delitem(py_val v, py_val key);
/* BUILD_*: `n` values from stack slot `first` of `frame`. */
py_val py_op_build(py_frame *frame, int64_t first, int64_t n, int64_t op);
py_val py_op_build_map(py_frame *frame, int64_t first, int64_t pairs);
py_val py_op_build_slice(py_val start, py_val stop, py_val step);
/* LIST_APPEND and the rest: `container` (a list, set or dict) takes `v`. */
int64_t py_op_container_add(py_val container, py_val v, int64_t op);
int64_t py_op_map_add(py_val dict, py_val key, py_val value);
py_val py_op_list_to_tuple(py_val list);
py_val py_op_format(py_val v, py_val spec, int64_t conversion);
/* UNPACK into stack slots from `first` (the first value at the top). */
int64_t py_op_unpack(py_frame *frame, int64_t first, py_val v, int64_t arg, int64_t starred);
/* CALL, CALL_KW, CALL_EX of a callable compiled code does not enter. */
py_val py_op_call(py_frame *frame, int64_t first, int64_t nargs, py_val kwnames);
py_val py_op_call_ex(py_frame *frame, py_val callable, py_val args, py_val kwargs);
/* A frame for a call of a Python function whose arguments need binding
 * (defaults, keywords, *args, **kwargs), or NULL with the TypeError. */
py_frame *py_op_bind(py_frame *caller, int64_t first, int64_t nargs, py_val kwnames,
                     const py_code *ret_code, int64_t ret_pc);
py_val py_op_make_function(py_val code, py_val defaults, py_val kwdefaults, py_val closure);
py_val py_op_import(py_val name);
/* Exceptions: the errors handlers raise, raising, matching, taking. */
void py_op_unbound_local(const py_code *code, int64_t slot);
void py_op_unbound_free(const py_code *code, int64_t slot);
void py_op_name_error(py_val name);
void py_op_recursion_error(int64_t depth);
/* RAISE: 1 when it re-raised the exception being handled, else 0 (a new
 * exception, or the error raising it made). */
int64_t py_op_raise(py_frame *frame, py_val exc, py_val cause, int64_t arg);
int64_t py_op_reraise(py_val exc);
int64_t py_op_exc_match(py_val exc, py_val type);
py_val py_op_new_cell(py_val value);

/* Unwinding: the current exception was raised at `pc` of `frame`
 * (chained to the exception being handled there, and its traceback
 * entry); an entry for a frame it passes on its way out. */
void py_error_noticed(py_frame *frame, const py_code *code, int64_t pc);
void py_traceback_add(py_val exc, const py_code *code, int64_t pc);

#endif
