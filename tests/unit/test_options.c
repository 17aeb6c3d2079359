/* test_options.c — `--jit` / MTJIT option parsing. */
#include <criterion/criterion.h>
#include <string.h>

#include "mt.h"

static mt_options opts;
static char err[256];

static void fresh(void) { mt_options_default(&opts); }

TestSuite(options, .init = fresh);

Test(options, defaults_enable_the_jit_with_a_positive_threshold)
{
    cr_expect(opts.enabled);
    cr_expect_gt(opts.threshold, 0);
    cr_expect_gt(opts.trace_limit, 0);
    cr_expect_eq(opts.fail_guards, 0);
    cr_expect_not(opts.sync);
}

Test(options, off_disables_the_jit)
{
    cr_assert_eq(mt_options_parse(&opts, "off", err, sizeof err), MT_OPT_OK);
    cr_expect_not(opts.enabled);
}

Test(options, items_apply_left_to_right)
{
    cr_assert_eq(mt_options_parse(&opts, "threshold=1,fail_guards=7,threshold=3,inline=0,sync=1",
                                  err, sizeof err), MT_OPT_OK, "%s", err);
    cr_expect_eq(opts.threshold, 3);
    cr_expect_eq(opts.fail_guards, 7);
    cr_expect_not(opts.inline_calls);
    cr_expect(opts.sync);
    cr_expect(opts.enabled);
}

Test(options, reference_backend_can_be_chosen)
{
    cr_assert_eq(mt_options_parse(&opts, "backend=ref", err, sizeof err), MT_OPT_OK);
    cr_expect_eq(opts.backend, MT_BACKEND_REF);
}

Test(options, help_is_reported_after_applying_the_rest)
{
    cr_expect_eq(mt_options_parse(&opts, "threshold=5,help", err, sizeof err), MT_OPT_HELP);
    cr_expect_eq(opts.threshold, 5);
}

Test(options, errors_leave_options_unchanged_and_say_why)
{
    static const struct {
        const char *spec, *reason;
    } bad[] = {
        {"threshold=0", "bad value '0' for threshold"},
        {"threshold=-1", "bad value '-1' for threshold"},
        {"threshold=12x", "bad value '12x' for threshold"},
        {"threshold=", "bad value '' for threshold"},
        {"threshold=99999999999", "bad value '99999999999' for threshold"},
        {"inline=2", "bad value '2' for inline"},
        {"backend=llvm", "bad value 'llvm' for backend"},
        {"fast=1", "unknown option 'fast'"},
        {"turbo", "unknown option 'turbo'"},
        {"threshold=1,,sync=1", "empty item"},
        {"", "empty option list"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        mt_options before = opts;
        err[0] = '\0';
        cr_expect_eq(mt_options_parse(&opts, bad[i].spec, err, sizeof err), MT_OPT_ERROR,
                     "'%s' was accepted", bad[i].spec);
        cr_expect(strstr(err, bad[i].reason), "'%s': got '%s'", bad[i].spec, err);
        cr_expect(!memcmp(&before, &opts, sizeof opts), "'%s' changed the options", bad[i].spec);
    }
}

Test(options, help_text_lists_every_option_with_its_default)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    mt_options_help(out);
    fclose(out);
    static const char *expected[] = {"off", "threshold=1000", "bridge_threshold=",
                                     "trace_limit=", "inline=1", "backend=", "sync=0",
                                     "fail_guards=0", "MTLOG"};
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
        cr_expect(strstr(text, expected[i]), "help lacks '%s'", expected[i]);
    free(text);
}
