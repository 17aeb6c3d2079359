/* test_quasi.c — quasi-immutable cells: traces take their values as
 * constants, a write of a new value invalidates those traces, and a cell
 * that keeps changing is read like a field.  Checked on mttiny's globals
 * (gget/gset). */
#include <criterion/criterion.h>
#include <string.h>

#include "mt_jit.h"
#include "mt_record.h"
#include "test_util.h"
#include "tiny.h"

TestSuite(quasi, .init = start_framework);

/* sum += step, n times; `step` is a global set once before the loop.
 * With `write_inside`, each trip also sets the global `last` to i. */
static const char step_loop[] =
    "func main\n"
    "  push 3\n"
    "  gset step\n"
    "  push 0\n"
    "  store i\n"
    "loop:\n"             /* pc 4 */
    "  load s\n"
    "  gget step\n"
    "  add\n"
    "  store s\n"
    "  load i\n"
    "  push 1\n"
    "  add\n"
    "  dup\n"
    "  store i\n"
    "  gset last\n"
    "  load i\n"
    "  push 100\n"
    "  lt\n"
    "  jumpif loop\n"
    "  push 0\n"
    "  ret\n"
    "end\n";

typedef struct run {
    tiny_program prog;
    int64_t greens[2], reds[1];
    mt_jittrace *loop;
} run;

static mt_quasi *cell(run *r, const char *name)
{
    for (size_t i = 0; i < r->prog.nglobals; i++)
        if (!strcmp(r->prog.globals[i]->name, name))
            return &r->prog.globals[i]->cell;
    cr_assert_fail("no global %s", name);
    return NULL;
}

static tiny_frame *frame(const run *r) { return (tiny_frame *)(intptr_t)r->reds[0]; }
/* main's locals, numbered by their first store */
#define I(r) (frame(r)->slots[0])
#define S(r) (frame(r)->slots[1])

/* Load step_loop, run it in the interpreter to the loop header, set the
 * cells as `prepare` says, and record (and compile) the loop there. */
static void record(run *r, bool optimize, void (*prepare)(run *))
{
    char err[200];
    cr_assert(tiny_load(step_loop, &r->prog, err, sizeof err), "%s", err);
    r->greens[0] = (int64_t)(intptr_t)r->prog.main;
    r->greens[1] = 0;
    r->reds[0] = (int64_t)(intptr_t)mt_alloc(TINY_SLOT(r->prog.main->nslots));
    mt_jit_options()->enabled = false;
    while (r->greens[1] != 4)
        cr_assert(tiny_step(r->greens, r->reds));
    if (prepare)
        prepare(r);
    mt_jit_options()->enabled = true;
    mt_jit_options()->optimize = optimize;
    r->loop = mt_jit_record_loop(&tiny_jit, r->greens, r->reds);
    cr_assert(r->loop, "the loop did not compile");
}

/* The loads whose address is the constant `p`. */
static unsigned loads_from(const mt_trace *t, const void *p)
{
    unsigned n = 0;
    for (mt_ref r = 1; r < t->nins; r++) {
        const mt_ins *ins = &t->ins[r];
        n += (mt_ir_info(ins)->flags & MT_IRF_LOAD) && t->ins[ins->a].op == MT_IR_CONST &&
             t->ins[ins->a].aux == (int64_t)(intptr_t)p;
    }
    return n;
}

static bool has_const(const mt_trace *t, int64_t value, mt_ref from)
{
    for (mt_ref r = from; r < t->nins; r++)
        if (t->ins[r].op == MT_IR_CONST && t->ins[r].aux == value)
            return true;
    return false;
}

/* `step` is a constant of the trace and the loop depends on it; the loop
 * checks it is still valid at its start and right after each call that
 * writes the heap (here the write of `last`), nowhere else. */
Test(quasi, a_global_read_in_a_loop_is_a_constant_of_the_trace)
{
    run r;
    record(&r, true, NULL);
    const mt_trace *t = &r.loop->ir;
    char *text = print_trace(t);
    mt_quasi *step = cell(&r, "step");
    cr_expect_eq(t->nquasi, 1, "%s", text);
    cr_expect_eq(t->quasi[0].cell, step, "%s", text);
    cr_expect_eq(t->quasi[0].value, 3, "%s", text);
    cr_expect_eq(loads_from(t, step), 0, "%s", text);
    cr_expect(has_const(t, 3, 1), "%s", text);
    cr_assert_neq(t->label, 0, "not peeled:\n%s", text);
    /* preamble: at the start and after the write; loop: after the write */
    cr_expect_eq(count_ops(t, MT_IR_GUARD_NOT_INVALIDATED), 3, "%s", text);
    cr_expect_eq(count_loop_ops(t, MT_IR_GUARD_NOT_INVALIDATED), 1, "%s", text);
    cr_expect_eq(count_loop_ops(t, MT_IR_CALL), 1, "%s", text);
    /* and it computes right: run to the end of the loop */
    mt_jit_run(r.loop, r.greens, r.reds);
    cr_expect_eq(S(&r), 300, "s\n%s", text);
    cr_expect_eq(I(&r), 100, "i\n%s", text);
    cr_expect_eq(cell(&r, "last")->value, 100);
    cr_expect_not(r.loop->invalid);
    free(text);
}

static void forget_step(run *r) { cell(r, "step")->changes = MT_QUASI_MAX_CHANGES; }

/* A cell that changed too often is loaded, and the trace assumes nothing
 * about it: it needs no guard_not_invalidated at all. */
Test(quasi, a_global_that_keeps_changing_is_loaded_like_a_field)
{
    run r;
    record(&r, true, forget_step);
    const mt_trace *t = &r.loop->ir;
    char *text = print_trace(t);
    cr_expect_eq(t->nquasi, 0, "%s", text);
    cr_expect_geq(loads_from(t, cell(&r, "step")), 1, "%s", text);
    cr_expect_eq(count_ops(t, MT_IR_GUARD_NOT_INVALIDATED), 0, "%s", text);
    mt_quasi_write(cell(&r, "step"), 5); /* no trace to invalidate */
    cr_expect_not(r.loop->invalid);
    mt_jit_run(r.loop, r.greens, r.reds);
    /* one trip of 3 while recording, then 99 trips of 5 */
    cr_expect_eq(S(&r), 3 + 99 * 5, "%s", text);
    free(text);
}

/* As recorded, the checks are all there; the optimizer drops them when
 * the trace assumes nothing. */
Test(quasi, unoptimized_the_checks_stay)
{
    run r;
    record(&r, false, forget_step);
    cr_expect_eq(count_ops(&r.loop->ir, MT_IR_GUARD_NOT_INVALIDATED), 2);
}

/* Writing a new value unlinks the loop from its key; writing the value it
 * already has changes nothing.  A loop recorded afterwards assumes the new
 * value. */
Test(quasi, a_new_value_invalidates_the_loop_and_the_next_one_assumes_it)
{
    run r;
    record(&r, true, NULL);
    mt_quasi *step = cell(&r, "step");
    uint64_t invalidations = mt_jit_stats()->invalidations;
    mt_quasi_write(step, 3);
    cr_expect_not(r.loop->invalid);
    cr_expect_eq(mt_jit_trace_at(&tiny_jit, r.greens), r.loop);
    mt_quasi_write(step, 10);
    cr_expect(r.loop->invalid);
    cr_expect_eq(step->changes, 2); /* the gset before the loop, and this */
    cr_expect_eq(mt_jit_stats()->invalidations, invalidations + 1);
    cr_expect_null(mt_jit_trace_at(&tiny_jit, r.greens));
    /* entered anyway (as a jump from another trace would), it leaves at
     * its start without doing anything */
    mt_jit_run(r.loop, r.greens, r.reds);
    cr_expect_eq(r.greens[1], 4);
    cr_expect_eq(S(&r), 3);
    cr_expect_eq(I(&r), 1);
    /* the key compiles again, now with 10 */
    mt_jittrace *again = mt_jit_record_loop(&tiny_jit, r.greens, r.reds);
    cr_assert(again);
    cr_expect_eq(again->ir.quasi[0].value, 10);
    cr_expect_eq(mt_jit_trace_at(&tiny_jit, r.greens), again);
    mt_jit_run(again, r.greens, r.reds);
    cr_expect_eq(S(&r), 3 + 99 * 10);
    cr_expect_eq(I(&r), 100);
}
