/* test_deopt.c — exact deopt, checked against the interpreter's state.
 *
 * Each test records a tiny loop, forces one chosen guard to fail once, runs
 * the compiled loop and deopts; then it steps a copy of the same start
 * state through the plain interpreter to the same point and compares the
 * two states field by field (greens, every frame on the chain). */
#include <criterion/criterion.h>
#include <string.h>

#include "mt_jit.h"
#include "test_util.h"
#include "tiny.h"

TestSuite(deopt, .init = start_framework);

typedef struct state {
    int64_t greens[2]; /* code, pc */
    int64_t reds[1];   /* frame */
} state;

static tiny_frame *frame_of(const state *s) { return (tiny_frame *)(intptr_t)s->reds[0]; }
static const tiny_func *code_of(const state *s) { return (const tiny_func *)(intptr_t)s->greens[0]; }

static tiny_frame *copy_frame(const tiny_frame *f, const tiny_func *func)
{
    size_t size = (size_t)TINY_SLOT(func->nslots);
    tiny_frame *c = mt_alloc(size);
    memcpy(c, f, size);
    if (f->back)
        c->back = copy_frame(f->back, f->ret_code);
    return c;
}

static state copy_state(const state *s)
{
    state c = *s;
    c.reds[0] = (int64_t)(intptr_t)copy_frame(frame_of(s), code_of(s));
    return c;
}

static void expect_same_state(const state *got, const state *want)
{
    cr_expect_eq(got->greens[0], want->greens[0], "code differs");
    cr_expect_eq(got->greens[1], want->greens[1], "pc %lld, want %lld", (long long)got->greens[1],
                 (long long)want->greens[1]);
    const tiny_frame *a = frame_of(got), *b = frame_of(want);
    const tiny_func *func = code_of(want);
    for (int depth = 0; a && b; depth++) {
        cr_expect_eq(a->ret_code, b->ret_code, "frame %d: ret_code", depth);
        cr_expect_eq(a->ret_pc, b->ret_pc, "frame %d: ret_pc", depth);
        cr_expect_eq(a->ret_slot, b->ret_slot, "frame %d: ret_slot", depth);
        cr_expect_eq(a->depth, b->depth, "frame %d: depth", depth);
        for (uint32_t i = 0; i < func->nslots; i++)
            cr_expect_eq(a->slots[i], b->slots[i], "frame %d (%s) slot %u: %lld, want %lld", depth,
                         func->name, i, (long long)a->slots[i], (long long)b->slots[i]);
        func = b->ret_code;
        a = a->back;
        b = b->back;
    }
    cr_expect(!a && !b, "frame chains of different lengths");
}

/* Load `source` and step it with the JIT off until it first reaches the
 * instruction at `pc` of main. */
static state start(const char *source, size_t pc)
{
    static tiny_program prog;
    char err[200];
    cr_assert(tiny_load(source, &prog, err, sizeof err), "%s", err);
    state s = {{(int64_t)(intptr_t)prog.main, 0}, {(int64_t)(intptr_t)mt_alloc(TINY_SLOT(prog.main->nslots))}};
    mt_jit_options()->enabled = false;
    while (s.greens[1] != (int64_t)pc || code_of(&s) != prog.main)
        cr_assert(tiny_step(s.greens, s.reds));
    return s;
}

/* The reference: step `s` until it reaches the guard's instruction, then
 * run that instruction (unless the guard leaves before it starts).  A
 * guard after the label of a peeled loop is first reached in the second
 * iteration: step once around the loop before. */
static void step_through(state *s, const int64_t *guard_greens, bool second_iteration,
                         bool at_start)
{
    mt_jit_options()->enabled = false;
    if (second_iteration) {
        int64_t header[2] = {s->greens[0], s->greens[1]};
        int n = 0;
        do {
            cr_assert_lt(n++, 1000, "the interpreter never came back to the loop header");
            cr_assert(tiny_step(s->greens, s->reds));
        } while (memcmp(s->greens, header, sizeof header));
    }
    for (int n = 0; memcmp(s->greens, guard_greens, sizeof s->greens); n++) {
        cr_assert_lt(n, 1000, "the interpreter never reached the guard's instruction");
        cr_assert(tiny_step(s->greens, s->reds));
    }
    if (!at_start)
        cr_assert(tiny_step(s->greens, s->reds));
}

/* Did the instruction of the guard `g` call a function from compiled code
 * (instead of the trace going into it) before `g`?  Then deopt goes on
 * after the callee returned.  The call is the nearest one before `g`
 * with no guard of another instruction between them. */
static bool made_a_call(const mt_trace *t, mt_ref g)
{
    const mt_snapshot *s = &t->snaps[t->ins[g].snap];
    for (mt_ref r = g; r-- > 1;) {
        const mt_ins *ins = &t->ins[r];
        if (ins->op == MT_IR_CALL && t->calls[ins->a].fn == (void *)mt_call_function)
            return true;
        if ((mt_ir_info(ins)->flags & MT_IRF_GUARD) &&
            memcmp(t->words + t->snaps[ins->snap].greens, t->words + s->greens, 2 * sizeof(int64_t)))
            return false;
    }
    return false;
}

/* The reference at a callee's entry: step until the callee returned. */
static void finish_call(state *s)
{
    const tiny_frame *caller = frame_of(s)->back;
    for (int n = 0; frame_of(s) != caller; n++) {
        cr_assert_lt(n, 100000, "the call never returned");
        cr_assert(tiny_step(s->greens, s->reds));
    }
}

/* The guard that owns snapshot `snap`. */
static mt_ref guard_of(const mt_trace *t, uint32_t snap)
{
    for (mt_ref r = 1; r < t->nins; r++)
        if ((mt_ir_info(&t->ins[r])->flags & MT_IRF_GUARD) && t->ins[r].snap == snap)
            return r;
    return 0;
}

/* Run the compiled loop with the guard of `snap` forced to fail once, and
 * the interpreter from the same state to the same point; compare. */
static void compare_at_guard(const mt_jittrace *loop, const state *s, uint32_t snap)
{
    const mt_trace *t = &loop->ir;
    const mt_snapshot *sn = &t->snaps[snap];
    int64_t guard_greens[2] = {t->words[sn->greens], t->words[sn->greens + 1]};
    state compiled = copy_state(s), reference = copy_state(s);
    uint64_t failures = mt_jit_stats()->guard_failures;
    mt_jit_force_guard_failure(loop, snap, 1);
    mt_jit_run((mt_jittrace *)loop, compiled.greens, compiled.reds);
    cr_expect_eq(mt_jit_stats()->guard_failures, failures + 1);
    /* guard_not_invalidated is not a step: with nothing replayed, it
     * leaves at the start of its instruction */
    bool at_start = t->ins[guard_of(t, snap)].op == MT_IR_GUARD_NOT_INVALIDATED && !sn->nreplay;
    step_through(&reference, guard_greens, t->label && guard_of(t, snap) > t->label, at_start);
    if (made_a_call(t, guard_of(t, snap)))
        finish_call(&reference);
    expect_same_state(&compiled, &reference);
}

static bool replay_has(const mt_trace *t, const mt_snapshot *s, mt_irop op)
{
    for (uint32_t i = 0; i < s->nreplay; i++)
        if (t->ins[t->pool[s->replay + i]].op == op)
            return true;
    return false;
}

/* Record the loop at the state (optimized or as recorded), force the
 * guard `pick` chooses to fail once, and compare compiled-code-plus-deopt
 * with the interpreter. */
static void check_deopt(state s, bool optimize, bool (*pick)(const mt_trace *, const mt_snapshot *))
{
    mt_jit_options()->enabled = true;
    mt_jit_options()->optimize = optimize;
    mt_jittrace *loop = mt_jit_record_loop(&tiny_jit, s.greens, s.reds);
    cr_assert(loop, "the loop did not compile");
    const mt_trace *t = &loop->ir;
    char *text = print_trace(t);
    uint32_t snap = UINT32_MAX;
    for (mt_ref r = 1; r < t->nins; r++)
        if ((mt_ir_info(&t->ins[r])->flags & MT_IRF_GUARD) && pick(t, &t->snaps[t->ins[r].snap])) {
            snap = t->ins[r].snap;
            break;
        }
    cr_assert_neq(snap, UINT32_MAX, "no such guard in\n%s", text);
    compare_at_guard(loop, &s, snap);
    free(text);
}

static const char loop_calling_f[] =
    "func f a\n"          /* f(a) = a * 2, or 0 from a = 1000 on */
    "    load a\n"
    "    push 1000\n"
    "    lt\n"
    "    jumpifnot big\n"
    "    load a\n"
    "    push 2\n"
    "    mul\n"
    "    ret\n"
    "big:\n"
    "    push 0\n"
    "    ret\n"
    "end\n"
    "func main\n"
    "    push 50\n"
    "    store i\n"
    "    push 0\n"
    "    store s\n"
    "loop:\n"             /* main pc 4 */
    "    load s\n"
    "    load i\n"
    "    call f\n"
    "    add\n"
    "    store s\n"
    "    load i\n"
    "    push 1\n"
    "    sub\n"
    "    dup\n"
    "    store i\n"
    "    jumpif loop\n"
    "    load s\n"
    "    print\n"
    "    push 0\n"
    "    ret\n"
    "end\n";

/* The depth check of 'call': after the new frame was allocated and
 * written, in the middle of the instruction. */
static bool after_heap_write(const mt_trace *t, const mt_snapshot *s)
{
    return replay_has(t, s, MT_IR_NEW) && replay_has(t, s, MT_IR_STORE_INT);
}

Test(deopt, guard_in_the_middle_of_an_instruction_after_heap_writes)
{
    check_deopt(start(loop_calling_f, 4), false, after_heap_write);
}

/* Any guard in f's code: the trace inlined the call. */
static bool in_callee(const mt_trace *t, const mt_snapshot *s)
{
    const tiny_func *code = (const tiny_func *)(intptr_t)t->words[s->greens];
    return !strcmp(code->name, "f");
}

Test(deopt, guard_inside_an_inlined_call)
{
    check_deopt(start(loop_calling_f, 4), false, in_callee);
}

/* A guard_value's snapshot: in loop_calling_f, returning from f (the
 * promoted return address); in loop_pow, the count of pow's loop. */
static bool of_a_guard_value(const mt_trace *t, const mt_snapshot *s)
{
    for (mt_ref r = 1; r < t->nins; r++)
        if (t->ins[r].op == MT_IR_GUARD_VALUE && &t->snaps[t->ins[r].snap] == s)
            return true;
    return false;
}

Test(deopt, guard_on_a_promoted_return_address)
{
    check_deopt(start(loop_calling_f, 4), false, of_a_guard_value);
}

/* Optimized, f's frame never exists while the loop runs: the allocation
 * and its stores are sunk.  A guard in the middle of 'call', after the
 * frame was made and filled in, must build it (virtual, and in the replay
 * list as the result of the NEW the instruction already did). */
static bool virtual_in_replay(const mt_trace *t, const mt_snapshot *s)
{
    for (uint32_t i = 0; i < s->nreplay; i++)
        if (mt_ir_is_sunk_new(t, t->pool[s->replay + i]))
            return s->nvirt > 1; /* the frame and stores into it */
    return false;
}

Test(deopt, guard_after_heap_writes_into_a_virtual_object)
{
    check_deopt(start(loop_calling_f, 4), true, virtual_in_replay);
}

/* A guard inside f with f's frame virtual: deopt builds the frame, and
 * the interpreter continues in f as if it had been there all along. */
static bool in_callee_with_virtual_frame(const mt_trace *t, const mt_snapshot *s)
{
    return in_callee(t, s) && mt_ir_is_sunk_new(t, t->pool[s->reds]);
}

Test(deopt, guard_inside_an_inlined_call_with_its_frame_virtual)
{
    check_deopt(start(loop_calling_f, 4), true, in_callee_with_virtual_frame);
}

/* After deopt the program goes on as if nothing had been compiled: run
 * the whole loop under forced failures and compare the result. */
static void every_guard(bool optimize, bool inline_calls)
{
    state s = start(loop_calling_f, 4);
    mt_jit_options()->enabled = true;
    mt_jit_options()->optimize = optimize;
    mt_jit_options()->inline_calls = inline_calls;
    mt_jittrace *loop = mt_jit_record_loop(&tiny_jit, s.greens, s.reds);
    cr_assert(loop);
    for (uint32_t snap = 0; snap < loop->ir.nsnaps; snap++)
        compare_at_guard(loop, &s, snap);
}

Test(deopt, every_guard_of_the_loop_in_turn)
{
    every_guard(false, true);
}

/* The same, optimized: a peeled loop whose guards see virtual frames. */
Test(deopt, every_guard_of_the_optimized_loop_in_turn)
{
    every_guard(true, true);
}

/* With the call made from compiled code: the guards after it check where
 * it returned to; deopt there goes on after the call, which is not
 * made again. */
Test(deopt, every_guard_of_a_loop_that_makes_its_call_in_turn)
{
    every_guard(false, false);
}

Test(deopt, every_guard_of_an_optimized_loop_that_makes_its_call_in_turn)
{
    every_guard(true, false);
}

/* ---- guard_not_invalidated ------------------------------------------------ */

/* The loop takes the global g as a constant (0) and writes it every trip
 * with i == 50: the same value, until the trip where it is not. */
static const char loop_writing_g[] =
    "func main\n"
    "    push 0\n"
    "    store i\n"
    "loop:\n"             /* main pc 2 */
    "    gget g\n"
    "    load s\n"
    "    add\n"
    "    store s\n"
    "    load i\n"
    "    push 1\n"
    "    add\n"
    "    dup\n"
    "    store i\n"
    "    push 50\n"
    "    eq\n"
    "    gset g\n"        /* main pc 13 */
    "    load i\n"
    "    push 100\n"
    "    lt\n"
    "    jumpif loop\n"
    "    push 0\n"
    "    ret\n"
    "end\n";

/* The check right after the write: the instruction is over but for its
 * end; deopt finishes it without redoing the write. */
static bool after_quasi_write(const mt_trace *t, const mt_snapshot *s)
{
    for (mt_ref r = 1; r < t->nins; r++)
        if (t->ins[r].op == MT_IR_GUARD_NOT_INVALIDATED && &t->snaps[t->ins[r].snap] == s)
            return s->nreplay > 0;
    return false;
}

Test(deopt, guard_not_invalidated_after_a_write_in_the_middle_of_an_instruction)
{
    check_deopt(start(loop_writing_g, 2), true, after_quasi_write);
}

/* Not forced: at i = 50 the compiled loop writes 1 into g, which it
 * assumed to be 0.  The write invalidates the loop itself, the check
 * after it fails, and the interpreter goes on right after the gset. */
Test(deopt, a_loop_that_invalidates_itself_leaves_right_after_the_write)
{
    state s = start(loop_writing_g, 2);
    mt_jit_options()->enabled = true;
    mt_jit_options()->optimize = true;
    mt_jittrace *loop = mt_jit_record_loop(&tiny_jit, s.greens, s.reds);
    cr_assert(loop);
    cr_assert_eq(loop->ir.nquasi, 1);
    mt_quasi *g = loop->ir.quasi[0].cell;
    state reference = copy_state(&s);
    uint64_t failures = mt_jit_stats()->guard_failures;
    mt_jit_run(loop, s.greens, s.reds);
    cr_expect(loop->invalid);
    cr_expect_eq(g->value, 1);
    cr_expect_eq(mt_jit_stats()->guard_failures, failures + 1);
    /* the interpreter, from the same state and the same g, to the end of
     * the gset that wrote 1 */
    mt_quasi_write(g, 0);
    mt_jit_options()->enabled = false;
    do
        cr_assert(tiny_step(reference.greens, reference.reds));
    while (g->value == 0);
    expect_same_state(&s, &reference);
    cr_expect_eq(s.greens[1], 14);
}

/* ---- unroll-safe loops ------------------------------------------------------ */

/* s += 3 ** i: the trace unrolls pow for the i it saw; the next trip's i
 * fails the guard on the count, after the operands were loaded. */
static const char loop_pow[] =
    "func main\n"
    "    push 1\n"
    "    store i\n"
    "loop:\n"             /* main pc 2 */
    "    load s\n"
    "    push 3\n"
    "    load i\n"
    "    pow\n"
    "    add\n"
    "    store s\n"
    "    load i\n"
    "    push 1\n"
    "    add\n"
    "    dup\n"
    "    store i\n"
    "    push 6\n"
    "    lt\n"
    "    jumpif loop\n"
    "    push 0\n"
    "    ret\n"
    "end\n";

Test(deopt, guard_on_the_count_of_an_unrolled_loop)
{
    check_deopt(start(loop_pow, 2), false, of_a_guard_value);
}

Test(deopt, guard_on_the_count_of_an_unrolled_loop_optimized)
{
    check_deopt(start(loop_pow, 2), true, of_a_guard_value);
}
