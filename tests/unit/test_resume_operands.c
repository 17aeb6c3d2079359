/* test_resume_operands.c — resume mode evaluates every operand of an
 * operation exactly once, whether the operation's result comes from the
 * replay list or the operation is done for real.  (A handler may write
 * `GET(ST(k++))`; resume mode once skipped the k++ of a replayed load and
 * finished an instruction with the wrong stack slot.) */
#include <criterion/criterion.h>

#define MT_MODE_RESUME
#include "mt.h"
#include "test_util.h"

static int64_t word_sink(int64_t x) { return x; }

/* Run `body` (which must bump `k` once per operand) replayed and for real. */
#define BOTH_WAYS(operands, body)                                                  \
    for (int replayed = 0; replayed < 2; replayed++) {                             \
        int64_t values[8] = {0};                                                   \
        mt_replay = (mt_replay_cursor){values, replayed ? 8u : 0u, 0};              \
        int k = 0;                                                                 \
        body;                                                                      \
        cr_expect_eq(k, operands, "%s: %s: operands evaluated %d times, not %d", #body, \
                     replayed ? "replayed" : "done", k, operands);                 \
    }

Test(resume_operands, memory_operations_evaluate_base_offset_and_value_once)
{
    int64_t cell[4] = {0};
    mt_quasi q = {0};
    (void)q;
    BOTH_WAYS(2, (void)MT_LOAD_INT((k++, (mt_ptr)cell), (k++, 8)));
    BOTH_WAYS(2, (void)MT_LOAD_PTR((k++, (mt_ptr)cell), (k++, 8)));
    BOTH_WAYS(2, (void)MT_LOAD_FRAME_INT((k++, (mt_ptr)cell), (k++, 8)));
    BOTH_WAYS(2, (void)MT_LOAD_FRAME_PTR((k++, (mt_ptr)cell), (k++, 8)));
    BOTH_WAYS(2, (void)MT_LOAD_U8((k++, (mt_ptr)cell), (k++, 3)));
    BOTH_WAYS(3, MT_STORE_INT((k++, (mt_ptr)cell), (k++, 8), (k++, 5)));
    BOTH_WAYS(3, MT_STORE_PTR((k++, (mt_ptr)cell), (k++, 8), (k++, (mt_ptr)cell)));
    BOTH_WAYS(3, MT_STORE_FRAME_INT((k++, (mt_ptr)cell), (k++, 8), (k++, 5)));
    BOTH_WAYS(3, MT_STORE_FRAME_PTR((k++, (mt_ptr)cell), (k++, 8), (k++, (mt_ptr)cell)));
    BOTH_WAYS(3, MT_STORE_U8((k++, (mt_ptr)cell), (k++, 3), (k++, 7)));
    BOTH_WAYS(1, (void)MT_NEW((k++, 16)));
    BOTH_WAYS(1, (void)MT_QUASI_INT((k++, &q)));
    BOTH_WAYS(1, (void)MT_QUASI_PTR((k++, &q)));
}

Test(resume_operands, calls_and_arithmetic_evaluate_each_operand_once)
{
    BOTH_WAYS(1, (void)MT_CALL_INT(word_sink, MT_EFFECT_NONE, (k++, 4)));
    BOTH_WAYS(2, (void)MT_ADD((k++, 1), (k++, 2)));
    BOTH_WAYS(2, (void)MT_LT((k++, 1), (k++, 2)));
    BOTH_WAYS(2, (void)MT_AND((k++, 1), (k++, 2)));
    BOTH_WAYS(1, (void)MT_IS_ZERO((k++, 0)));
    BOTH_WAYS(2, (void)MT_IN_RANGE((k++, 1), (k++, 2)));
    BOTH_WAYS(1, (void)MT_PROMOTE_INT((k++, 1)));
}
