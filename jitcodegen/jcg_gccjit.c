/* jcg_gccjit.c — the native backend: traces become machine code through
 * libgccjit.  Built only when configure found libgccjit. */
#include "config.h"

#include <libgccjit.h>

#include "mt.h"

const char *mt_native_backend_version(void)
{
    static char version[48];
    if (!version[0])
        snprintf(version, sizeof version, "libgccjit %d.%d.%d", gcc_jit_version_major(),
                 gcc_jit_version_minor(), gcc_jit_version_patchlevel());
    return version;
}
