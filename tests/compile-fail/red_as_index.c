/* a red value used as a plain C array index */
#define MT_MODE_TRACE
#include "mt.h"
int get(const int *table, mt_int i) { return table[i]; }
