/* branching on a red value without a framework condition (no guard) */
#define MT_MODE_TRACE
#include "mt.h"
int test(mt_int cell) { return cell ? 1 : 0; }
