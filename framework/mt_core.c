/* mt_core.c — framework start-up and the fatal-error path shared by all VMs. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>

#include "mt_internal.h"

static const char *progname = "metatrace";

const char *mt_progname(void) { return progname; }

void mt_die(int status, const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fprintf(stderr, "%s: ", progname);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(status);
}

void mt_init(const char *name)
{
    progname = name;
    mt_alloc_start();
    mt_log_start(getenv("MTLOG"));
    const char *spec = getenv("MTJIT");
    if (spec && *spec)
        mt_options_apply_or_exit(spec, "MTJIT");
}

#ifndef MT_HAVE_GCCJIT
const char *mt_native_backend_version(void)
{
    return "none (configured with --disable-native-jit; reference backend only)";
}
#endif
