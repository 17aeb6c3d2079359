/* control: every operation compiles in interp mode */

#include "mt.h"
#include "every_op.h"
