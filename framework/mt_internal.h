/* mt_internal.h — declarations shared between framework files, not
 * installed: the public API is mt.h alone. */
#ifndef MT_INTERNAL_H
#define MT_INTERNAL_H

#include "mt.h"

void mt_alloc_start(void);
void mt_log_start(const char *spec);
/* Apply a JIT option spec that came from `source` ("--jit", "MTJIT"):
 * returns on success, prints the help and exits 0 for "help", or reports
 * the error and exits 2. */
void mt_options_apply_or_exit(const char *spec, const char *source);

#endif
