/* mt_options.c — JIT options.  One syntax for `--jit SPEC` and MTJIT=SPEC:
 * comma-separated `off`, `help` or `key=value` items, applied left to right,
 * so "threshold=1,fail_guards=7" and "off" both read naturally.
 */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "mt_internal.h"

void mt_options_default(mt_options *opts)
{
    *opts = (mt_options){
        .enabled = true,
        .threshold = 1000,
        .bridge_threshold = 200,
        .trace_limit = 10000,
        .inline_calls = true,
        .inline_depth = 8,
#ifdef MT_HAVE_GCCJIT
        .backend = MT_BACKEND_NATIVE,
#else
        .backend = MT_BACKEND_REF,
#endif
        .sync = false,
        .fail_guards = 0,
        .optimize = true,
        .gcc_after = 100000000,
    };
}

/* Parse a decimal in [min, max]; the whole of `text` must be the number. */
static bool parse_uint(const char *text, uint64_t min, uint64_t max, uint64_t *out)
{
    if (*text < '0' || *text > '9')
        return false;
    errno = 0;
    char *end;
    unsigned long long value = strtoull(text, &end, 10);
    if (errno || *end || value < min || value > max)
        return false;
    *out = value;
    return true;
}

static bool parse_bool(const char *text, bool *out)
{
    if (!strcmp(text, "1") || !strcmp(text, "on")) {
        *out = true;
        return true;
    }
    if (!strcmp(text, "0") || !strcmp(text, "off")) {
        *out = false;
        return true;
    }
    return false;
}

typedef enum { KIND_COUNT, KIND_COUNT_OR_ZERO, KIND_BOOL, KIND_BACKEND } option_kind;

/* The table drives parsing and `--jit help` alike. */
static const struct option_desc {
    const char *name;
    option_kind kind;
    size_t offset;
    const char *help;
} option_table[] = {
    {"threshold", KIND_COUNT, offsetof(mt_options, threshold),
     "loop iterations before tracing starts"},
    {"function_threshold", KIND_COUNT_OR_ZERO, offsetof(mt_options, function_threshold),
     "calls of a function before its entry is traced (0 = 1.6 x threshold: a loop\n"
     "                       calling it gets hot first and takes the call in)"},
    {"bridge_threshold", KIND_COUNT, offsetof(mt_options, bridge_threshold),
     "failures of one guard before a bridge is traced from it"},
    {"trace_limit", KIND_COUNT, offsetof(mt_options, trace_limit),
     "recorded operations before a trace is aborted"},
    {"inline", KIND_BOOL, offsetof(mt_options, inline_calls),
     "0|1: trace through calls between interpreted functions"},
    {"inline_depth", KIND_COUNT, offsetof(mt_options, inline_depth),
     "calls a trace goes into, one inside another, before it calls instead"},
    {"backend", KIND_BACKEND, offsetof(mt_options, backend),
     "native|ref: machine code (quick code at once, gcc's for hot traces), or the\n                       reference IR interpreter"},
    {"sync", KIND_BOOL, offsetof(mt_options, sync),
     "0|1: compile on the main thread instead of in the background"},
    {"fail_guards", KIND_COUNT_OR_ZERO, offsetof(mt_options, fail_guards),
     "N: fail every Nth guard check (stress test of deoptimization; 0 = never)"},
    {"opt", KIND_BOOL, offsetof(mt_options, optimize),
     "0|1: optimize traces (0: run them as recorded)"},
    {"gcc_after", KIND_COUNT_OR_ZERO, offsetof(mt_options, gcc_after),
     "N: native backend: a trace runs as quick code (made in microseconds) for N\n"
     "                       instructions, then gcc compiles it (0 = gcc from the start)"},
};

static const struct option_desc *find_option(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof option_table / sizeof option_table[0]; i++)
        if (strlen(option_table[i].name) == len && !memcmp(option_table[i].name, name, len))
            return &option_table[i];
    return NULL;
}

static bool apply_option(mt_options *opts, const struct option_desc *desc,
                         const char *value, char *err, size_t errsize)
{
    char *field = (char *)opts + desc->offset;
    uint64_t number;
    bool flag;
    switch (desc->kind) {
    case KIND_COUNT:
        if (!parse_uint(value, 1, UINT32_MAX, &number))
            break;
        *(uint32_t *)field = (uint32_t)number;
        return true;
    case KIND_COUNT_OR_ZERO:
        if (!parse_uint(value, 0, UINT64_MAX, &number))
            break;
        *(uint64_t *)field = number;
        return true;
    case KIND_BOOL:
        if (!parse_bool(value, &flag))
            break;
        *(bool *)field = flag;
        return true;
    case KIND_BACKEND:
        if (!strcmp(value, "ref")) {
            *(mt_backend_kind *)field = MT_BACKEND_REF;
            return true;
        }
        if (!strcmp(value, "native")) {
#ifdef MT_HAVE_GCCJIT
            *(mt_backend_kind *)field = MT_BACKEND_NATIVE;
            return true;
#else
            snprintf(err, errsize, "backend=native: this build has no native backend "
                                   "(configured with --disable-native-jit)");
            return false;
#endif
        }
        break;
    }
    snprintf(err, errsize, "bad value '%s' for %s (%s)", value, desc->name, desc->help);
    return false;
}

mt_opt_result mt_options_parse(mt_options *opts, const char *spec, char *err, size_t errsize)
{
    mt_options result = *opts;
    bool help = false;
    const char *item = spec;
    if (!*spec) {
        snprintf(err, errsize, "empty option list (try --jit help)");
        return MT_OPT_ERROR;
    }
    for (;;) {
        size_t len = strcspn(item, ",");
        char buf[128];
        if (len == 0 || len >= sizeof buf) {
            snprintf(err, errsize, len ? "option too long" : "empty item in '%s'", spec);
            return MT_OPT_ERROR;
        }
        memcpy(buf, item, len);
        buf[len] = '\0';
        char *eq = strchr(buf, '=');
        if (!eq) {
            if (!strcmp(buf, "off"))
                result.enabled = false;
            else if (!strcmp(buf, "on"))
                result.enabled = true;
            else if (!strcmp(buf, "help"))
                help = true;
            else {
                snprintf(err, errsize, "unknown option '%s' (try --jit help)", buf);
                return MT_OPT_ERROR;
            }
        } else {
            const struct option_desc *desc = find_option(buf, (size_t)(eq - buf));
            if (!desc) {
                *eq = '\0';
                snprintf(err, errsize, "unknown option '%s' (try --jit help)", buf);
                return MT_OPT_ERROR;
            }
            if (!apply_option(&result, desc, eq + 1, err, errsize))
                return MT_OPT_ERROR;
        }
        if (!item[len])
            break;
        item += len + 1;
    }
    *opts = result;
    return help ? MT_OPT_HELP : MT_OPT_OK;
}

void mt_options_help(FILE *out)
{
    mt_options defaults;
    mt_options_default(&defaults);
    fprintf(out, "JIT options: --jit ITEM[,ITEM...]  (or MTJIT=ITEM[,ITEM...])\n"
                 "  off                  interpret only\n"
                 "  on                   enable the JIT (the default)\n"
                 "  help                 print this help\n");
    for (size_t i = 0; i < sizeof option_table / sizeof option_table[0]; i++) {
        const struct option_desc *desc = &option_table[i];
        const char *field = (const char *)&defaults + desc->offset;
        char dflt[32];
        switch (desc->kind) {
        case KIND_COUNT:
            snprintf(dflt, sizeof dflt, "%" PRIu32, *(const uint32_t *)field);
            break;
        case KIND_COUNT_OR_ZERO:
            snprintf(dflt, sizeof dflt, "%" PRIu64, *(const uint64_t *)field);
            break;
        case KIND_BOOL:
            snprintf(dflt, sizeof dflt, "%d", *(const bool *)field);
            break;
        case KIND_BACKEND:
            snprintf(dflt, sizeof dflt, "%s",
                     *(const mt_backend_kind *)field == MT_BACKEND_NATIVE ? "native" : "ref");
            break;
        }
        char key[40];
        snprintf(key, sizeof key, "%s=%s", desc->name, dflt);
        fprintf(out, "  %-20s %s\n", key, desc->help);
    }
    fprintf(out, "Logging: MTLOG=CATEGORY[,CATEGORY...][:FILE] with categories\n"
                 "  jit-summary (one line at exit), jit-ir (traces), jit-abort (abort reasons),\n"
                 "  jit-timing (compile latencies and JIT pauses, one line at exit),\n"
                 "  jit-exit (each exit from compiled code)\n");
}

static mt_options current_options;
static bool current_options_ready;

mt_options *mt_jit_options(void)
{
    if (!current_options_ready) {
        mt_options_default(&current_options);
        current_options_ready = true;
    }
    return &current_options;
}

void mt_options_apply_or_exit(const char *spec, const char *source)
{
    char err[256];
    switch (mt_options_parse(mt_jit_options(), spec, err, sizeof err)) {
    case MT_OPT_OK:
        return;
    case MT_OPT_HELP:
        mt_options_help(stdout);
        exit(0);
    case MT_OPT_ERROR:
        mt_die(2, "%s: %s", source, err);
    }
}

void mt_jit_flag(const char *spec) { mt_options_apply_or_exit(spec, "--jit"); }
