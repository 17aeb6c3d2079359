/* control: every operation compiles in trace mode */
#define MT_MODE_TRACE
#include "mt.h"
#include "every_op.h"
