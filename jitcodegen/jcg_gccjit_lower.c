/* jcg_gccjit_lower.c — one trace to one libgccjit function.
 *
 * Every IR value is a 64-bit local; the trace's straight line becomes a
 * chain of blocks split at guards.  A failing guard writes its snapshot's
 * exit values to the run's buffer and either tail-calls the bridge in its
 * patchable slot or returns to the framework.  The lowering table is
 * indexed by MT_IRDEF, so an op without a lower_<NAME> does not build.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "jcg_gccjit.h"
#include "mt_internal.h"

typedef struct lower {
    gcc_jit_context *ctxt;
    gcc_jit_function *fn;
    gcc_jit_block *block; /* where the next instruction goes */
    const mt_trace *ir;
    jcg_code *code;
    const mt_ins *ins;
    mt_ref ref;
    jcg_checks checks;
    gcc_jit_type *word, *byte, *boolean, *word_ptr, *byte_ptr, *entry_type;
    gcc_jit_rvalue *buf, *exit;
    gcc_jit_lvalue **value;  /* by ref; NULL where no value is computed */
    gcc_jit_lvalue **input;  /* by input slot */
    gcc_jit_lvalue *forced;
    gcc_jit_lvalue *exit_guard, *exit_snap, *exit_slot; /* which exit is taken */
    gcc_jit_block *shared_exit;
    gcc_jit_block *loop_top; /* after reading the inputs */
    gcc_jit_block *label;    /* start of the peeled loop */
    unsigned nblocks;
} lower;

/* ---- building blocks ------------------------------------------------------ */

static gcc_jit_block *new_block(lower *l)
{
    char name[24];
    snprintf(name, sizeof name, "b%u", l->nblocks++);
    return jcg_lib.function_new_block(l->fn, name);
}

static gcc_jit_rvalue *word_const(lower *l, int64_t value)
{
    return jcg_lib.context_new_rvalue_from_long(l->ctxt, l->word, (long)value);
}

static gcc_jit_rvalue *ptr_const(lower *l, gcc_jit_type *type, const void *ptr)
{
    return jcg_lib.context_new_rvalue_from_ptr(l->ctxt, type, (void *)ptr);
}

/* The value of ref r where an executed instruction or a snapshot reads
 * it; a sunk (virtual) value reads as 0, as deopt rebuilds it. */
static gcc_jit_rvalue *val(lower *l, mt_ref r)
{
    if (!r || !l->value[r])
        return word_const(l, 0);
    return jcg_lib.lvalue_as_rvalue(l->value[r]);
}

#define A val(l, l->ins->a)
#define B val(l, l->ins->b)

static void set(lower *l, gcc_jit_rvalue *rvalue)
{
    jcg_lib.block_add_assignment(l->block, NULL, l->value[l->ref], rvalue);
}

static gcc_jit_rvalue *as_word(lower *l, gcc_jit_rvalue *rvalue)
{
    return jcg_lib.context_new_cast(l->ctxt, NULL, rvalue, l->word);
}

static gcc_jit_rvalue *as_ptr(lower *l, gcc_jit_rvalue *word, gcc_jit_type *type)
{
    return jcg_lib.context_new_bitcast(l->ctxt, NULL, word, type);
}

/* *(int64_t *)(words + index), as an lvalue */
static gcc_jit_lvalue *word_at(lower *l, gcc_jit_rvalue *words, uint32_t index)
{
    return jcg_lib.context_new_array_access(l->ctxt, NULL, words, word_const(l, index));
}

/* A call to a C function of the framework through its address, so the
 * generated library needs no symbols from the executable. */
static gcc_jit_rvalue *call_c(lower *l, const void *fn, gcc_jit_type *result, int nargs,
                              gcc_jit_type **types, gcc_jit_rvalue **args)
{
    gcc_jit_type *fn_type =
        jcg_lib.context_new_function_ptr_type(l->ctxt, NULL, result, nargs, types, 0);
    return jcg_lib.context_new_call_through_ptr(l->ctxt, NULL, ptr_const(l, fn_type, fn), nargs, args);
}

/* return target(buf, exit), as a tail call so the C stack stays flat */
static void tail_call(lower *l, gcc_jit_block *block, gcc_jit_rvalue *target)
{
    gcc_jit_rvalue *args[2] = {l->buf, l->exit};
    gcc_jit_rvalue *call = jcg_lib.context_new_call_through_ptr(l->ctxt, NULL, target, 2, args);
    jcg_lib.rvalue_set_bool_require_tail_call(call, 1);
    jcg_lib.block_end_with_return(block, NULL, call);
}

static gcc_jit_rvalue *compare(lower *l, enum gcc_jit_comparison op, gcc_jit_rvalue *a, gcc_jit_rvalue *b);
static gcc_jit_rvalue *binary(lower *l, enum gcc_jit_binary_op op, gcc_jit_rvalue *a, gcc_jit_rvalue *b);

/* *(int64_t *)(base + offset) */
static gcc_jit_lvalue *word_field(lower *l, gcc_jit_rvalue *base, int64_t offset)
{
    gcc_jit_rvalue *address = binary(l, GCC_JIT_BINARY_OP_PLUS, base, word_const(l, offset));
    return jcg_lib.rvalue_dereference(as_ptr(l, address, l->word_ptr), NULL);
}

/* ---- guard exits ---------------------------------------------------------- */

/* The delayed stores of a snapshot that builds nothing, made here:
 * *(obj + aux) = value (no byte store is a frame access). */
static void delayed_stores(lower *l, gcc_jit_block *block, const mt_snapshot *s)
{
    for (uint32_t i = 0; i < s->nvirt; i++) {
        const mt_ins *ins = &l->ir->ins[l->ir->pool[s->virt + i]];
        if (!(ins->flags & MT_INSF_SUNK))
            continue; /* an object */
        jcg_lib.block_add_assignment(block, NULL, word_field(l, val(l, ins->a), ins->aux),
                                     val(l, mt_ir_stored_value(ins)));
    }
}

/* Write the exit values of the current guard's snapshot to the buffer:
 * its reds, its replay list, then what deopt builds — made here when it
 * is only stores, else one word per virtual-list entry for
 * mt_jit_materialize. */
static void write_exit_values(lower *l, gcc_jit_block *block, const mt_snapshot *s)
{
    uint32_t n = s->nreds + s->nreplay;
    gcc_jit_rvalue *stored;
    for (uint32_t i = 0; i < n; i++)
        jcg_lib.block_add_assignment(block, NULL, word_at(l, l->buf, i),
                                     val(l, mt_snapshot_ref(l->ir, s, i)));
    if (!s->nvirt)
        return;
    if (mt_snapshot_only_stores(l->ir, s)) {
        delayed_stores(l, block, s);
        return;
    }
    for (uint32_t i = 0; i < s->nvirt; i++) {
        mt_ref r = mt_ir_virtual_value(l->ir, l->ir->pool[s->virt + i]);
        stored = r ? val(l, r) : word_const(l, 0);
        jcg_lib.block_add_assignment(block, NULL, word_at(l, l->buf, n + i), stored);
    }
    gcc_jit_type *types[3] = {l->word, l->word, l->word_ptr};
    gcc_jit_rvalue *args[3] = {word_const(l, (int64_t)(intptr_t)l->ir),
                               word_const(l, (int64_t)(intptr_t)s), l->buf};
    jcg_lib.block_add_eval(block, NULL,
                           call_c(l, (const void *)mt_jit_materialize,
                                  jcg_lib.context_get_type(l->ctxt, GCC_JIT_TYPE_VOID), 3, types, args));
}

/* The tail shared by a trace's exits: the bridge in the taken exit's slot,
 * or back to the framework with the exit's identity. */
static gcc_jit_block *shared_exit(lower *l)
{
    if (l->shared_exit)
        return l->shared_exit;
    gcc_jit_block *start = new_block(l), *attached = new_block(l), *bridge = new_block(l),
                  *leave = new_block(l);
    gcc_jit_type *slot_type = jcg_lib.type_get_pointer(jcg_lib.type_get_volatile(l->entry_type));
    gcc_jit_rvalue *target = jcg_lib.lvalue_as_rvalue(
        jcg_lib.rvalue_dereference(as_ptr(l, jcg_lib.lvalue_as_rvalue(l->exit_slot), slot_type), NULL));
    /* a failure fail_guards made up goes to the interpreter, never into a
     * bridge: the bridge was recorded for the guard really failing */
    jcg_lib.block_end_with_conditional(
        start, NULL, compare(l, GCC_JIT_COMPARISON_NE, jcg_lib.lvalue_as_rvalue(l->forced), word_const(l, 0)),
        leave, attached);
    jcg_lib.block_end_with_conditional(
        attached, NULL,
        jcg_lib.context_new_comparison(l->ctxt, NULL, GCC_JIT_COMPARISON_NE, target,
                                       jcg_lib.context_null(l->ctxt, l->entry_type)),
        bridge, leave);
    /* the slot is read again: a bridge may attach between the reads, and
     * either read is a correct choice */
    tail_call(l, bridge, jcg_lib.lvalue_as_rvalue(
                             jcg_lib.rvalue_dereference(as_ptr(l, jcg_lib.lvalue_as_rvalue(l->exit_slot), slot_type), NULL)));
    jcg_lib.block_add_assignment(leave, NULL, word_at(l, l->exit, JCG_EXIT_TRACE),
                                 word_const(l, (int64_t)(intptr_t)l->code->trace));
    jcg_lib.block_add_assignment(leave, NULL, word_at(l, l->exit, JCG_EXIT_GUARD),
                                 jcg_lib.lvalue_as_rvalue(l->exit_guard));
    jcg_lib.block_add_assignment(leave, NULL, word_at(l, l->exit, JCG_EXIT_SNAP),
                                 jcg_lib.lvalue_as_rvalue(l->exit_snap));
    jcg_lib.block_add_assignment(leave, NULL, word_at(l, l->exit, JCG_EXIT_FORCED),
                                 jcg_lib.lvalue_as_rvalue(l->forced));
    jcg_lib.block_end_with_return(leave, NULL, word_const(l, 0));
    return l->shared_exit = start;
}

/* The cold path of the current guard: its exit values out, then the
 * shared tail. */
static gcc_jit_block *exit_path(lower *l)
{
    uint32_t snap = l->ins->snap;
    gcc_jit_block *start = new_block(l);
    write_exit_values(l, start, &l->ir->snaps[snap]);
    jcg_lib.block_add_assignment(start, NULL, l->exit_guard, word_const(l, l->ref));
    jcg_lib.block_add_assignment(start, NULL, l->exit_snap, word_const(l, snap));
    jcg_lib.block_add_assignment(start, NULL, l->exit_slot, word_const(l, (int64_t)(intptr_t)&l->code->exits[snap]));
    jcg_lib.block_end_with_jump(start, NULL, shared_exit(l));
    return start;
}

/* A block that notes whether the failure was injected, then exits. */
static gcc_jit_block *failure(lower *l, gcc_jit_block *exit, bool forced)
{
    gcc_jit_block *block = new_block(l);
    jcg_lib.block_add_assignment(block, NULL, l->forced, word_const(l, forced));
    jcg_lib.block_end_with_jump(block, NULL, exit);
    return block;
}

/* __builtin_expect(cond, 1): guards hold, so exits are laid out cold */
static gcc_jit_rvalue *likely(lower *l, gcc_jit_rvalue *cond)
{
    gcc_jit_type *lng = jcg_lib.context_get_type(l->ctxt, GCC_JIT_TYPE_LONG);
    gcc_jit_rvalue *args[2] = {jcg_lib.context_new_cast(l->ctxt, NULL, cond, lng),
                               jcg_lib.context_one(l->ctxt, lng)};
    gcc_jit_rvalue *expected = jcg_lib.context_new_call(
        l->ctxt, NULL, jcg_lib.context_get_builtin_function(l->ctxt, "__builtin_expect"), 2, args);
    return compare(l, GCC_JIT_COMPARISON_NE, expected, jcg_lib.context_zero(l->ctxt, lng));
}

/* mt_jit_fail_guard(trace, snap): fail_guards or a test wants it to fail */
static gcc_jit_rvalue *injected_failure(lower *l)
{
    gcc_jit_type *types[2] = {l->word, jcg_lib.context_get_type(l->ctxt, GCC_JIT_TYPE_UNSIGNED_INT)};
    gcc_jit_rvalue *args[2] = {word_const(l, (int64_t)(intptr_t)l->code->trace),
                               jcg_lib.context_new_rvalue_from_int(l->ctxt, types[1], (int)l->ins->snap)};
    return call_c(l, (const void *)mt_jit_fail_guard, l->boolean, 2, types, args);
}

/* *(volatile T *)address */
static gcc_jit_rvalue *volatile_at(lower *l, gcc_jit_type *type, const volatile void *address)
{
    gcc_jit_type *pointer = jcg_lib.type_get_pointer(jcg_lib.type_get_volatile(type));
    return jcg_lib.lvalue_as_rvalue(jcg_lib.rvalue_dereference(ptr_const(l, pointer, (const void *)address), NULL));
}

/* Continue past the current guard if `ok`, else take its exit.  As in the
 * reference backend, a guard that holds still fails when mt_jit_fail_guard
 * says so: asked at every guard under fail_guards; where tests may force
 * failures, when a pending one names this guard, which compiled code
 * checks without a call (a call on the path back into the loop would cost
 * the loop its registers); otherwise never. */
static void guard(lower *l, gcc_jit_rvalue *ok)
{
    gcc_jit_block *exit = exit_path(l), *pass = new_block(l);
    if (l->checks == JCG_CHECK_NONE) {
        jcg_lib.block_end_with_conditional(l->block, NULL, likely(l, ok), pass, failure(l, exit, false));
        l->block = pass;
        return;
    }
    gcc_jit_block *check = new_block(l), *forced = failure(l, exit, true);
    jcg_lib.block_end_with_conditional(l->block, NULL, likely(l, ok), check, failure(l, exit, false));
    l->block = pass;
    if (l->checks == JCG_CHECK_EVERY_GUARD) {
        jcg_lib.block_end_with_conditional(check, NULL, injected_failure(l), forced, pass);
        return;
    }
    gcc_jit_block *this_trace = new_block(l), *consume = new_block(l);
    gcc_jit_rvalue *trace = word_const(l, (int64_t)(intptr_t)l->code->trace);
    gcc_jit_rvalue *forced_trace = as_word(l, volatile_at(l, l->word, &mt_jit_forced_trace));
    jcg_lib.block_end_with_conditional(check, NULL, compare(l, GCC_JIT_COMPARISON_EQ, forced_trace, trace),
                                       this_trace, pass);
    gcc_jit_type *uint = jcg_lib.context_get_type(l->ctxt, GCC_JIT_TYPE_UNSIGNED_INT);
    gcc_jit_rvalue *snap = jcg_lib.context_new_rvalue_from_int(l->ctxt, uint, (int)l->ins->snap);
    jcg_lib.block_end_with_conditional(
        this_trace, NULL, compare(l, GCC_JIT_COMPARISON_EQ, volatile_at(l, uint, &mt_jit_forced_snap), snap),
        consume, pass);
    jcg_lib.block_add_eval(consume, NULL, injected_failure(l)); /* counts the failure down: true here */
    jcg_lib.block_end_with_jump(consume, NULL, forced);
}

/* ---- lowerings, one per op ------------------------------------------------ */

static gcc_jit_rvalue *binary(lower *l, enum gcc_jit_binary_op op, gcc_jit_rvalue *a, gcc_jit_rvalue *b)
{
    return jcg_lib.context_new_binary_op(l->ctxt, NULL, op, l->word, a, b);
}

static gcc_jit_rvalue *compare(lower *l, enum gcc_jit_comparison op, gcc_jit_rvalue *a, gcc_jit_rvalue *b)
{
    return jcg_lib.context_new_comparison(l->ctxt, NULL, op, a, b);
}

/* b mod 64, as the IR defines shift counts */
static gcc_jit_rvalue *shift_count(lower *l)
{
    return binary(l, GCC_JIT_BINARY_OP_BITWISE_AND, B, word_const(l, 63));
}

static void lower_NOP(lower *l) { (void)l; }
static void lower_CONST(lower *l) { set(l, word_const(l, l->ins->aux)); }
static void lower_INPUT(lower *l) { set(l, jcg_lib.lvalue_as_rvalue(l->input[l->ins->aux])); }
/* Arithmetic wraps: the context compiles with -fwrapv. */
static void lower_ADD(lower *l) { set(l, binary(l, GCC_JIT_BINARY_OP_PLUS, A, B)); }
static void lower_SUB(lower *l) { set(l, binary(l, GCC_JIT_BINARY_OP_MINUS, A, B)); }
static void lower_MUL(lower *l) { set(l, binary(l, GCC_JIT_BINARY_OP_MULT, A, B)); }
static void lower_AND(lower *l) { set(l, binary(l, GCC_JIT_BINARY_OP_BITWISE_AND, A, B)); }
static void lower_OR(lower *l) { set(l, binary(l, GCC_JIT_BINARY_OP_BITWISE_OR, A, B)); }
static void lower_XOR(lower *l) { set(l, binary(l, GCC_JIT_BINARY_OP_BITWISE_XOR, A, B)); }
static void lower_SHL(lower *l) { set(l, binary(l, GCC_JIT_BINARY_OP_LSHIFT, A, shift_count(l))); }
static void lower_SAR(lower *l) { set(l, binary(l, GCC_JIT_BINARY_OP_RSHIFT, A, shift_count(l))); }

static void lower_SHR(lower *l)
{
    gcc_jit_type *uword = jcg_lib.context_get_type(l->ctxt, GCC_JIT_TYPE_UINT64_T);
    gcc_jit_rvalue *a = jcg_lib.context_new_cast(l->ctxt, NULL, A, uword);
    gcc_jit_rvalue *count = jcg_lib.context_new_cast(l->ctxt, NULL, shift_count(l), uword);
    set(l, as_word(l, jcg_lib.context_new_binary_op(l->ctxt, NULL, GCC_JIT_BINARY_OP_RSHIFT, uword, a,
                                                    count)));
}

static void lower_NEG(lower *l)
{
    set(l, jcg_lib.context_new_unary_op(l->ctxt, NULL, GCC_JIT_UNARY_OP_MINUS, l->word, A));
}

static void lower_EQ(lower *l) { set(l, as_word(l, compare(l, GCC_JIT_COMPARISON_EQ, A, B))); }
static void lower_NE(lower *l) { set(l, as_word(l, compare(l, GCC_JIT_COMPARISON_NE, A, B))); }
static void lower_LT(lower *l) { set(l, as_word(l, compare(l, GCC_JIT_COMPARISON_LT, A, B))); }
static void lower_LE(lower *l) { set(l, as_word(l, compare(l, GCC_JIT_COMPARISON_LE, A, B))); }

static void lower_ULT(lower *l)
{
    gcc_jit_type *uword = jcg_lib.context_get_type(l->ctxt, GCC_JIT_TYPE_UINT64_T);
    set(l, as_word(l, compare(l, GCC_JIT_COMPARISON_LT, jcg_lib.context_new_cast(l->ctxt, NULL, A, uword),
                              jcg_lib.context_new_cast(l->ctxt, NULL, B, uword))));
}

/* value = a op b through __builtin_<op>_overflow; exits on overflow */
static void overflow_checked(lower *l, const char *builtin)
{
    gcc_jit_function *fn = jcg_lib.context_get_builtin_function(l->ctxt, builtin);
    gcc_jit_rvalue *args[3] = {A, B, jcg_lib.lvalue_get_address(l->value[l->ref], NULL)};
    gcc_jit_rvalue *overflowed = jcg_lib.context_new_call(l->ctxt, NULL, fn, 3, args);
    guard(l, jcg_lib.context_new_unary_op(l->ctxt, NULL, GCC_JIT_UNARY_OP_LOGICAL_NEGATE, l->boolean,
                                          jcg_lib.context_new_cast(l->ctxt, NULL, overflowed, l->boolean)));
}

static void lower_ADD_OV(lower *l) { overflow_checked(l, "__builtin_add_overflow"); }
static void lower_SUB_OV(lower *l) { overflow_checked(l, "__builtin_sub_overflow"); }
static void lower_MUL_OV(lower *l) { overflow_checked(l, "__builtin_mul_overflow"); }

/* a[b] as a byte lvalue */
static gcc_jit_lvalue *byte_at(lower *l)
{
    return jcg_lib.context_new_array_access(l->ctxt, NULL, as_ptr(l, A, l->byte_ptr), B);
}

/* *(int64_t *)(a + aux) of the current instruction */
static gcc_jit_lvalue *field(lower *l) { return word_field(l, A, l->ins->aux); }

/* A volatile load.  libgccjit 12 does not mark a dereference of a
 * pointer to volatile as volatile (gcc hoisted a loop's read of a signal
 * flag out of the loop), so the read is one gcc must keep where it stands:
 * an asm statement on x86-64, a call elsewhere. */
#if !(defined(LIBGCCJIT_HAVE_ASM_STATEMENTS) && defined(__x86_64__))
static int64_t read_volatile_byte(int64_t address) { return *(const volatile uint8_t *)(intptr_t)address; }
#endif

static void lower_LOAD_U8(lower *l)
{
    if (!(l->ins->flags & MT_INSF_VOLATILE)) {
        set(l, as_word(l, jcg_lib.lvalue_as_rvalue(byte_at(l))));
        return;
    }
    gcc_jit_rvalue *address = binary(l, GCC_JIT_BINARY_OP_PLUS, A, B);
#if defined(LIBGCCJIT_HAVE_ASM_STATEMENTS) && defined(__x86_64__)
    gcc_jit_extended_asm *load = jcg_lib.block_add_extended_asm(l->block, NULL, "movzbq (%1), %0");
    jcg_lib.extended_asm_set_volatile_flag(load, 1);
    jcg_lib.extended_asm_add_output_operand(load, NULL, "=r", l->value[l->ref]);
    jcg_lib.extended_asm_add_input_operand(load, NULL, "r", address);
#else
    gcc_jit_type *types[1] = {l->word};
    set(l, call_c(l, (const void *)read_volatile_byte, l->word, 1, types, &address));
#endif
}

static void lower_LOAD_INT(lower *l) { set(l, jcg_lib.lvalue_as_rvalue(field(l))); }
static void lower_LOAD_PTR(lower *l) { lower_LOAD_INT(l); }

static void lower_STORE_U8(lower *l)
{
    gcc_jit_rvalue *byte = jcg_lib.context_new_cast(l->ctxt, NULL, val(l, l->ins->c), l->byte);
    jcg_lib.block_add_assignment(l->block, NULL, byte_at(l), byte);
}

static void lower_STORE_INT(lower *l) { jcg_lib.block_add_assignment(l->block, NULL, field(l), B); }
static void lower_STORE_PTR(lower *l) { lower_STORE_INT(l); }

static void lower_GUARD_TRUE(lower *l) { guard(l, compare(l, GCC_JIT_COMPARISON_NE, A, word_const(l, 0))); }
static void lower_GUARD_FALSE(lower *l) { guard(l, compare(l, GCC_JIT_COMPARISON_EQ, A, word_const(l, 0))); }
static void lower_GUARD_VALUE(lower *l) { guard(l, compare(l, GCC_JIT_COMPARISON_EQ, A, B)); }

static void lower_GUARD_NOT_INVALIDATED(lower *l)
{
    gcc_jit_type *flag = jcg_lib.type_get_volatile(l->boolean);
    gcc_jit_rvalue *invalid = jcg_lib.lvalue_as_rvalue(jcg_lib.rvalue_dereference(
        ptr_const(l, jcg_lib.type_get_pointer(flag), &l->code->trace->invalid), NULL));
    guard(l, jcg_lib.context_new_unary_op(l->ctxt, NULL, GCC_JIT_UNARY_OP_LOGICAL_NEGATE, l->boolean,
                                          invalid));
}

static void lower_CALL(lower *l)
{
    const mt_ins *ins = l->ins;
    gcc_jit_type *types[MT_MAX_CALL_ARGS];
    gcc_jit_rvalue *args[MT_MAX_CALL_ARGS];
    for (uint32_t i = 0; i < ins->b; i++) {
        types[i] = l->word;
        args[i] = val(l, l->ir->pool[ins->aux + i]);
    }
    gcc_jit_rvalue *call = call_c(l, l->ir->calls[ins->a].fn, l->word, (int)ins->b, types, args);
    if (l->value[l->ref])
        set(l, call);
    else
        jcg_lib.block_add_eval(l->block, NULL, call);
}

static void lower_NEW(lower *l)
{
    gcc_jit_type *types[1] = {l->word};
    gcc_jit_rvalue *args[1] = {word_const(l, l->ins->aux)};
    set(l, call_c(l, (const void *)mt_alloc, l->word, 1, types, args));
}

static void lower_LABEL(lower *l)
{
    l->label = new_block(l);
    jcg_lib.block_end_with_jump(l->block, NULL, l->label);
    l->block = l->label;
}

/* Around the peeled loop (or the whole trace without a label) the carried
 * values take their new values all at once, as the reference backend
 * assigns them. */
static void jump_to_self(lower *l)
{
    const mt_ins *ins = l->ins;
    gcc_jit_lvalue *next[ins->b + 1];
    for (uint32_t i = 0; i < ins->b; i++) {
        char name[24];
        snprintf(name, sizeof name, "next%u_%u", l->ref, i);
        next[i] = jcg_lib.function_new_local(l->fn, NULL, l->word, name);
        jcg_lib.block_add_assignment(l->block, NULL, next[i], val(l, l->ir->pool[ins->aux + i]));
    }
    const mt_ins *label = l->ir->label ? &l->ir->ins[l->ir->label] : NULL;
    for (uint32_t i = 0; i < ins->b; i++) {
        gcc_jit_lvalue *carried = label ? l->value[l->ir->pool[label->aux + i]] : l->input[i];
        if (carried)
            jcg_lib.block_add_assignment(l->block, NULL, carried, jcg_lib.lvalue_as_rvalue(next[i]));
    }
    jcg_lib.block_end_with_jump(l->block, NULL, label ? l->label : l->loop_top);
}

/* To another loop: its inputs to the buffer, then a tail call to the code
 * its key's word names: the loop itself or, once it was invalidated, the
 * loop compiled for its key since. */
static void jump_to_loop(lower *l)
{
    const mt_ins *ins = l->ins;
    for (uint32_t i = 0; i < ins->b; i++)
        jcg_lib.block_add_assignment(l->block, NULL, word_at(l, l->buf, i),
                                     val(l, l->ir->pool[ins->aux + i]));
    void **key = mt_jit_key_code(mt_jit_trace(ins->c));
    gcc_jit_rvalue *code = jcg_lib.lvalue_as_rvalue(
        jcg_lib.rvalue_dereference(ptr_const(l, jcg_lib.type_get_pointer(l->word), key), NULL));
    gcc_jit_rvalue *entry_field = binary(l, GCC_JIT_BINARY_OP_PLUS, code,
                                         word_const(l, offsetof(jcg_code, entry)));
    tail_call(l, l->block, jcg_lib.lvalue_as_rvalue(jcg_lib.rvalue_dereference(
                               as_ptr(l, entry_field, jcg_lib.type_get_pointer(l->entry_type)), NULL)));
}

static void lower_JUMP(lower *l)
{
    if (l->ins->c)
        jump_to_loop(l);
    else
        jump_to_self(l);
}

static void lower_EXIT(lower *l)
{
    jcg_lib.block_end_with_jump(l->block, NULL, failure(l, exit_path(l), false));
}

#define JCG_LOWERING(name, shape, type, flags) [MT_IR_##name] = lower_##name,
static void (*const lowerings[MT_IR__COUNT])(lower *) = {MT_IRDEF(JCG_LOWERING)};
#undef JCG_LOWERING

/* ---- the function ----------------------------------------------------------- */

/* What the trace writes to the buffer at most, in words. */
static uint32_t buffer_need(const mt_trace *ir)
{
    uint32_t need = ir->ninputs;
    for (uint32_t i = 0; i < ir->nsnaps; i++)
        if (mt_snapshot_nvalues(&ir->snaps[i]) > need)
            need = mt_snapshot_nvalues(&ir->snaps[i]);
    for (mt_ref r = 1; r < ir->nins; r++)
        if (ir->ins[r].op == MT_IR_JUMP && ir->ins[r].b > need)
            need = ir->ins[r].b;
    return need;
}

bool jcg_check_trace(const mt_trace *ir, char *err, size_t errsize)
{
    for (mt_ref r = 1; r < ir->nins; r++)
        if (ir->ins[r].op == MT_IR_CALL && ir->ins[r].b > MT_MAX_CALL_ARGS) {
            snprintf(err, errsize, "call with %u arguments (at most %d)", ir->ins[r].b, MT_MAX_CALL_ARGS);
            return false;
        }
    if (buffer_need(ir) > JCG_BUF_WORDS) {
        snprintf(err, errsize, "a guard or jump passes %u values (at most %d)", buffer_need(ir),
                 JCG_BUF_WORDS);
        return false;
    }
    return true;
}

static void declare_types(lower *l)
{
    l->word = jcg_lib.context_get_type(l->ctxt, GCC_JIT_TYPE_INT64_T);
    l->byte = jcg_lib.context_get_type(l->ctxt, GCC_JIT_TYPE_UINT8_T);
    l->boolean = jcg_lib.context_get_type(l->ctxt, GCC_JIT_TYPE_BOOL);
    l->word_ptr = jcg_lib.type_get_pointer(l->word);
    l->byte_ptr = jcg_lib.type_get_pointer(l->byte);
    gcc_jit_type *params[2] = {l->word_ptr, l->word_ptr};
    l->entry_type = jcg_lib.context_new_function_ptr_type(l->ctxt, NULL, l->word, 2, params, 0);
}

/* The function, its locals, and the entry block reading the inputs. */
static void declare_function(lower *l)
{
    gcc_jit_param *params[2] = {jcg_lib.context_new_param(l->ctxt, NULL, l->word_ptr, "buf"),
                                jcg_lib.context_new_param(l->ctxt, NULL, l->word_ptr, "exit")};
    l->fn = jcg_lib.context_new_function(l->ctxt, NULL, GCC_JIT_FUNCTION_EXPORTED, l->word, l->code->name,
                                         2, params, 0);
    l->buf = jcg_lib.param_as_rvalue(params[0]);
    l->exit = jcg_lib.param_as_rvalue(params[1]);
    const mt_trace *ir = l->ir;
    l->value = mt_alloc((ir->nins + 1) * sizeof *l->value);
    l->input = mt_alloc((ir->ninputs + 1) * sizeof *l->input);
    char name[24];
    for (mt_ref r = 1; r < ir->nins; r++) {
        const mt_ins *ins = &ir->ins[r];
        if (ins->type == MT_TYPE_VOID || (ins->flags & MT_INSF_SUNK))
            continue;
        snprintf(name, sizeof name, "v%u", r);
        l->value[r] = jcg_lib.function_new_local(l->fn, NULL, l->word, name);
    }
    gcc_jit_block *entry = new_block(l);
    for (uint32_t i = 0; i < ir->ninputs; i++) {
        snprintf(name, sizeof name, "in%u", i);
        l->input[i] = jcg_lib.function_new_local(l->fn, NULL, l->word, name);
        jcg_lib.block_add_assignment(entry, NULL, l->input[i],
                                     jcg_lib.lvalue_as_rvalue(word_at(l, l->buf, i)));
    }
    l->forced = jcg_lib.function_new_local(l->fn, NULL, l->word, "forced");
    l->exit_guard = jcg_lib.function_new_local(l->fn, NULL, l->word, "exit_guard");
    l->exit_snap = jcg_lib.function_new_local(l->fn, NULL, l->word, "exit_snap");
    l->exit_slot = jcg_lib.function_new_local(l->fn, NULL, l->word, "exit_slot");
    l->loop_top = new_block(l);
    jcg_lib.block_end_with_jump(entry, NULL, l->loop_top);
    l->block = l->loop_top;
}

bool jcg_lower(gcc_jit_context *ctxt, jcg_code *code, jcg_checks checks, char *err, size_t errsize)
{
    const mt_trace *ir = &code->trace->ir;
    if (!jcg_check_trace(ir, err, errsize))
        return false;
    lower l = {.ctxt = ctxt, .ir = ir, .code = code, .checks = checks};
    declare_types(&l);
    declare_function(&l);
    for (l.ref = 1; l.ref < ir->nins; l.ref++) {
        l.ins = &ir->ins[l.ref];
        if (!(l.ins->flags & MT_INSF_SUNK))
            lowerings[l.ins->op](&l);
        if (mt_ir_info(l.ins)->flags & MT_IRF_END)
            break;
    }
    return true;
}
