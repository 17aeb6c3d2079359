/* tiny_ops.h — mttiny's handlers, written once against mt.h and compiled
 * once per mode (tiny_interp.c, tiny_trace.c, tiny_resume.c).
 *
 * The including function provides the greens `code` and `pc`, the red
 * `frame`, `insn` = &code->code[pc], and the label `program_end`.  Stack
 * slots are at offsets known from the pc alone (the loader computes each
 * instruction's stack height), so every access below is at a green offset.
 */
#define TOP(k) TINY_SLOT(insn->top - (k)) /* k-th slot below the stack top */
#define BINARY(OP) \
    MT_STORE_FRAME_INT(frame, TOP(2), OP(MT_LOAD_FRAME_INT(frame, TOP(2)), MT_LOAD_FRAME_INT(frame, TOP(1))))
switch (insn->op) {
case T_PUSH:
    MT_STORE_FRAME_INT(frame, TOP(0), MT_CONST(insn->arg));
    pc++;
    break;
case T_POP:
    pc++;
    break;
case T_DUP:
    MT_STORE_FRAME_INT(frame, TOP(0), MT_LOAD_FRAME_INT(frame, TOP(1)));
    pc++;
    break;
case T_LOAD:
    MT_STORE_FRAME_INT(frame, TOP(0), MT_LOAD_FRAME_INT(frame, TINY_SLOT(insn->arg)));
    pc++;
    break;
case T_STORE:
    MT_STORE_FRAME_INT(frame, TINY_SLOT(insn->arg), MT_LOAD_FRAME_INT(frame, TOP(1)));
    pc++;
    break;
case T_ADD: BINARY(MT_ADD); pc++; break;
case T_SUB: BINARY(MT_SUB); pc++; break;
case T_MUL: BINARY(MT_MUL); pc++; break;
case T_POW: {
    /* n multiplications: an unroll-safe loop.  A trace unrolls it for a
     * small n (specialised to that n); a larger one is a call. */
    mt_int x = MT_LOAD_FRAME_INT(frame, TOP(2)), n = MT_LOAD_FRAME_INT(frame, TOP(1));
    int64_t times = MT_UNROLL_SAFE(n, 8);
    mt_int power = MT_CONST(1);
    if (times >= 0)
        for (int64_t i = 0; i < times; i++)
            power = MT_MUL(power, x);
    else
        power = MT_CALL_INT(tiny_pow, MT_EFFECT_ELIDABLE, x, n);
    MT_STORE_FRAME_INT(frame, TOP(2), power);
    pc++;
    break;
}
case T_LT: BINARY(MT_LT); pc++; break;
case T_LE: BINARY(MT_LE); pc++; break;
case T_EQ: BINARY(MT_EQ); pc++; break;
case T_NE: BINARY(MT_NE); pc++; break;
case T_JUMP:
case T_JUMPIF:
case T_JUMPIFNOT: {
    bool taken = insn->op == T_JUMP ||
                 (insn->op == T_JUMPIF) == MT_IS_NONZERO(MT_LOAD_FRAME_INT(frame, TOP(1)));
    if (!taken) {
        pc++;
    } else if ((size_t)insn->arg > pc) {
        pc = (size_t)insn->arg;
    } else {
        pc = (size_t)insn->arg; /* a backward jump: a loop header */
        MT_CAN_ENTER_JIT(tiny_jit, TINY_GREENS, TINY_REDS);
    }
    break;
}
case T_CALL: {
    /* The callee's frame gets the arguments and the way back; then the
     * depth check: a guard after heap writes, in the middle of the call. */
    const tiny_func *callee = insn->callee;
    mt_ptr callee_frame = MT_NEW(TINY_SLOT(callee->nslots));
    for (uint32_t i = 0; i < callee->nparams; i++)
        MT_STORE_FRAME_INT(callee_frame, TINY_SLOT(i), MT_LOAD_FRAME_INT(frame, TOP(callee->nparams - i)));
    MT_STORE_FRAME_PTR(callee_frame, offsetof(tiny_frame, ret_code), MT_CONST_PTR(code));
    MT_STORE_FRAME_INT(callee_frame, offsetof(tiny_frame, ret_pc), MT_CONST(pc + 1));
    MT_STORE_FRAME_INT(callee_frame, offsetof(tiny_frame, ret_slot), MT_CONST(TOP(callee->nparams)));
    MT_STORE_FRAME_PTR(callee_frame, offsetof(tiny_frame, back), frame);
    mt_int depth = MT_ADD(MT_LOAD_FRAME_INT(frame, offsetof(tiny_frame, depth)), MT_CONST(1));
    MT_STORE_FRAME_INT(callee_frame, offsetof(tiny_frame, depth), depth);
    if (!MT_IN_RANGE(depth, MT_CONST(TINY_MAX_DEPTH)))
        MT_CALL_VOID(tiny_too_deep, MT_EFFECT_IO, depth); /* does not return */
    code = callee;
    pc = 0;
    frame = callee_frame;
    MT_ENTER_FUNCTION(tiny_jit, TINY_GREENS, TINY_REDS);
    break;
}
case T_RET: {
    /* Where to go back to is red (in the frame); promoting it makes the
     * caller green again, so traces run through returns. */
    mt_int result = MT_LOAD_FRAME_INT(frame, TOP(1));
    const tiny_func *ret_code = MT_PROMOTE_PTR(MT_LOAD_FRAME_PTR(frame, offsetof(tiny_frame, ret_code)));
    if (!ret_code)
        goto program_end;
    size_t ret_pc = (size_t)MT_PROMOTE_INT(MT_LOAD_FRAME_INT(frame, offsetof(tiny_frame, ret_pc)));
    int64_t ret_slot = MT_PROMOTE_INT(MT_LOAD_FRAME_INT(frame, offsetof(tiny_frame, ret_slot)));
    mt_ptr back = MT_LOAD_FRAME_PTR(frame, offsetof(tiny_frame, back));
    MT_STORE_FRAME_INT(back, ret_slot, result);
    code = ret_code;
    pc = ret_pc;
    frame = back;
    MT_LEAVE_FUNCTION(tiny_jit, TINY_GREENS, TINY_REDS);
    break;
}
case T_GGET:
    MT_STORE_FRAME_INT(frame, TOP(0), MT_QUASI_INT(insn->global));
    pc++;
    break;
case T_GSET:
    MT_QUASI_SET(insn->global, MT_LOAD_FRAME_INT(frame, TOP(1)));
    pc++;
    break;
case T_PRINT:
    MT_CALL_VOID(tiny_print, MT_EFFECT_IO, MT_LOAD_FRAME_INT(frame, TOP(1)));
    pc++;
    break;
}
#undef TOP
#undef BINARY
