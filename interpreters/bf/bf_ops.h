/* bf_ops.h — the Brainfuck handlers, written once against mt.h and compiled
 * once per mode (bf_interp.c, bf_trace.c).
 *
 * Greens: prog and pc (plain C everywhere).  Reds: cells, pos, length.
 * The including function provides them plus `tape` and `insn`, and the
 * label `program_end`.
 */
switch (insn->op) {
case BF_ADD:
    MT_STORE_U8(cells, pos, MT_ADD(MT_LOAD_U8(cells, pos), MT_CONST(insn->arg)));
    break;
case BF_MOVE:
    pos = MT_ADD(pos, MT_CONST(insn->arg));
    if (!MT_IN_RANGE(pos, length)) {
        pos = MT_CALL_INT(bf_tape_grow, MT_EFFECT_WRITES_HEAP, MT_CONST_PTR(tape), pos);
        cells = MT_LOAD_PTR(MT_CONST_PTR(tape), offsetof(bf_tape, cells));
        length = MT_LOAD_INT(MT_CONST_PTR(tape), offsetof(bf_tape, length));
    }
    break;
case BF_OUT:
    MT_CALL_VOID(bf_putc, MT_EFFECT_IO, MT_LOAD_U8(cells, pos));
    break;
case BF_IN:
    MT_STORE_U8(cells, pos, MT_CALL_INT(bf_getc, MT_EFFECT_IO, MT_LOAD_U8(cells, pos)));
    break;
case BF_OPEN:
    if (MT_IS_ZERO(MT_LOAD_U8(cells, pos)))
        pc = (size_t)insn->arg;
    break;
case BF_CLOSE:
    if (MT_IS_NONZERO(MT_LOAD_U8(cells, pos)))
        pc = (size_t)insn->arg;
    break;
case BF_END:
    goto program_end;
}
