/* control: an elidable call that only reads compiles in trace mode */
#define MT_MODE_TRACE
#include "mt.h"
static int64_t twice(int64_t x) { return 2 * x; }
mt_int f(mt_int x) { return MT_CALL_INT(twice, MT_EFFECT_ELIDABLE | MT_EFFECT_READS_HEAP, x); }
