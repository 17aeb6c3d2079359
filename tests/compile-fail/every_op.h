/* every_op.h — one use of every red-value operation of mt.h, included by
 * the ok_every_op_*.c controls in each mode: all must compile. */
static int64_t callee6(int64_t a, void *b, int64_t c, int64_t d, int64_t e, int64_t f)
{
    return a + (int64_t)(intptr_t)b + c + d + e + f;
}
static void *callee_ptr(void *p) { return p; }

mt_int every_op(mt_ptr p, mt_int i)
{
    mt_int k = MT_CONST(3), r;
    mt_int x = MT_ADD(MT_SUB(i, k), MT_MUL(i, k));
    x = MT_AND(MT_OR(x, k), MT_XOR(x, i));
    x = MT_SHL(MT_SHR(x, k), MT_SAR(x, k));
    x = MT_NEG(MT_ULT(x, MT_LT(MT_LE(x, k), MT_EQ(x, MT_NE(x, k)))));
    if (MT_ADD_OV(x, k, &r) && MT_SUB_OV(r, k, &r) && MT_MUL_OV(r, k, &r))
        x = r;
    MT_STORE_U8(p, MT_CONST(0), MT_LOAD_U8(p, MT_CONST(1)));
    MT_STORE_INT(p, 8, MT_LOAD_INT(p, 16));
    MT_STORE_PTR(p, 24, MT_LOAD_PTR(p, 32));
    MT_STORE_FRAME_INT(p, 40, MT_LOAD_FRAME_INT(p, 48));
    MT_STORE_FRAME_PTR(p, 56, MT_LOAD_FRAME_PTR(p, 64));
    mt_ptr q = MT_INT_AS_PTR(MT_PTR_AS_INT(MT_NEW(16)));
    q = MT_CALL_PTR(callee_ptr, MT_EFFECT_NONE, q);
    x = MT_ADD(x, MT_CALL_INT(callee6, MT_EFFECT_READS_HEAP, x, q, k, k, k, MT_CONST(MT_PROMOTE_INT(x))));
    if (MT_IS_ZERO(x) || MT_IS_NONZERO(k) || MT_IN_RANGE(x, k))
        x = MT_CONST(MT_UNROLL_SAFE(x, 4));
    (void)MT_PROMOTE_PTR(p);
    return x;
}
