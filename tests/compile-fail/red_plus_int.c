/* a red value used with a plain C operator */
#define MT_MODE_TRACE
#include "mt.h"
mt_int next(mt_int pos) { return pos + 1; }
