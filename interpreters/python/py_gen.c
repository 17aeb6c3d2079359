/* py_gen.c — generators: calling a generator function (or evaluating a
 * generator expression) makes one around the function's frame; each next()
 * resumes the frame from C until it yields or returns. */
#include "config.h"

#include "py_eval.h"

typedef struct py_generator {
    py_obj head;
    py_frame *frame;   /* NULL once it is done */
    bool started, running;
} py_generator;

py_val py_generator_new(py_frame *frame)
{
    py_generator *g = mt_alloc(sizeof *g);
    g->head.type = &py_generator_type;
    g->frame = frame;
    return (py_val)g;
}

static py_val gen_repr(py_val self)
{
    const py_generator *g = (const py_generator *)self;
    const py_code *code = g->frame ? g->frame->code : NULL;
    return (py_val)py_str_format("<generator object %s at %p>", code ? code->qualname->data : "?", (void *)self);
}

static py_val gen_iter(py_val self) { return self; }

/* Resume: the value the paused yield gives is None (next()). */
static py_val gen_next(py_val self)
{
    py_generator *g = (py_generator *)self;
    py_frame *f = g->frame;
    if (!f)
        return NULL;
    if (g->running)
        return py_err_format(&py_exc_ValueError, "generator already executing");
    const py_code *code = f->code;
    int64_t pc = 0;
    if (g->started) {
        pc = f->lasti;
        f->slots[code->nlocals + code->nfree + code->insns[pc - 1].top - 1] = py_none;
    }
    g->started = g->running = true;
    f->back = py_current_frame;
    f->depth = py_current_frame ? py_current_frame->depth + 1 : 1;
    py_frame *saved = py_current_frame;
    py_val r = py_eval(code, pc, f);
    py_current_frame = saved;
    g->running = false;
    if (r && f->lasti >= 0)
        return r; /* it yielded */
    g->frame = NULL;
    if (!r) {
        if (py_err_matches(&py_exc_StopIteration)) {
            py_val stop = py_err_take();
            py_err_format(&py_exc_RuntimeError, "generator raised StopIteration");
            ((py_exception *)py_err_current())->cause = stop;
            ((py_exception *)py_err_current())->context = stop;
            ((py_exception *)py_err_current())->suppress_context = true;
        }
        return NULL;
    }
    if (r != py_none) /* return value: StopIteration(value) */
        py_err_set(py_exception_new(&py_exc_StopIteration, &r, 1));
    return NULL;
}

py_type py_generator_type = {
    .head = {&py_type_type}, .name = "generator", .repr = gen_repr, .iter = gen_iter, .next = gen_next,
};
