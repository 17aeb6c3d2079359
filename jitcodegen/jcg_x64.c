/* jcg_x64.c — quick code: a trace straight to x86-64 machine code.
 *
 * gcc makes the best code of a trace but takes 10-70 ms for it; a loop
 * that runs for 50 ms would finish before its code did.  This emitter
 * takes tens of microseconds, on the main thread, so a trace runs as
 * machine code the moment it is recorded; the native backend has gcc
 * recompile it in the background once it has run long enough to pay for
 * that (see jcg_gccjit.c).  Both tiers share the calling convention
 * (jcg_entry), the exit buffer and the per-guard bridge slots, so a trace
 * of either tier jumps into or bridges to a trace of the other.
 *
 * One pass allocates registers (linear scan over the straight-line trace,
 * in the style of Poletto and Sarkar: every value keeps one place, a
 * register or a frame slot, for its whole life), one pass emits the code
 * in order, and the cold exit paths follow at the end.  Constants are
 * immediates.  A failing guard writes its snapshot's values to the buffer
 * and goes on like gcc's code: into the bridge in its slot, or back to
 * the framework.  The trace's run count sits in r15: each trip round the
 * loop (or each entry of a trace that is not a loop) takes the trace's
 * length off it, and when it runs out the code flags itself hot.
 */
#include "config.h"

#include "jcg_x64.h"

volatile uint8_t jcg_quick_hot;

#if JCG_HAVE_X64

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "mt_internal.h"

/* ---- registers and frame ------------------------------------------------ */

enum { RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15 };

/* rax, rcx and r11 are scratch, r15 the run count; the rest hold values.
 * Registers a call keeps come last for values that live across none. */
static const uint8_t kept_by_calls[] = {RBX, RBP, R12, R13, R14};
static const uint8_t lost_in_calls[] = {RDX, RSI, RDI, R8, R9, R10};
static const uint8_t arg_regs[MT_MAX_CALL_ARGS] = {RDI, RSI, RDX, RCX, R8, R9};
/* saved by the prologue, in push order */
static const uint8_t saved[] = {RBX, RBP, R12, R13, R14, R15};

/* The frame below the saved registers: the exit words and buffer
 * pointers, whether the exit being taken was injected, a call's arguments
 * on their way to registers, then the spill slots. */
enum { AT_EXIT = 0, AT_BUF = 8, AT_FORCED = 16, AT_ARGS = 24, AT_SLOTS = AT_ARGS + 8 * MT_MAX_CALL_ARGS };
enum { MAX_FRAME = 64 * 1024 };

/* Condition codes (the low nibble of jcc / setcc); cc ^ 1 negates. */
enum { CC_O = 0, CC_B = 2, CC_E = 4, CC_NE = 5, CC_S = 8, CC_NS = 9, CC_L = 12, CC_LE = 14 };

/* ---- the emitter's state ------------------------------------------------ */

typedef struct fixup {
    uint32_t at;    /* offset of a rel32 field */
    uint32_t label;
} fixup;

/* A guard's way out: where its hot path jumps when it fails, really or by
 * injection. */
typedef struct exit_path {
    mt_ref ref;
    uint32_t snap;
    uint32_t fails, forced; /* labels */
} exit_path;

typedef struct emit {
    const mt_trace *ir;
    jcg_code *code;
    jcg_checks checks;
    uint8_t *out;
    uint32_t n, max;
    bool nomem;
    /* where each value lives: a register, a slot (frame offset), or
     * neither (a constant, a sunk value reading as 0, or unused) */
    int8_t *reg;
    int32_t *slot;
    uint32_t *end;     /* last use, by ref (0: none) */
    bool *lives;       /* needs a place */
    mt_ref *fused;     /* a comparison only its guard tests: the guard (see fuse) */
    uint32_t frame;    /* bytes below the saved registers */
    uint32_t *labels;  /* offset by label, UINT32_MAX until bound */
    uint32_t nlabels, maxlabels;
    fixup *fixups;
    uint32_t nfixups, maxfixups;
    exit_path *exits;
    uint32_t nexits, maxexits;
    mt_ref ref;
    const mt_ins *ins;
    mt_ref flags_in, flags_out; /* the value the flags describe (see set_flags) */
    uint8_t flags_cc;           /* ...: the condition under which it is nonzero */
    uint32_t loop, top;         /* labels: the LABEL, the first instruction */
    uint32_t weight;            /* instructions run per trip */
    mt_ref last;                /* the trace's end (its JUMP or EXIT) */
    uint32_t tail;              /* label of the shared exit tail */
} emit;

/* ---- bytes --------------------------------------------------------------- */

static void put(emit *e, const void *bytes, uint32_t len)
{
    if (e->n + len > e->max) {
        uint32_t max = e->max ? e->max * 2 : 4096;
        while (max < e->n + len)
            max *= 2;
        uint8_t *grown = realloc(e->out, max);
        if (!grown) {
            e->nomem = true;
            return;
        }
        e->out = grown;
        e->max = max;
    }
    memcpy(e->out + e->n, bytes, len);
    e->n += len;
}

static void byte(emit *e, uint8_t b) { put(e, &b, 1); }
static void u32(emit *e, uint32_t v) { put(e, &v, 4); }
static void u64(emit *e, uint64_t v) { put(e, &v, 8); }

static bool fits32(int64_t v) { return v == (int32_t)v; }

/* ---- instruction encoding ------------------------------------------------- */

enum { W = 8 }; /* REX.W */

/* REX (when needed, or always for byte registers), the opcode bytes and a
 * ModRM naming `reg` and the register `rm`.  A two-byte opcode is
 * 0x0fXX. */
static void opcode(emit *e, unsigned op)
{
    if (op > 0xff)
        byte(e, (uint8_t)(op >> 8));
    byte(e, (uint8_t)op);
}

static void op_rr(emit *e, unsigned rexw, bool byte_regs, unsigned op, int reg, int rm)
{
    uint8_t rex = 0x40 | rexw | (reg & 8 ? 4 : 0) | (rm & 8 ? 1 : 0);
    if (rex != 0x40 || byte_regs)
        byte(e, rex);
    opcode(e, op);
    byte(e, (uint8_t)(0xc0 | (reg & 7) << 3 | (rm & 7)));
}

/* ... with a memory operand [base + index * scale + disp] (index < 0:
 * none; never rsp). */
static void op_rm(emit *e, unsigned rexw, bool byte_regs, unsigned op, int reg, int base, int index,
                  int scale_log2, int32_t disp)
{
    uint8_t rex = 0x40 | rexw | (reg & 8 ? 4 : 0) | (index >= 0 && index & 8 ? 2 : 0) | (base & 8 ? 1 : 0);
    if (rex != 0x40 || byte_regs)
        byte(e, rex);
    opcode(e, op);
    /* mod: no displacement (not for rbp/r13, whose mod 0 means none), 8 or
     * 32 bits of it */
    unsigned mod = disp == 0 && (base & 7) != RBP ? 0x00 : disp == (int8_t)disp ? 0x40 : 0x80;
    if (index < 0 && (base & 7) != RSP) {
        byte(e, (uint8_t)(mod | (reg & 7) << 3 | (base & 7)));
    } else {
        byte(e, (uint8_t)(mod | (reg & 7) << 3 | 4));
        byte(e, (uint8_t)(scale_log2 << 6 | (index < 0 ? 4 : index & 7) << 3 | (base & 7)));
    }
    if (mod == 0x40)
        byte(e, (uint8_t)disp);
    else if (mod == 0x80)
        u32(e, (uint32_t)disp);
}

static void mov_rr(emit *e, int dst, int src)
{
    if (dst != src)
        op_rr(e, W, false, 0x89, src, dst);
}

static void mov_ri(emit *e, int dst, int64_t imm)
{
    if (imm >= 0 && imm <= UINT32_MAX) { /* mov r32, imm32 zero-extends */
        if (dst & 8)
            byte(e, 0x41);
        byte(e, (uint8_t)(0xb8 + (dst & 7)));
        u32(e, (uint32_t)imm);
    } else if (fits32(imm)) {
        op_rr(e, W, false, 0xc7, 0, dst);
        u32(e, (uint32_t)imm);
    } else {
        byte(e, (uint8_t)(0x48 | (dst & 8 ? 1 : 0)));
        byte(e, (uint8_t)(0xb8 + (dst & 7)));
        u64(e, (uint64_t)imm);
    }
}

static void mov_ptr(emit *e, int dst, const volatile void *p) { mov_ri(e, dst, (int64_t)(intptr_t)p); }

static void load(emit *e, int dst, int base, int32_t disp) { op_rm(e, W, false, 0x8b, dst, base, -1, 0, disp); }
static void store(emit *e, int base, int32_t disp, int src) { op_rm(e, W, false, 0x89, src, base, -1, 0, disp); }

static void store_imm(emit *e, int base, int32_t disp, int32_t imm)
{
    op_rm(e, W, false, 0xc7, 0, base, -1, 0, disp);
    u32(e, (uint32_t)imm);
}

/* The ALU ops by their /digit: add or and sub xor cmp. */
enum { ALU_ADD = 0, ALU_OR = 1, ALU_AND = 4, ALU_SUB = 5, ALU_XOR = 6, ALU_CMP = 7 };

static void alu_rr(emit *e, int alu, int dst, int src)
{
    op_rr(e, W, false, (unsigned)(alu << 3 | 1), src, dst);
}

static void alu_rm(emit *e, int alu, int dst, int base, int32_t disp)
{
    op_rm(e, W, false, (unsigned)(alu << 3 | 3), dst, base, -1, 0, disp);
}

static void alu_ri(emit *e, int alu, int dst, int32_t imm)
{
    if (imm == (int8_t)imm) {
        op_rr(e, W, false, 0x83, alu, dst);
        byte(e, (uint8_t)imm);
    } else {
        op_rr(e, W, false, 0x81, alu, dst);
        u32(e, (uint32_t)imm);
    }
}

/* cmp qword [base + disp], 0 */
static void cmp_zero_at(emit *e, int base, int32_t disp)
{
    op_rm(e, W, false, 0x83, ALU_CMP, base, -1, 0, disp);
    byte(e, 0);
}

/* mov byte [base], v */
static void set_byte_at(emit *e, int base, uint8_t v)
{
    op_rm(e, 0, false, 0xc6, 0, base, -1, 0, 0);
    byte(e, v);
}

static void test_rr(emit *e, int a, int b) { op_rr(e, W, false, 0x85, b, a); }

static void push(emit *e, int r)
{
    if (r & 8)
        byte(e, 0x41);
    byte(e, (uint8_t)(0x50 + (r & 7)));
}

static void pop(emit *e, int r)
{
    if (r & 8)
        byte(e, 0x41);
    byte(e, (uint8_t)(0x58 + (r & 7)));
}

static void call_r(emit *e, int r) { op_rr(e, 0, false, 0xff, 2, r); }
static void jmp_r(emit *e, int r) { op_rr(e, 0, false, 0xff, 4, r); }

/* ---- labels ------------------------------------------------------------- */

static uint32_t new_label(emit *e)
{
    MT_RESERVE(e->labels, e->maxlabels, e->nlabels + 1);
    e->labels[e->nlabels] = UINT32_MAX;
    return e->nlabels++;
}

static void bind(emit *e, uint32_t label) { e->labels[label] = e->n; }

static void rel32_to(emit *e, uint32_t label)
{
    MT_RESERVE(e->fixups, e->maxfixups, e->nfixups + 1);
    e->fixups[e->nfixups++] = (fixup){e->n, label};
    u32(e, 0);
}

static void jcc(emit *e, int cc, uint32_t label)
{
    byte(e, 0x0f);
    byte(e, (uint8_t)(0x80 + cc));
    rel32_to(e, label);
}

static void jmp(emit *e, uint32_t label)
{
    byte(e, 0xe9);
    rel32_to(e, label);
}

/* ---- values ------------------------------------------------------------ */

/* A value with no place: a constant's value, 0 for anything else (a sunk
 * value reads as 0, as deopt rebuilds it). */
static int64_t constant(const emit *e, mt_ref r)
{
    const mt_ins *ins = &e->ir->ins[r];
    return r && ins->op == MT_IR_CONST && !(ins->flags & MT_INSF_SUNK) ? ins->aux : 0;
}

static bool placed(const emit *e, mt_ref r) { return r && (e->reg[r] >= 0 || e->slot[r] >= 0); }

/* r is an immediate that fits a sign-extended 32-bit field */
static bool imm32(const emit *e, mt_ref r, int32_t *v)
{
    if (placed(e, r) || !fits32(constant(e, r)))
        return false;
    *v = (int32_t)constant(e, r);
    return true;
}

/* mov dst, r */
static void fetch(emit *e, int dst, mt_ref r)
{
    if (r && e->reg[r] >= 0)
        mov_rr(e, dst, e->reg[r]);
    else if (r && e->slot[r] >= 0)
        load(e, dst, RSP, e->slot[r]);
    else
        mov_ri(e, dst, constant(e, r));
}

/* The register holding r, fetched into `scratch` if it has none. */
static int in_reg(emit *e, mt_ref r, int scratch)
{
    if (r && e->reg[r] >= 0)
        return e->reg[r];
    fetch(e, scratch, r);
    return scratch;
}

/* Where the current instruction's result is computed: its register, or
 * rax (then `finish` moves it) — rax too if its register holds `avoid`,
 * an operand read after the result is first written. */
static int target(emit *e, mt_ref avoid)
{
    int r = e->reg[e->ref];
    return r >= 0 && !(avoid && e->reg[avoid] == r) ? r : RAX;
}

static void finish(emit *e, int from)
{
    if (e->reg[e->ref] >= 0)
        mov_rr(e, e->reg[e->ref], from);
    else if (e->slot[e->ref] >= 0)
        store(e, RSP, e->slot[e->ref], from);
}

/* op dst, r for the ALU op `alu` */
static void alu_with(emit *e, int alu, int dst, mt_ref r)
{
    int32_t v;
    if (imm32(e, r, &v))
        alu_ri(e, alu, dst, v);
    else if (r && e->reg[r] >= 0)
        alu_rr(e, alu, dst, e->reg[r]);
    else if (r && e->slot[r] >= 0)
        alu_rm(e, alu, dst, RSP, e->slot[r]);
    else {
        mov_ri(e, R11, constant(e, r));
        alu_rr(e, alu, dst, R11);
    }
}

/* Store value r to [base + disp]. */
static void store_value(emit *e, int base, int32_t disp, mt_ref r)
{
    int32_t v;
    if (imm32(e, r, &v))
        store_imm(e, base, disp, v);
    else
        store(e, base, disp, in_reg(e, r, R11));
}

/* The flags now tell whether the current result is nonzero: it is under
 * condition cc.  A guard on it that comes next needs no test. */
static void set_flags(emit *e, uint8_t cc)
{
    e->flags_out = e->ref;
    e->flags_cc = cc;
}

/* ---- guards ---------------------------------------------------------------- */

static exit_path *new_exit(emit *e)
{
    MT_RESERVE(e->exits, e->maxexits, e->nexits + 1);
    exit_path *x = &e->exits[e->nexits++];
    *x = (exit_path){e->ref, e->ins->snap, new_label(e), UINT32_MAX};
    if (e->checks != JCG_CHECK_NONE)
        x->forced = new_label(e);
    return x;
}

/* After a guard's real test: a guard that holds still fails when
 * mt_jit_fail_guard says so, as in the other backends — asked at every
 * guard under fail_guards (the registers a call loses are kept round
 * it); where tests may force failures, when a pending one names this
 * guard, found without a call. */
static void injected(emit *e, const exit_path *x)
{
    if (e->checks == JCG_CHECK_EVERY_GUARD) {
        static const uint8_t keep[] = {RAX, RCX, RDX, RSI, RDI, R8, R9, R10}; /* 64 bytes: aligned */
        for (size_t i = 0; i < sizeof keep; i++)
            push(e, keep[i]);
        mov_ptr(e, RDI, e->code->trace);
        mov_ri(e, RSI, x->snap);
        mov_ptr(e, RAX, (const void *)mt_jit_fail_guard);
        call_r(e, RAX);
        op_rr(e, 0, true, 0x84, RAX, RAX); /* test al, al */
        for (size_t i = sizeof keep; i-- > 0;)
            pop(e, keep[i]);
        jcc(e, CC_NE, x->forced);
    } else if (e->checks == JCG_CHECK_FORCED) {
        uint32_t pass = new_label(e);
        mov_ptr(e, RCX, &mt_jit_forced_trace); /* not rax: an _ov op's result is there */
        load(e, RCX, RCX, 0);
        mov_ptr(e, R11, e->code->trace);
        alu_rr(e, ALU_CMP, RCX, R11);
        jcc(e, CC_NE, pass);
        mov_ptr(e, RCX, &mt_jit_forced_snap);
        op_rm(e, 0, false, 0x81, ALU_CMP, RCX, -1, 0, 0); /* cmp dword [rcx], snap */
        u32(e, x->snap);
        jcc(e, CC_E, x->forced);
        bind(e, pass);
    }
}

/* The current guard fails when condition cc holds. */
static void guard_on(emit *e, int cc)
{
    exit_path *x = new_exit(e);
    jcc(e, cc, x->fails);
    injected(e, x);
}

/* The current guard fails when value r is zero (want_true) or nonzero. */
static void guard_value(emit *e, mt_ref r, bool want_true)
{
    int cc;
    if (e->flags_in && e->flags_in == r) {
        cc = e->flags_cc;
    } else if (!placed(e, r)) { /* a constant: it always fails or never */
        bool fails = (constant(e, r) != 0) != want_true;
        exit_path *x = new_exit(e);
        if (fails)
            jmp(e, x->fails);
        else
            injected(e, x);
        return;
    } else {
        if (e->reg[r] >= 0)
            test_rr(e, e->reg[r], e->reg[r]);
        else
            cmp_zero_at(e, RSP, e->slot[r]);
        cc = CC_NE;
    }
    guard_on(e, want_true ? cc ^ 1 : cc);
}

/* ---- lowerings, one per op ---------------------------------------------------- */

#define A (e->ins->a)
#define B (e->ins->b)

static void lower_NOP(emit *e) { (void)e; }

/* Constants are immediates where they are used; one with a place (a
 * carried value of the loop) is put there. */
static void lower_CONST(emit *e)
{
    if (placed(e, e->ref)) {
        int t = target(e, 0);
        mov_ri(e, t, e->ins->aux);
        finish(e, t);
    }
}

static void lower_INPUT(emit *e)
{
    int t = target(e, 0);
    load(e, RAX, RSP, AT_BUF);
    load(e, t, RAX, (int32_t)(8 * e->ins->aux));
    finish(e, t);
}

static void binary(emit *e, int alu, bool flags)
{
    int t = target(e, B);
    fetch(e, t, A);
    alu_with(e, alu, t, B);
    finish(e, t);
    if (flags)
        set_flags(e, CC_NE);
}

static void lower_ADD(emit *e) { binary(e, ALU_ADD, true); }
static void lower_SUB(emit *e) { binary(e, ALU_SUB, true); }
static void lower_AND(emit *e) { binary(e, ALU_AND, true); }
static void lower_OR(emit *e) { binary(e, ALU_OR, true); }
static void lower_XOR(emit *e) { binary(e, ALU_XOR, true); }

/* imul dst, r */
static void imul_with(emit *e, int dst, mt_ref r)
{
    int32_t v;
    if (imm32(e, r, &v)) {
        op_rr(e, W, false, 0x69, dst, dst);
        u32(e, (uint32_t)v);
    } else if (r && e->slot[r] >= 0) {
        op_rm(e, W, false, 0x0faf, dst, RSP, -1, 0, e->slot[r]);
    } else {
        op_rr(e, W, false, 0x0faf, dst, in_reg(e, r, R11));
    }
}

static void lower_MUL(emit *e)
{
    int t = target(e, B);
    fetch(e, t, A);
    imul_with(e, t, B);
    finish(e, t);
}

/* shl / shr / sar by b mod 64 (the hardware's count for 64-bit shifts) */
static void shift(emit *e, int digit)
{
    int32_t count;
    bool constant_count = imm32(e, B, &count);
    if (!constant_count)
        fetch(e, RCX, B);
    int t = e->reg[e->ref] >= 0 ? e->reg[e->ref] : RAX;
    fetch(e, t, A);
    if (constant_count) {
        op_rr(e, W, false, 0xc1, digit, t);
        byte(e, (uint8_t)(count & 63));
    } else {
        op_rr(e, W, false, 0xd3, digit, t);
    }
    finish(e, t);
}

static void lower_SHL(emit *e) { shift(e, 4); }
static void lower_SHR(emit *e) { shift(e, 5); }
static void lower_SAR(emit *e) { shift(e, 7); }

static void lower_NEG(emit *e)
{
    int t = target(e, 0);
    fetch(e, t, A);
    op_rr(e, W, false, 0xf7, 3, t);
    finish(e, t);
    set_flags(e, CC_NE);
}

/* cmp a, b; the result is 1 under condition cc.  A comparison only its
 * guard reads leaves the flags for it and no value. */
static void compare(emit *e, uint8_t cc)
{
    bool value = !e->fused[e->ref];
    if (value)
        mov_ri(e, RAX, 0); /* (before the cmp: it sets no flags) all of rax, so setcc merges nothing */
    alu_with(e, ALU_CMP, in_reg(e, A, RCX), B);
    if (value) {
        op_rr(e, 0, true, 0x0f90u + cc, 0, RAX); /* setcc al */
        finish(e, RAX);
    }
    set_flags(e, cc);
}

static void lower_EQ(emit *e) { compare(e, CC_E); }
static void lower_NE(emit *e) { compare(e, CC_NE); }
static void lower_LT(emit *e) { compare(e, CC_L); }
static void lower_LE(emit *e) { compare(e, CC_LE); }
static void lower_ULT(emit *e) { compare(e, CC_B); }

/* In rax, so the operands stay as the guard's exit reads them. */
static void overflow_checked(emit *e, int alu)
{
    fetch(e, RAX, A);
    if (alu < 0)
        imul_with(e, RAX, B);
    else
        alu_with(e, alu, RAX, B);
    guard_on(e, CC_O);
    finish(e, RAX);
}

static void lower_ADD_OV(emit *e) { overflow_checked(e, ALU_ADD); }
static void lower_SUB_OV(emit *e) { overflow_checked(e, ALU_SUB); }
static void lower_MUL_OV(emit *e) { overflow_checked(e, -1); }

/* The address a[b]: base and index registers (index < 0: none) and a
 * displacement. */
typedef struct address {
    int base, index;
    int32_t disp;
} address;

static address byte_address(emit *e)
{
    address at = {in_reg(e, A, RAX), -1, 0};
    if (!imm32(e, B, &at.disp))
        at.index = in_reg(e, B, R11);
    return at;
}

/* a + aux */
static address field_address(emit *e)
{
    address at = {in_reg(e, A, RAX), -1, 0};
    if (fits32(e->ins->aux)) {
        at.disp = (int32_t)e->ins->aux;
    } else {
        mov_rr(e, RAX, at.base);
        mov_ri(e, R11, e->ins->aux);
        alu_rr(e, ALU_ADD, RAX, R11);
        at.base = RAX;
    }
    return at;
}

/* Every load is done where it stands, so a volatile one needs nothing
 * more. */
static void lower_LOAD_U8(emit *e)
{
    address at = byte_address(e);
    int t = target(e, 0);
    op_rm(e, 0, false, 0x0fb6, t, at.base, at.index, 0, at.disp); /* movzx t32, byte */
    finish(e, t);
}

static void lower_LOAD_INT(emit *e)
{
    address at = field_address(e);
    int t = target(e, 0);
    op_rm(e, W, false, 0x8b, t, at.base, at.index, 0, at.disp);
    finish(e, t);
}

static void lower_LOAD_PTR(emit *e) { lower_LOAD_INT(e); }

static void lower_STORE_U8(emit *e)
{
    address at = byte_address(e);
    mt_ref c = e->ins->c;
    if (!placed(e, c)) {
        op_rm(e, 0, false, 0xc6, 0, at.base, at.index, 0, at.disp);
        byte(e, (uint8_t)constant(e, c));
    } else {
        op_rm(e, 0, true, 0x88, in_reg(e, c, RCX), at.base, at.index, 0, at.disp);
    }
}

static void lower_STORE_INT(emit *e)
{
    address at = field_address(e);
    store_value(e, at.base, at.disp, B);
}

static void lower_STORE_PTR(emit *e) { lower_STORE_INT(e); }

static void lower_GUARD_TRUE(emit *e) { guard_value(e, A, true); }
static void lower_GUARD_FALSE(emit *e) { guard_value(e, A, false); }

static void lower_GUARD_VALUE(emit *e)
{
    alu_with(e, ALU_CMP, in_reg(e, A, RAX), B);
    guard_on(e, CC_NE);
}

static void lower_GUARD_NOT_INVALIDATED(emit *e)
{
    mov_ptr(e, RAX, &e->code->trace->invalid);
    op_rm(e, 0, false, 0x80, ALU_CMP, RAX, -1, 0, 0); /* cmp byte [rax], 0 */
    byte(e, 0);
    guard_on(e, CC_NE);
}

/* Call fn with the values `args` (through the frame: a value may sit in
 * another argument's register); the result to the current value. */
static void call_with(emit *e, const void *fn, const mt_ref *args, uint32_t nargs)
{
    for (uint32_t i = 0; i < nargs; i++)
        store_value(e, RSP, AT_ARGS + 8 * (int32_t)i, args[i]);
    for (uint32_t i = 0; i < nargs; i++)
        load(e, arg_regs[i], RSP, AT_ARGS + 8 * (int32_t)i);
    mov_ptr(e, RAX, fn);
    call_r(e, RAX);
    finish(e, RAX);
}

static void lower_CALL(emit *e)
{
    call_with(e, e->ir->calls[A].fn, &e->ir->pool[e->ins->aux], B);
}

static void lower_NEW(emit *e)
{
    mov_ri(e, RDI, e->ins->aux);
    call_with(e, (const void *)mt_alloc, NULL, 0);
}

static void lower_LABEL(emit *e) { bind(e, e->loop); }

static void lower_EXIT(emit *e) { jmp(e, new_exit(e)->fails); }

/* Take `weight` off the run count and go on at `then`; when it runs out,
 * flag the code hot first (for the backend to look at) and stop
 * counting. */
static void count_run(emit *e, uint32_t weight, uint32_t then)
{
    alu_ri(e, ALU_SUB, R15, (int32_t)weight);
    jcc(e, CC_NS, then);
    mov_ptr(e, RAX, &e->code->hot_flag);
    set_byte_at(e, RAX, 1);
    mov_ptr(e, RAX, &jcg_quick_hot);
    set_byte_at(e, RAX, 1);
    mov_ri(e, R15, INT64_MAX);
    jmp(e, then);
}

/* Leave the function: the run count back to the code, the frame and the
 * saved registers popped. */
static void epilogue(emit *e)
{
    mov_ptr(e, RAX, &e->code->hot);
    store(e, RAX, 0, R15);
    alu_ri(e, ALU_ADD, RSP, (int32_t)e->frame);
    for (size_t i = sizeof saved; i-- > 0;)
        pop(e, saved[i]);
}

/* The values `args` to the buffer (a JUMP's new inputs: each is read from
 * its place, never from the buffer, so the order does not matter). */
static void to_buffer(emit *e, const mt_ref *args, uint32_t n)
{
    load(e, RAX, RSP, AT_BUF);
    for (uint32_t i = 0; i < n; i++)
        store_value(e, RAX, 8 * (int32_t)i, args[i]);
}

/* ---- jumps ------------------------------------------------------------------ */

/* A move of the parallel assignment at the loop's end: a place is a
 * register (>= 0) or a slot (encoded as -1 - offset), a source may also
 * be a constant. */
typedef struct move {
    int dst;
    int src;
    mt_ref src_ref; /* the value, for a source with no place */
    bool done;
} move;

static int place_of(const emit *e, mt_ref r)
{
    if (e->reg[r] >= 0)
        return e->reg[r];
    return e->slot[r] >= 0 ? -1 - e->slot[r] : INT32_MIN;
}

static void move_one(emit *e, int dst, int src, mt_ref src_ref)
{
    int from;
    if (src == INT32_MIN) {
        int32_t v;
        if (dst < 0 && imm32(e, src_ref, &v)) {
            store_imm(e, RSP, -1 - dst, v);
            return;
        }
        mov_ri(e, dst >= 0 ? dst : R11, constant(e, src_ref));
        from = dst >= 0 ? dst : R11;
    } else if (src < 0) {
        from = dst >= 0 ? dst : R11;
        load(e, from, RSP, -1 - src);
    } else {
        from = src;
    }
    if (dst >= 0)
        mov_rr(e, dst, from);
    else
        store(e, RSP, -1 - dst, from);
}

/* The label's args take the jump's values all at once: a move is made
 * once nothing still to move reads its destination; a cycle is broken by
 * parking one destination's old value in rax. */
static void parallel_move(emit *e, move *moves, uint32_t n)
{
    uint32_t left = 0;
    for (uint32_t i = 0; i < n; i++) {
        moves[i].done = moves[i].dst == moves[i].src;
        left += !moves[i].done;
    }
    while (left) {
        bool progress = false;
        for (uint32_t i = 0; i < n; i++) {
            if (moves[i].done)
                continue;
            bool read = false;
            for (uint32_t j = 0; j < n && !read; j++)
                read = j != i && !moves[j].done && moves[j].src == moves[i].dst;
            if (read)
                continue;
            move_one(e, moves[i].dst, moves[i].src, moves[i].src_ref);
            moves[i].done = true;
            left--;
            progress = true;
        }
        if (progress)
            continue;
        for (uint32_t i = 0; i < n; i++) /* all left are in cycles */
            if (!moves[i].done) {
                int parked = moves[i].dst;
                move_one(e, RAX, parked, 0);
                for (uint32_t j = 0; j < n; j++)
                    if (!moves[j].done && moves[j].src == parked)
                        moves[j].src = RAX;
                break;
            }
    }
}

static void jump_to_self(emit *e)
{
    const mt_ins *ins = e->ins;
    const mt_ref *args = &e->ir->pool[ins->aux];
    if (e->ir->label) {
        const mt_ins *label = &e->ir->ins[e->ir->label];
        move moves[ins->b + 1];
        for (uint32_t i = 0; i < ins->b; i++) {
            mt_ref carried = e->ir->pool[label->aux + i];
            moves[i] = (move){place_of(e, carried), place_of(e, args[i]), args[i], false};
        }
        parallel_move(e, moves, ins->b);
    } else { /* the inputs are read again from the buffer at the top */
        to_buffer(e, args, ins->b);
    }
    count_run(e, e->weight, e->ir->label ? e->loop : e->top);
}

/* To another loop: its inputs to the buffer, then on to the code its
 * key's word names (the loop, or the loop compiled for the key since it
 * was invalidated), in whichever tier it is now. */
static void jump_to_loop(emit *e)
{
    to_buffer(e, &e->ir->pool[e->ins->aux], e->ins->b);
    mov_ptr(e, RAX, mt_jit_key_code(mt_jit_trace(e->ins->c)));
    load(e, RAX, RAX, 0);
    load(e, R11, RAX, (int32_t)offsetof(jcg_code, entry));
    load(e, RDI, RSP, AT_BUF);
    load(e, RSI, RSP, AT_EXIT);
    epilogue(e);
    jmp_r(e, R11);
}

static void lower_JUMP(emit *e)
{
    if (e->ins->c)
        jump_to_loop(e);
    else
        jump_to_self(e);
}

#define JCG_X64_LOWERING(name, shape, type, flags) [MT_IR_##name] = lower_##name,
static void (*const lowerings[MT_IR__COUNT])(emit *) = {MT_IRDEF(JCG_X64_LOWERING)};
#undef JCG_X64_LOWERING

/* ---- exits ----------------------------------------------------------------- */

/* Value r to the buffer (in rax) at the exit of guard x.  A fused
 * comparison has no place but a known value: 0 where its guard_true fails
 * (1 where its guard_false does), the other way round where it holds —
 * after it, and at its own exit when the failure is injected. */
static void exit_value(emit *e, const exit_path *x, int32_t disp, mt_ref r)
{
    mt_ref guard = e->fused[r];
    if (!guard) {
        store_value(e, RAX, disp, r);
        return;
    }
    bool holds = e->ir->ins[guard].op == MT_IR_GUARD_TRUE;
    if (x->ref != guard) {
        store_imm(e, RAX, disp, holds);
    } else if (x->forced == UINT32_MAX) {
        store_imm(e, RAX, disp, !holds);
    } else { /* forced ? holds : !holds */
        load(e, R11, RSP, AT_FORCED);
        if (!holds)
            alu_ri(e, ALU_XOR, R11, 1);
        store(e, RAX, disp, R11);
    }
}

/* The delayed stores of a snapshot that builds nothing (word stores: no
 * byte store is a frame access), made from the exit buffer, where their
 * objects (at the list index the snapshot's deopt plan gives) and values
 * are exit values: false, with nothing emitted, for one
 * mt_jit_materialize must do. */
static bool delayed_stores(emit *e, const mt_snapshot *s, uint32_t n)
{
    const mt_trace *ir = e->ir;
    if (!mt_snapshot_only_stores(ir, s))
        return false;
    for (uint32_t i = 0; i < s->nvirt; i++) {
        const mt_ins *ins = &ir->ins[ir->pool[s->virt + i]];
        if ((ins->flags & MT_INSF_SUNK) && !fits32(ins->aux))
            return false;
    }
    load(e, RAX, RSP, AT_BUF);
    for (uint32_t i = 0; i < s->nvirt; i++) {
        mt_ref r = ir->pool[s->virt + i];
        const mt_ins *ins = &ir->ins[r];
        if (!(ins->flags & MT_INSF_SUNK))
            continue; /* an object */
        load(e, R11, RAX, 8 * (int32_t)(n + ir->pool[s->plan + i]));
        load(e, RCX, RAX, 8 * (int32_t)(n + i));
        store(e, R11, (int32_t)ins->aux, RCX);
    }
    return true;
}

/* A guard's cold path: whether it was injected, its snapshot's values to
 * the buffer (after which no register matters: calls may follow), the
 * failure consumed where a test forced it, the virtual objects built,
 * then the shared tail with the guard in edx, its snapshot in ecx and
 * the injection in r8. */
static void emit_exit(emit *e, const exit_path *x)
{
    uint32_t common = new_label(e);
    if (x->forced != UINT32_MAX) {
        bind(e, x->forced);
        store_imm(e, RSP, AT_FORCED, 1);
        jmp(e, common);
    }
    bind(e, x->fails);
    store_imm(e, RSP, AT_FORCED, 0);
    bind(e, common);
    const mt_trace *ir = e->ir;
    const mt_snapshot *s = &ir->snaps[x->snap];
    uint32_t n = s->nreds + s->nreplay;
    load(e, RAX, RSP, AT_BUF);
    for (uint32_t i = 0; i < n; i++)
        exit_value(e, x, 8 * (int32_t)i, mt_snapshot_ref(ir, s, i));
    for (uint32_t i = 0; i < s->nvirt; i++)
        exit_value(e, x, 8 * (int32_t)(n + i), mt_ir_virtual_value(ir, ir->pool[s->virt + i]));
    if (e->checks == JCG_CHECK_FORCED) { /* a test's forced failure counts down */
        uint32_t real = new_label(e);
        cmp_zero_at(e, RSP, AT_FORCED);
        jcc(e, CC_E, real);
        mov_ptr(e, RDI, e->code->trace);
        mov_ri(e, RSI, x->snap);
        mov_ptr(e, RAX, (const void *)mt_jit_fail_guard);
        call_r(e, RAX);
        bind(e, real);
    }
    if (s->nvirt && !delayed_stores(e, s, n)) {
        mov_ptr(e, RDI, ir);
        mov_ptr(e, RSI, s);
        load(e, RDX, RSP, AT_BUF);
        mov_ptr(e, RAX, (const void *)mt_jit_materialize);
        call_r(e, RAX);
    }
    mov_ri(e, RDX, x->ref);
    mov_ri(e, RCX, x->snap);
    load(e, R8, RSP, AT_FORCED);
    jmp(e, e->tail);
}

/* Into the bridge in the exit's slot — never for an injected failure,
 * the bridge being for the guard really failing — or back to the
 * framework with the exit's identity. */
static void emit_tail(emit *e)
{
    uint32_t leave = new_label(e);
    bind(e, e->tail);
    test_rr(e, R8, R8);
    jcc(e, CC_NE, leave);
    mov_ptr(e, RAX, e->code->exits);
    op_rm(e, W, false, 0x8b, R11, RAX, RCX, 3, 0); /* mov r11, [rax + rcx * 8] */
    test_rr(e, R11, R11);
    jcc(e, CC_E, leave);
    load(e, RDI, RSP, AT_BUF);
    load(e, RSI, RSP, AT_EXIT);
    epilogue(e);
    jmp_r(e, R11);
    bind(e, leave);
    load(e, RAX, RSP, AT_EXIT);
    mov_ptr(e, R11, e->code->trace);
    store(e, RAX, 8 * JCG_EXIT_TRACE, R11);
    store(e, RAX, 8 * JCG_EXIT_GUARD, RDX);
    store(e, RAX, 8 * JCG_EXIT_SNAP, RCX);
    store(e, RAX, 8 * JCG_EXIT_FORCED, R8);
    epilogue(e);
    mov_ri(e, RAX, 0);
    byte(e, 0xc3); /* ret */
}

/* ---- register allocation ---------------------------------------------------- */

static bool executed(const mt_ins *ins) { return !(ins->flags & MT_INSF_SUNK); }

static void use(emit *e, mt_ref r, mt_ref at)
{
    if (r && at > e->end[r])
        e->end[r] = at;
}

/* ... by an instruction (not a snapshot): counted in `users`, the last
 * one kept in `user` */
static void use_by(emit *e, mt_ref r, mt_ref at, uint32_t *users, mt_ref *user)
{
    use(e, r, at);
    if (r) {
        users[r]++;
        user[r] = at;
    }
}

/* Last uses: operands, call and jump args, and every value a guard's
 * snapshot names.  Around the peeled loop a value from before the label
 * that the loop reads lives to the jump; a carried value lives at least
 * to the label (the jump writes it there again). */
static mt_ref find_uses(emit *e, mt_ref *jump, uint32_t *users, mt_ref *user)
{
    const mt_trace *ir = e->ir;
    mt_ref r;
    for (r = 1; r < ir->nins; r++) {
        const mt_ins *ins = &ir->ins[r];
        if (!executed(ins))
            goto next;
        mt_ref ops[3];
        for (uint32_t i = 0, n = mt_ir_operands(ins, ops); i < n; i++)
            use_by(e, ops[i], r, users, user);
        if (ins->op == MT_IR_CALL || ins->op == MT_IR_JUMP || ins->op == MT_IR_LABEL)
            for (uint32_t i = 0; i < ins->b; i++)
                use_by(e, ir->pool[ins->aux + i], r, users, user);
        if (mt_ir_info(ins)->flags & MT_IRF_GUARD) {
            const mt_snapshot *s = &ir->snaps[ins->snap];
            for (uint32_t i = 0; i < s->nreds + s->nreplay; i++)
                use(e, mt_snapshot_ref(ir, s, i), r);
            for (uint32_t i = 0; i < s->nvirt; i++)
                use(e, mt_ir_virtual_value(ir, ir->pool[s->virt + i]), r);
        }
    next:
        if (mt_ir_info(ins)->flags & MT_IRF_END)
            break;
    }
    *jump = r < ir->nins ? r : ir->nins - 1;
    mt_ref label = ir->label;
    if (!label)
        return 0;
    const mt_ins *l = &ir->ins[label];
    bool *carried = mt_alloc_atomic(ir->nins * sizeof *carried);
    memset(carried, 0, ir->nins * sizeof *carried);
    for (uint32_t i = 0; i < l->b; i++)
        carried[ir->pool[l->aux + i]] = true;
    for (mt_ref v = 1; v < label; v++)
        if (!carried[v] && e->end[v] >= label)
            e->end[v] = *jump;
    return label;
}

static bool is_comparison(mt_irop op) { return op >= MT_IR_EQ && op <= MT_IR_ULT; }

/* Comparisons whose one reader is a guard_true or guard_false right
 * after them (nothing that emits code in between): the guard tests the
 * flags, and snapshots know the value (see exit_value). */
static void fuse(emit *e, const uint32_t *users, const mt_ref *user)
{
    const mt_trace *ir = e->ir;
    for (mt_ref c = 1; c < ir->nins; c++) {
        const mt_ins *ins = &ir->ins[c];
        if (!executed(ins) || !is_comparison(ins->op) || users[c] != 1 || e->lives[c])
            continue;
        mt_ref g = user[c];
        if (ir->ins[g].op != MT_IR_GUARD_TRUE && ir->ins[g].op != MT_IR_GUARD_FALSE)
            continue;
        mt_ref r = c + 1;
        while (r < g && (!executed(&ir->ins[r]) || ir->ins[r].op == MT_IR_NOP ||
                         (ir->ins[r].op == MT_IR_CONST && !e->lives[r])))
            r++;
        if (r == g)
            e->fused[c] = g;
    }
}

typedef struct scan {
    mt_ref *active; /* values holding registers */
    uint32_t nactive;
    uint32_t *slot_end; /* by slot: the end of the value in it */
    uint32_t nslots, maxslots;
    int8_t owner_free[16];
} scan;

static int32_t new_slot(emit *e, scan *s, mt_ref v)
{
    uint32_t i;
    for (i = 0; i < s->nslots && s->slot_end[i] > v; i++)
        ;
    if (i == s->nslots) {
        MT_RESERVE(s->slot_end, s->maxslots, s->nslots + 1);
        s->nslots++;
    }
    s->slot_end[i] = e->end[v];
    return AT_SLOTS + 8 * (int32_t)i;
}

static bool may_hold(int reg, bool across_calls)
{
    if (!across_calls)
        return true;
    for (size_t i = 0; i < sizeof kept_by_calls; i++)
        if (kept_by_calls[i] == reg)
            return true;
    return false;
}

/* A register for v, or a slot: a free register (the hinted one first),
 * else the register of the value that lives longest if that is longer
 * than v, which then moves to a slot for its whole life. */
static void place(emit *e, scan *s, mt_ref v, bool across_calls, int hint)
{
    bool taken[16] = {0};
    for (uint32_t i = 0; i < s->nactive; i++)
        taken[e->reg[s->active[i]]] = true;
    int reg = -1;
    if (hint >= 0 && !taken[hint] && may_hold(hint, across_calls))
        reg = hint;
    for (size_t i = 0; reg < 0 && !across_calls && i < sizeof lost_in_calls; i++)
        if (!taken[lost_in_calls[i]])
            reg = lost_in_calls[i];
    for (size_t i = 0; reg < 0 && i < sizeof kept_by_calls; i++)
        if (!taken[kept_by_calls[i]])
            reg = kept_by_calls[i];
    if (reg < 0) {
        uint32_t victim = UINT32_MAX;
        for (uint32_t i = 0; i < s->nactive; i++) {
            mt_ref a = s->active[i];
            if (may_hold(e->reg[a], across_calls) && e->end[a] > e->end[v] &&
                (victim == UINT32_MAX || e->end[a] > e->end[s->active[victim]]))
                victim = i;
        }
        if (victim == UINT32_MAX) {
            e->slot[v] = new_slot(e, s, v);
            return;
        }
        mt_ref a = s->active[victim];
        reg = e->reg[a];
        e->reg[a] = -1;
        e->slot[a] = new_slot(e, s, a);
        s->active[victim] = s->active[--s->nactive];
    }
    e->reg[v] = (int8_t)reg;
    s->active[s->nactive++] = v;
}

/* Linear scan over the values in order of definition; a value that lives
 * across a call gets a register the call keeps, or a slot. */
static bool allocate(emit *e, char *err, size_t errsize)
{
    const mt_trace *ir = e->ir;
    uint32_t n = ir->nins;
    mt_ref jump; /* (the last instruction, whatever it is) */
    uint32_t *users = mt_alloc_atomic(n * sizeof *users);
    mt_ref *user = mt_alloc_atomic(n * sizeof *user);
    memset(users, 0, n * sizeof *users);
    mt_ref label = find_uses(e, &jump, users, user);
    uint32_t *calls = mt_alloc_atomic((n + 1) * sizeof *calls); /* calls among 1..r */
    calls[0] = 0;
    for (mt_ref r = 1; r < n; r++) {
        const mt_ins *ins = &ir->ins[r];
        calls[r] = calls[r - 1] + (executed(ins) && (ins->op == MT_IR_CALL || ins->op == MT_IR_NEW));
    }
    int *hint = mt_alloc_atomic(n * sizeof *hint);
    for (mt_ref r = 0; r < n; r++)
        hint[r] = -1;
    if (label) {
        const mt_ins *l = &ir->ins[label];
        for (uint32_t i = 0; i < l->b; i++) {
            mt_ref carried = ir->pool[l->aux + i];
            const mt_ins *c = &ir->ins[carried];
            if (!executed(c) || c->type == MT_TYPE_VOID) {
                snprintf(err, errsize, "the loop carries %%%u, which has no value", carried);
                return false;
            }
            if (e->lives[carried]) {
                snprintf(err, errsize, "the loop carries %%%u twice", carried);
                return false;
            }
            e->lives[carried] = true; /* constants too: the jump changes them */
        }
    }
    fuse(e, users, user);
    for (mt_ref r = 1; r <= jump; r++) {
        const mt_ins *ins = &ir->ins[r];
        if (executed(ins) && ins->type != MT_TYPE_VOID && ins->op != MT_IR_CONST && e->end[r] > r &&
            !e->fused[r])
            e->lives[r] = true;
    }
    scan s = {.active = mt_alloc_atomic(n * sizeof *s.active)};
    for (mt_ref v = 1; v <= jump; v++) {
        if (!e->lives[v])
            continue;
        if (e->end[v] < v)
            e->end[v] = v;
        uint32_t kept = 0;
        for (uint32_t i = 0; i < s.nactive; i++)
            if (e->end[s.active[i]] > v)
                s.active[kept++] = s.active[i];
        s.nactive = kept;
        bool across = e->end[v] > v + 1 && calls[e->end[v] - 1] > calls[v];
        place(e, &s, v, across, hint[v]);
        if (label && ir->ins[jump].op == MT_IR_JUMP && !ir->ins[jump].c && v < label && e->reg[v] >= 0) {
            /* a carried value's register is the hint for its new value */
            const mt_ins *l = &ir->ins[label], *j = &ir->ins[jump];
            for (uint32_t i = 0; i < l->b && i < j->b; i++)
                if (ir->pool[l->aux + i] == v && ir->pool[j->aux + i] > label)
                    hint[ir->pool[j->aux + i]] = e->reg[v];
        }
    }
    uint32_t frame = AT_SLOTS + 8 * s.nslots;
    frame += (frame + 8 * sizeof saved + 8) % 16 ? 8 : 0; /* rsp 16-aligned at calls */
    if (frame > MAX_FRAME) {
        snprintf(err, errsize, "%u spill slots (at most %d)", s.nslots, (MAX_FRAME - AT_SLOTS) / 8);
        return false;
    }
    e->frame = frame;
    e->last = jump;
    return true;
}

/* ---- the function ------------------------------------------------------------- */

static void prologue(emit *e)
{
    for (size_t i = 0; i < sizeof saved; i++)
        push(e, saved[i]);
    alu_ri(e, ALU_SUB, RSP, (int32_t)e->frame);
    store(e, RSP, AT_EXIT, RSI);
    store(e, RSP, AT_BUF, RDI);
    mov_ptr(e, RAX, &e->code->hot);
    load(e, R15, RAX, 0);
}

/* The instructions run per trip round the loop, or per entry. */
static uint32_t weigh(const emit *e, mt_ref from)
{
    uint32_t n = 0;
    for (mt_ref r = from; r <= e->last; r++)
        n += executed(&e->ir->ins[r]) && e->ir->ins[r].op != MT_IR_CONST;
    return n ? n : 1;
}

static void *place_code(emit *e, size_t *size)
{
    long page = sysconf(_SC_PAGESIZE);
    *size = (e->n + (size_t)page - 1) / (size_t)page * (size_t)page;
    void *code = mmap(NULL, *size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED)
        return NULL;
    memcpy(code, e->out, e->n);
    if (mprotect(code, *size, PROT_READ | PROT_EXEC) != 0) {
        munmap(code, *size);
        return NULL;
    }
    return code;
}

bool jcg_x64_emit(jcg_code *code, jcg_checks checks, char *err, size_t errsize)
{
    const mt_trace *ir = &code->trace->ir;
    uint32_t n = ir->nins;
    emit e = {.ir = ir, .code = code, .checks = checks};
    e.reg = mt_alloc_atomic(n * sizeof *e.reg);
    e.slot = mt_alloc_atomic(n * sizeof *e.slot);
    e.end = mt_alloc_atomic(n * sizeof *e.end);
    e.lives = mt_alloc_atomic(n * sizeof *e.lives);
    e.fused = mt_alloc_atomic(n * sizeof *e.fused);
    memset(e.fused, 0, n * sizeof *e.fused);
    memset(e.reg, -1, n * sizeof *e.reg);
    memset(e.slot, -1, n * sizeof *e.slot);
    memset(e.end, 0, n * sizeof *e.end);
    memset(e.lives, 0, n * sizeof *e.lives);
    if (!allocate(&e, err, errsize))
        return false;
    const mt_ins *end = &ir->ins[e.last];
    bool loop = end->op == MT_IR_JUMP && !end->c; /* to itself */
    e.loop = new_label(&e);
    e.top = new_label(&e);
    e.tail = new_label(&e);
    e.weight = weigh(&e, loop && ir->label ? ir->label : 1);
    prologue(&e);
    if (!loop)
        count_run(&e, e.weight, e.top);
    bind(&e, e.top);
    for (e.ref = 1; e.ref <= e.last; e.ref++) {
        e.ins = &ir->ins[e.ref];
        if (!executed(e.ins))
            continue;
        bool silent = e.ins->op == MT_IR_NOP || (e.ins->op == MT_IR_CONST && !placed(&e, e.ref));
        if (!silent) { /* the flags are the last emitted instruction's */
            e.flags_in = e.flags_out;
            e.flags_out = 0;
        }
        lowerings[e.ins->op](&e);
    }
    for (uint32_t i = 0; i < e.nexits; i++)
        emit_exit(&e, &e.exits[i]);
    emit_tail(&e);
    bool ok = !e.nomem;
    for (uint32_t i = 0; ok && i < e.nfixups; i++) {
        uint32_t to = e.labels[e.fixups[i].label];
        if (to == UINT32_MAX) {
            snprintf(err, errsize, "internal error: a jump to a label never placed");
            ok = false;
            break;
        }
        int32_t rel = (int32_t)to - (int32_t)(e.fixups[i].at + 4);
        memcpy(e.out + e.fixups[i].at, &rel, 4);
    }
    if (ok) {
        code->quick = place_code(&e, &code->quick_size);
        if (!code->quick)
            snprintf(err, errsize, "cannot map code: out of memory");
        ok = code->quick != NULL;
    } else if (e.nomem) {
        snprintf(err, errsize, "out of memory");
    }
    const char *dump = getenv("MT_QUICK_DUMP"); /* a directory: T<id>.bin, for objdump */
    if (ok && dump) {
        char path[4096];
        snprintf(path, sizeof path, "%s/T%u.bin", dump, code->trace->id);
        FILE *f = fopen(path, "wb");
        if (f) {
            fwrite(e.out, 1, e.n, f);
            fclose(f);
        }
    }
    free(e.out);
    return ok;
}

void jcg_x64_release(jcg_code *code)
{
    if (code->quick)
        munmap(code->quick, code->quick_size);
    code->quick = NULL;
}

#endif
