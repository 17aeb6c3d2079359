/* test_log.c — MTLOG parsing and the jit-summary line format. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "mt.h"

static unsigned cats;
static char file[64], err[256];

Test(log, categories_without_file_log_to_stderr)
{
    cr_assert(mt_log_parse("jit-summary", &cats, file, sizeof file, err, sizeof err), "%s", err);
    cr_expect_eq(cats, MT_LOG_JIT_SUMMARY);
    cr_expect_str_empty(file);
}

Test(log, several_categories_and_a_file)
{
    cr_assert(mt_log_parse("jit-ir,jit-abort:trace.log", &cats, file, sizeof file, err, sizeof err),
              "%s", err);
    cr_expect_eq(cats, MT_LOG_JIT_IR | MT_LOG_JIT_ABORT);
    cr_expect_str_eq(file, "trace.log");
}

Test(log, bad_specs_are_rejected_with_a_reason)
{
    cr_expect_not(mt_log_parse("jit-everything", &cats, file, sizeof file, err, sizeof err));
    cr_expect(strstr(err, "unknown log category 'jit-everything'"), "%s", err);
    cr_expect_not(mt_log_parse("jit-ir:", &cats, file, sizeof file, err, sizeof err));
    cr_expect(strstr(err, "empty log file name"), "%s", err);
    cr_expect_not(mt_log_parse(":x.log", &cats, file, sizeof file, err, sizeof err));
    cr_expect_not(mt_log_parse("jit-ir:a-file-name-longer-than-the-buffer-of-sixty-four-bytes-given.log",
                               &cats, file, sizeof file, err, sizeof err));
}

Test(log, summary_line_has_the_stable_format)
{
    mt_stats stats = {.loops = 3, .bridges = 1, .aborts = 2, .guard_failures = 40, .compile_ms = 12.25};
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    mt_stats_print_summary(&stats, out);
    fclose(out);
    cr_expect_str_eq(text, "jit-summary: loops=3 bridges=1 aborts=2 guard_failures=40 compile_ms=12.2\n");
    free(text);
}

Test(log, timing_line_gives_the_median_and_max_latency_and_the_longest_pauses)
{
    double latencies[] = {9.0, 1.0, 4.0, 30.0}, upgrades[] = {40.0, 20.0, 70.0};
    mt_stats stats = {.compile_latencies = latencies, .ncompile_latencies = 4, .max_pause_ms = 1.5,
                      .max_pause_cpu_ms = 0.25, .upgrade_latencies = upgrades, .nupgrade_latencies = 3};
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    mt_stats_print_timing(&stats, out);
    fclose(out);
    cr_expect_str_eq(text, "jit-timing: traces=4 compile_ms_median=6.50 compile_ms_max=30.00 max_pause_ms=1.500 "
                           "max_pause_cpu_ms=0.250 upgrades=3 upgrade_ms_median=40.00 upgrade_ms_max=70.00\n");
    free(text);
}

Test(log, timing_is_a_category)
{
    unsigned cats;
    char file[64], err[128];
    cr_assert(mt_log_parse("jit-summary,jit-timing", &cats, file, sizeof file, err, sizeof err), "%s", err);
    cr_expect_eq(cats, MT_LOG_JIT_SUMMARY | MT_LOG_JIT_TIMING);
}
