/* py_resume.c — the resume-mode instantiation of mtpy's handlers: one
 * instruction finished after a guard failed in it.  An exception it
 * raises is handed to the interpreter (UNWIND). */
#include "config.h"

#define MT_MODE_RESUME
#include "py_eval.h"

void py_resume(int64_t *greens, int64_t *reds)
{
    const py_code *code;
    size_t pc;
    mt_ptr frame, result;
    MT_LOAD_STATE(PY_GREENS, PY_REDS, greens, reds);
    const py_insn *insn = &code->insns[pc];
#include "py_ops.h"
    goto done;
error:
    py_error_noticed(frame, code, (int64_t)pc);
unwind:
    ((py_frame *)frame)->lasti = (int64_t)pc;
    pc = code->ninsns;
    goto done;
return_to_c: /* the interpreter does the return: nothing changed yet */
yield_to_c:
    (void)result;
done:
    MT_SAVE_STATE(PY_GREENS, PY_REDS, greens, reds);
}
