/* bf_ops.h — the Brainfuck handlers, written once against mt.h and compiled
 * once per mode (bf_interp.c, bf_trace.c, bf_resume.c).
 *
 * The including function provides the greens (code, pc, tape) and reds
 * (cells, pos, length) of BF_GREENS / BF_REDS, `insn` = &code[pc], and the
 * label `program_end`.  Each handler sets pc to the next instruction.
 */
switch (insn->op) {
case BF_ADD:
    MT_STORE_U8(cells, pos, MT_ADD(MT_LOAD_U8(cells, pos), MT_CONST(insn->arg)));
    pc++;
    break;
case BF_MOVE:
    pos = MT_ADD(pos, MT_CONST(insn->arg));
    if (!MT_IN_RANGE(pos, length)) {
        pos = MT_CALL_INT(bf_tape_grow, MT_EFFECT_WRITES_HEAP, MT_CONST_PTR(tape), pos);
        cells = MT_LOAD_PTR(MT_CONST_PTR(tape), offsetof(bf_tape, cells));
        length = MT_LOAD_INT(MT_CONST_PTR(tape), offsetof(bf_tape, length));
    }
    pc++;
    break;
case BF_OUT:
    MT_CALL_VOID(bf_putc, MT_EFFECT_IO, MT_LOAD_U8(cells, pos));
    pc++;
    break;
case BF_IN:
    MT_STORE_U8(cells, pos, MT_CALL_INT(bf_getc, MT_EFFECT_IO, MT_LOAD_U8(cells, pos)));
    pc++;
    break;
case BF_OPEN:
    if (MT_IS_ZERO(MT_LOAD_U8(cells, pos)))
        pc = (size_t)insn->arg + 1;
    else
        pc++;
    break;
case BF_CLOSE:
    if (MT_IS_NONZERO(MT_LOAD_U8(cells, pos))) {
        pc = (size_t)insn->arg + 1; /* back to the loop body: a loop header */
        MT_CAN_ENTER_JIT(bf_jit, BF_GREENS, BF_REDS);
    } else {
        pc++;
    }
    break;
case BF_END:
    goto program_end;
}
