/* control: the same code through the framework compiles in trace mode */
#define MT_MODE_TRACE
#include "mt.h"
mt_int next(mt_int pos) { return MT_ADD(pos, MT_CONST(1)); }
