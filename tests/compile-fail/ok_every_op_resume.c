/* control: every operation compiles in resume mode */
#define MT_MODE_RESUME
#include "mt.h"
#include "every_op.h"
