/* a plain C value passed to a residual call would be baked in silently */
#define MT_MODE_TRACE
#include "mt.h"
int64_t f(int64_t x);
mt_int call(int64_t plain) { return MT_CALL_INT(f, MT_EFFECT_NONE, plain); }
