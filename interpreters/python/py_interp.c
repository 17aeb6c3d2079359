/* py_interp.c — the interp-mode instantiation of mtpy's handlers: the
 * interpreter, which alone unwinds exceptions (to a handler in the frame,
 * else out to the caller, adding each frame to the traceback). */
#include "config.h"

#include "py_eval.h"

/* Where an exception raised at `*pc` goes: the innermost handler of the
 * frame, else the caller's call instruction, and so on.  False when it
 * leaves the frame `stop` returns to (C, or a call made from compiled
 * code), with the state at the caller's call instruction. */
static bool unwind_to_handler(const py_code **code, size_t *pc, py_frame **frame, const py_frame *stop)
{
    py_val exc = py_err_current();
    for (;;) {
        const py_insn *in = &(*code)->insns[*pc];
        if (in->handler >= 0) {
            const py_insn *h = &(*code)->insns[in->handler];
            (*frame)->slots[(*code)->nlocals + (*code)->nfree + h->top - 1] = py_err_take();
            *pc = (size_t)in->handler;
            return true;
        }
        py_frame *f = *frame;
        if (!f->ret_code || f->back == stop)
            return false;
        *code = f->ret_code;
        *pc = (size_t)f->ret_pc - 1;
        *frame = f->back;
        py_traceback_add(exc, *code, (int64_t)*pc);
    }
}

py_val py_eval(const py_code *start_code, int64_t start_pc, py_frame *start_frame)
{
    const py_code *code = start_code;
    size_t pc = (size_t)start_pc;
    py_frame *frame = start_frame;
    mt_ptr result = NULL;
    for (;;) {
        MT_MERGE_POINT(py_jit, PY_GREENS, PY_REDS);
        const py_insn *insn = &code->insns[pc];
#include "py_ops.h"
        continue;
    error:
        py_error_noticed(frame, code, (int64_t)pc);
    unwind:
        if (!unwind_to_handler(&code, &pc, &frame, NULL))
            return NULL;
    }
return_to_c:
    frame->lasti = -1; /* a generator is done */
    return result;
yield_to_c:
    frame->lasti = (int64_t)pc + 1;
    return result;
}

void py_call_portal(int64_t *greens, int64_t *reds)
{
    const py_code *code;
    size_t pc;
    mt_ptr frame;
    MT_LOAD_STATE(PY_GREENS, PY_REDS, greens, reds);
    py_frame *caller = ((py_frame *)frame)->back;
    mt_ptr result = NULL;
    /* the callee's entry, as an interpreted call would have it: its entry
     * trace runs (at most to its return), else the entry's count goes up */
    MT_ENTER_FUNCTION(py_jit, PY_GREENS, PY_REDS);
    while (frame != caller) {
        MT_MERGE_POINT(py_jit, PY_GREENS, PY_REDS);
        const py_insn *insn = &code->insns[pc];
#include "py_ops.h"
        continue;
    error:
        py_error_noticed(frame, code, (int64_t)pc);
    unwind:
        if (!unwind_to_handler(&code, &pc, (py_frame **)&frame, caller)) {
            /* into the caller: it goes on unwinding at its call (UNWIND) */
            py_frame *f = frame;
            code = f->ret_code;
            caller->lasti = f->ret_pc - 1;
            py_traceback_add(py_err_current(), code, caller->lasti);
            pc = code->ninsns;
            frame = caller;
        }
    }
    MT_SAVE_STATE(PY_GREENS, PY_REDS, greens, reds);
    return;
return_to_c: /* the callee was called from compiled code, never from C */
yield_to_c:
    (void)result;
    mt_die(70, "internal error: a call made from compiled code returned to C");
}
