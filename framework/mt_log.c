/* mt_log.c — MTLOG=category[,category...][:file], in the spirit of PYPYLOG,
 * and the counters behind the one-line `jit-summary` printed at exit.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mt_internal.h"

static const struct {
    const char *name;
    unsigned bit;
} log_categories[] = {
    {"jit-summary", MT_LOG_JIT_SUMMARY},
    {"jit-ir", MT_LOG_JIT_IR},
    {"jit-abort", MT_LOG_JIT_ABORT},
    {"jit-timing", MT_LOG_JIT_TIMING},
    {"jit-exit", MT_LOG_JIT_EXIT},
};

bool mt_log_parse(const char *spec, unsigned *categories, char *file, size_t filesize,
                  char *err, size_t errsize)
{
    unsigned mask = 0;
    const char *colon = strchr(spec, ':');
    size_t cats_len = colon ? (size_t)(colon - spec) : strlen(spec);
    const char *item = spec;
    while (item < spec + cats_len) {
        size_t len = strcspn(item, ",:");
        size_t i, n = sizeof log_categories / sizeof log_categories[0];
        for (i = 0; i < n; i++)
            if (strlen(log_categories[i].name) == len && !memcmp(log_categories[i].name, item, len))
                break;
        if (i == n) {
            snprintf(err, errsize, "unknown log category '%.*s' (known: jit-summary, jit-ir, jit-abort, jit-timing, jit-exit)",
                     (int)len, item);
            return false;
        }
        mask |= log_categories[i].bit;
        item += len + (item[len] == ',');
    }
    if (!mask) {
        snprintf(err, errsize, "no log category given");
        return false;
    }
    if (colon && !colon[1]) {
        snprintf(err, errsize, "empty log file name after ':'");
        return false;
    }
    if (colon && strlen(colon + 1) >= filesize) {
        snprintf(err, errsize, "log file name too long");
        return false;
    }
    snprintf(file, filesize, "%s", colon ? colon + 1 : "");
    *categories = mask;
    return true;
}

static unsigned enabled_categories;
static FILE *log_file;
static mt_stats stats;

mt_stats *mt_jit_stats(void) { return &stats; }

FILE *mt_log_stream(void) { return log_file ? log_file : stderr; }

bool mt_log_enabled(unsigned category) { return (enabled_categories & category) != 0; }

void mt_log(unsigned category, const char *fmt, ...)
{
    if (!mt_log_enabled(category))
        return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(mt_log_stream(), fmt, ap);
    va_end(ap);
}

void mt_stats_print_summary(const mt_stats *s, FILE *out)
{
    fprintf(out, "jit-summary: loops=%llu bridges=%llu aborts=%llu guard_failures=%llu compile_ms=%.1f\n",
            (unsigned long long)s->loops, (unsigned long long)s->bridges,
            (unsigned long long)s->aborts, (unsigned long long)s->guard_failures, s->compile_ms);
}

double mt_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double thread_cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

mt_pause mt_pause_begin(void) { return (mt_pause){mt_now_ms(), thread_cpu_ms()}; }

double mt_pause_end(mt_pause start)
{
    double wall = mt_now_ms() - start.wall_ms, cpu = thread_cpu_ms() - start.cpu_ms;
    if (wall > stats.max_pause_ms)
        stats.max_pause_ms = wall;
    if (cpu > stats.max_pause_cpu_ms)
        stats.max_pause_cpu_ms = cpu;
    return wall;
}

static void note_latency(double **v, uint32_t *n, uint32_t *max, double ms)
{
    MT_RESERVE(*v, *max, *n + 1);
    (*v)[(*n)++] = ms;
}

void mt_stats_note_compile_latency(double ms)
{
    note_latency(&stats.compile_latencies, &stats.ncompile_latencies, &stats.maxcompile_latencies, ms);
}

void mt_stats_note_upgrade_latency(double ms)
{
    note_latency(&stats.upgrade_latencies, &stats.nupgrade_latencies, &stats.maxupgrade_latencies, ms);
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median and the largest of n latencies (0 for none). */
static void median_max(const double *v, uint32_t n, double *median, double *max)
{
    double sorted[n + 1];
    if (n)
        memcpy(sorted, v, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, compare_doubles);
    *median = !n ? 0 : n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    *max = n ? sorted[n - 1] : 0.0;
}

void mt_stats_print_timing(const mt_stats *s, FILE *out)
{
    double median, max, upgrade_median, upgrade_max;
    median_max(s->compile_latencies, s->ncompile_latencies, &median, &max);
    median_max(s->upgrade_latencies, s->nupgrade_latencies, &upgrade_median, &upgrade_max);
    fprintf(out,
            "jit-timing: traces=%u compile_ms_median=%.2f compile_ms_max=%.2f max_pause_ms=%.3f "
            "max_pause_cpu_ms=%.3f upgrades=%u upgrade_ms_median=%.2f upgrade_ms_max=%.2f\n",
            s->ncompile_latencies, median, max, s->max_pause_ms, s->max_pause_cpu_ms, s->nupgrade_latencies,
            upgrade_median, upgrade_max);
}

static void print_summary_at_exit(void)
{
    if (enabled_categories & MT_LOG_JIT_SUMMARY)
        mt_stats_print_summary(&stats, mt_log_stream());
    if (enabled_categories & MT_LOG_JIT_TIMING)
        mt_stats_print_timing(&stats, mt_log_stream());
    if (log_file)
        fclose(log_file);
}

/* Called by mt_init with the MTLOG value (or NULL). */
void mt_log_start(const char *spec)
{
    char file[4096], err[256];
    if (!spec || !*spec)
        return;
    if (!mt_log_parse(spec, &enabled_categories, file, sizeof file, err, sizeof err))
        mt_die(2, "MTLOG: %s", err);
    if (*file) {
        log_file = fopen(file, "w");
        if (!log_file)
            mt_die(2, "MTLOG: cannot open '%s' for writing", file);
    }
    if (enabled_categories & (MT_LOG_JIT_SUMMARY | MT_LOG_JIT_TIMING))
        atexit(print_summary_at_exit);
}
