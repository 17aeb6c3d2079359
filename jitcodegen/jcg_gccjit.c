/* jcg_gccjit.c — the native backend: traces become machine code in two
 * tiers.  A new trace gets quick code at once (jcg_x64.c, on the main
 * thread, in microseconds); once that has run for gcc_after
 * instructions, libgccjit compiles it again and the better code takes
 * over at the next merge point.  Where there is no quick tier, or with
 * gcc_after=0, gcc compiles every trace from the start.  The main thread
 * lowers a trace into a libgccjit context (it reads the IR); one
 * background thread runs gcc on it while the interpreter goes on.  Traces
 * that arrive while the thread is busy share the next context (a batch).
 */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#include "jcg_elf.h"
#include "jcg_gccjit.h"
#include "jcg_x64.h"
#include "mt_internal.h"

/* One gcc run: its context, then its result, shared by its traces' code.
 * Malloc memory, like everything the compile thread touches: the thread
 * is not registered with the collector and never reads collected memory. */
struct jcg_batch {
    gcc_jit_context *ctxt;
    jcg_image *image;             /* the code, placed by jcg_elf.c */
    gcc_jit_result *result;       /* or linked by gcc's driver */
    uint32_t serial;
    jcg_code **codes;
    uint32_t ncodes, maxcodes;
    uint32_t live; /* codes not released yet */
    char error[256];
    double build_ms, finished_ms;
    jcg_batch *next;
};

static struct {
    jcg_batch *open;              /* being filled by the main thread */
    jcg_batch *collected;         /* compiled, its codes being handed out */
    uint32_t next_handed;
    jcg_code **codes;             /* every code not released, for collect (malloc
                                     memory, so leak checkers see the codes) */
    uint32_t ncodes, maxcodes;
    bool want_collect;
    uint32_t depth;               /* compiled code on the C stack (nesting) */
    int64_t **bufs;               /* a buffer per nesting level (collected memory) */
    uint32_t maxbufs;
    const char *broken;           /* why this machine cannot compile */
    bool checked_tools;
    char objdir[4096];            /* where gcc leaves objects for jcg_elf.c ("": none) */
    uint32_t nbatches;
    /* shared with the compile thread, under `lock` */
    pthread_mutex_t lock;
    pthread_cond_t wake;
    pthread_t thread;
    bool thread_started, stopping;
    jcg_batch *handed;            /* given to the thread */
    jcg_batch *done;              /* compiled, waiting for the main thread */
    atomic_bool has_done;
} NS = {.lock = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER};

/* ---- opening libgccjit ----------------------------------------------------- */

jcg_gccjit_lib jcg_lib;
static pthread_once_t lib_once = PTHREAD_ONCE_INIT;
static char lib_error[256]; /* why it could not be opened ("": it was) */

/* By its soname, then where configure found it; MT_GCCJIT_LIB names
 * another (tests name one that is not there). */
static void open_lib(void)
{
    const char *name = getenv("MT_GCCJIT_LIB");
    void *handle = mt_dlopen_rootless(name ? name : MT_GCCJIT_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!handle && !name)
        handle = mt_dlopen_rootless(MT_GCCJIT_PATH, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *why = dlerror();
        snprintf(lib_error, sizeof lib_error, "%s", why ? why : "cannot open libgccjit");
        return;
    }
#define JCG_GCCJIT_FIND(name) \
    if (!(*(void **)&jcg_lib.name = dlsym(handle, "gcc_jit_" #name))) { \
        snprintf(lib_error, sizeof lib_error, "%s has no gcc_jit_%s", MT_GCCJIT_SONAME, #name); \
        return; \
    }
    JCG_GCCJIT_CALLS(JCG_GCCJIT_FIND)
#undef JCG_GCCJIT_FIND
}

bool jcg_gccjit_open(char *err, size_t errsize)
{
    pthread_once(&lib_once, open_lib);
    if (lib_error[0] && err)
        snprintf(err, errsize, "%s", lib_error);
    return !lib_error[0];
}

const char *mt_native_backend_version(void)
{
    static char version[300];
    if (!version[0] && jcg_gccjit_open(NULL, 0))
        snprintf(version, sizeof version, "libgccjit %d.%d.%d", jcg_lib.version_major(),
                 jcg_lib.version_minor(), jcg_lib.version_patchlevel());
    else if (!version[0])
        snprintf(version, sizeof version, "libgccjit (%s)", lib_error);
    return version;
}

static void *checked_malloc(size_t size)
{
    void *p = calloc(1, size ? size : 1);
    if (!p)
        mt_die(1, "out of memory");
    return p;
}

/* ---- gcc runs ---------------------------------------------------------------- */

/* The options every context gets, as measured in bench/RESULTS.md: -O1
 * runs trace code as fast as -O2 for less compile time (-Og leaves the
 * guards' flag arithmetic in the loops); gcc's loop passes cost half the
 * time of a long trace for nothing the trace optimizer left them to do;
 * -nostdlib -lgcc saves the driver's link (when it links) against libc
 * (the code calls the VM through addresses); a small ggc heap
 * makes gcc collect its garbage within a run instead of keeping ~400 KiB
 * per run.  MT_NATIVE_CFLAGS replaces the command-line options and drops
 * the driver's (for measuring). */
static void set_options(gcc_jit_context *ctxt)
{
    jcg_lib.context_set_bool_print_errors_to_stderr(ctxt, 0);
    /* gcc's embedded driver would register an atexit handler (deleting its
     * temporary files under a compile still running on the thread) and
     * signal handlers in the VM at every compile: run it as a process. */
    jcg_lib.context_set_bool_use_external_driver(ctxt, 1);
    jcg_lib.context_set_bool_allow_unreachable_blocks(ctxt, 1);
    jcg_lib.context_add_command_line_option(ctxt, "-fwrapv");
    const char *flags = getenv("MT_NATIVE_CFLAGS");
    if (!flags)
        flags = "-O1 -fno-tree-loop-optimize --param=ggc-min-heapsize=1024 --param=ggc-min-expand=10";
    char copy[512];
    snprintf(copy, sizeof copy, "%s", flags);
    for (char *save, *flag = strtok_r(copy, " ", &save); flag; flag = strtok_r(NULL, " ", &save))
        jcg_lib.context_add_command_line_option(ctxt, flag);
    if (getenv("MT_NATIVE_DUMP")) /* the generated assembly, on stderr */
        jcg_lib.context_set_bool_option(ctxt, GCC_JIT_BOOL_OPTION_DUMP_GENERATED_CODE, 1);
    if (!getenv("MT_NATIVE_CFLAGS")) {
        jcg_lib.context_add_driver_option(ctxt, "-nostdlib");
        jcg_lib.context_add_driver_option(ctxt, "-lgcc");
    }
}

static jcg_batch *new_batch(void)
{
    jcg_batch *b = checked_malloc(sizeof *b);
    b->serial = NS.nbatches++;
    b->ctxt = jcg_lib.context_acquire();
    set_options(b->ctxt);
    return b;
}

/* Run the assembler on S_PATH, as gcc's driver would, quietly and in a
 * process group of its own (a Ctrl-C at the terminal is the program's,
 * not the assembler's): false if it cannot be run or fails (the driver's
 * own run then reports why). */
static bool assemble(const char *s_path, const char *o_path)
{
    char *argv[] = {"as", "--64", "-o", (char *)o_path, (char *)s_path, NULL};
    posix_spawn_file_actions_t actions;
    if (posix_spawn_file_actions_init(&actions) != 0)
        return false;
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_t attr;
    if (posix_spawnattr_init(&attr) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return false;
    }
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    pid_t pid;
    int error = posix_spawnp(&pid, "as", &actions, &attr, argv, environ);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&actions);
    if (error)
        return false;
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return false;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* gcc writes assembly, the assembler an object and jcg_elf.c places it:
 * no driver, no linker, no dlopen.  False if that cannot be done (no
 * object directory, the assembler fails, an object the loader refuses):
 * then the driver builds a library as usual.  A gcc error is the batch's
 * error either way. */
static bool load_object(jcg_batch *b)
{
    if (!NS.objdir[0])
        return false;
    char s_path[sizeof NS.objdir + 32], o_path[sizeof NS.objdir + 32], why[128];
    snprintf(s_path, sizeof s_path, "%s/b%u.s", NS.objdir, b->serial);
    snprintf(o_path, sizeof o_path, "%s/b%u.o", NS.objdir, b->serial);
    jcg_lib.context_compile_to_file(b->ctxt, GCC_JIT_OUTPUT_KIND_ASSEMBLER, s_path);
    const char *error = jcg_lib.context_get_first_error(b->ctxt);
    if (error) {
        unlink(s_path);
        snprintf(b->error, sizeof b->error, "libgccjit: %s", error);
        return true;
    }
    if (assemble(s_path, o_path))
        b->image = jcg_elf_load(o_path, why, sizeof why);
    unlink(s_path);
    unlink(o_path);
    return b->image != NULL;
}

static void *entry_of(jcg_batch *b, const char *name)
{
    return b->image ? jcg_elf_symbol(b->image, name) : jcg_lib.result_get_code(b->result, name);
}

/* Run gcc on the batch (on either thread: touches malloc memory only). */
static void compile_batch(jcg_batch *b)
{
    double start = mt_now_ms();
    if (!load_object(b)) {
        b->result = jcg_lib.context_compile(b->ctxt);
        if (!b->result) {
            const char *why = jcg_lib.context_get_first_error(b->ctxt);
            snprintf(b->error, sizeof b->error, "libgccjit: %s", why ? why : "compilation failed");
        }
    }
    for (uint32_t i = 0; !b->error[0] && i < b->ncodes; i++) {
        jcg_code *code = b->codes[i];
        code->optimized = (jcg_entry)entry_of(b, code->name);
        if (!code->optimized)
            snprintf(b->error, sizeof b->error, "libgccjit: no code for %s", code->name);
    }
    jcg_lib.context_release(b->ctxt);
    b->ctxt = NULL;
    b->finished_ms = mt_now_ms();
    b->build_ms = b->finished_ms - start;
}

/* ---- the compile thread -------------------------------------------------- */

static void *compile_thread(void *unused)
{
    (void)unused;
    /* The interpreter comes first: where the compile thread, the
     * assembler it runs and the main thread want more CPUs than there are,
     * the main thread is the one that keeps running (Linux: a thread's
     * own nice value; the assembler inherits it). */
    if (setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 10) != 0)
        errno = 0;
    pthread_mutex_lock(&NS.lock);
    for (;;) {
        while (!NS.handed && !NS.stopping)
            pthread_cond_wait(&NS.wake, &NS.lock);
        if (!NS.handed)
            break;
        jcg_batch *b = NS.handed;
        pthread_mutex_unlock(&NS.lock);
        compile_batch(b);
        pthread_mutex_lock(&NS.lock);
        NS.handed = NULL;
        b->next = NS.done;
        NS.done = b;
        atomic_store(&NS.has_done, true);
    }
    pthread_mutex_unlock(&NS.lock);
    return NULL;
}

/* At exit: let the thread finish its batch, so gcc cleans its files up. */
static void stop_thread(void)
{
    pthread_mutex_lock(&NS.lock);
    NS.stopping = true;
    pthread_cond_signal(&NS.wake);
    pthread_mutex_unlock(&NS.lock);
    pthread_join(NS.thread, NULL);
}

static bool start_thread(char *err, size_t errsize)
{
    if (NS.thread_started)
        return true;
    /* Signals are the interpreter's (mtpy's Ctrl-C): the thread starts
     * with all blocked, so none interrupts gcc's waits. */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int error = pthread_create(&NS.thread, NULL, compile_thread, NULL);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (error) {
        snprintf(err, errsize, "cannot start the compile thread: %s", strerror(error));
        return false;
    }
    NS.thread_started = true;
    atexit(stop_thread);
    return true;
}

/* Give the open batch to the thread if it is idle. */
static void hand_over(void)
{
    if (!NS.open)
        return;
    pthread_mutex_lock(&NS.lock);
    if (!NS.handed) {
        NS.handed = NS.open;
        NS.open = NULL;
        pthread_cond_signal(&NS.wake);
    }
    pthread_mutex_unlock(&NS.lock);
}

/* A background compile: the thread started if need be, then the open
 * batch handed over; false, with the reason in err, if the thread could
 * not start. */
static bool to_thread(char *err, size_t errsize)
{
    if (!start_thread(err, errsize))
        return false;
    hand_over();
    return true;
}

/* ---- the toolchain ----------------------------------------------------------- */

static bool on_path(const char *tool)
{
    const char *path = getenv("PATH");
    char dir[4096], file[4200];
    for (const char *p = path ? path : ""; *p;) {
        size_t len = strcspn(p, ":");
        snprintf(dir, sizeof dir, "%.*s", (int)len, p);
        snprintf(file, sizeof file, "%s/%s", len ? dir : ".", tool);
        if (access(file, X_OK) == 0)
            return true;
        p += len + (p[len] == ':');
    }
    return false;
}

/* gcc's driver reports a missing assembler or linker on stderr itself, so
 * look for them first: then the one warning line is the framework's. */
static const char *missing_tool(void)
{
    static const char *const tools[] = {"as", "ld"};
    static char why[64];
    for (size_t i = 0; i < sizeof tools / sizeof tools[0]; i++)
        if (!on_path(tools[i])) {
            snprintf(why, sizeof why, "'%s' (from binutils) is not on PATH", tools[i]);
            return why;
        }
    return NULL;
}

/* ---- compiling a trace ------------------------------------------------------- */

static jcg_code *code_of(const mt_jittrace *t) { return (jcg_code *)t->code; }

static jcg_code *new_code(mt_jittrace *t)
{
    jcg_code *code = checked_malloc(sizeof *code);
    code->trace = t;
    code->exits = checked_malloc((t->ir.nsnaps + 1) * sizeof *code->exits);
    snprintf(code->name, sizeof code->name, "T%u", t->id);
    code->requested_ms = mt_now_ms();
    return code;
}

static void free_code(jcg_code *code)
{
    free(code->exits);
    free(code);
}

static void batch_add(jcg_batch *b, jcg_code *code)
{
    if (b->ncodes == b->maxcodes) {
        b->maxcodes = b->maxcodes ? 2 * b->maxcodes : 4;
        b->codes = realloc(b->codes, b->maxcodes * sizeof *b->codes);
        if (!b->codes)
            mt_die(1, "out of memory");
    }
    b->codes[b->ncodes++] = code;
    b->live++;
    code->batch = b;
}

/* A deliberately wrong assignment (a pointer into an int): tests force a
 * libgccjit error with MT_NATIVE_FAIL=1. */
static void inject_error(gcc_jit_context *ctxt)
{
    gcc_jit_type *word = jcg_lib.context_get_type(ctxt, GCC_JIT_TYPE_INT64_T);
    gcc_jit_function *fn = jcg_lib.context_new_function(ctxt, NULL, GCC_JIT_FUNCTION_EXPORTED, word,
                                                        "broken", 0, NULL, 0);
    gcc_jit_lvalue *local = jcg_lib.function_new_local(fn, NULL, word, "x");
    gcc_jit_block *block = jcg_lib.function_new_block(fn, "entry");
    jcg_lib.block_add_assignment(block, NULL, local,
                                 jcg_lib.context_null(ctxt, jcg_lib.context_get_type(ctxt, GCC_JIT_TYPE_VOID_PTR)));
    jcg_lib.block_end_with_return(block, NULL, jcg_lib.lvalue_as_rvalue(local));
}

static void remove_objdir(void) { rmdir(NS.objdir); }

/* A private directory for the objects, in the first usable of $TMPDIR and
 * /tmp (where gcc puts its own files); none if neither takes one, or
 * if the loader cannot work here (MT_NATIVE_LINK=1 asks for the driver's
 * link too, for comparing). */
static void make_objdir(void)
{
    if (!jcg_elf_supported() || getenv("MT_NATIVE_LINK"))
        return;
    const char *dirs[] = {getenv("TMPDIR"), "/tmp"};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        if (!dirs[i] || !*dirs[i])
            continue;
        snprintf(NS.objdir, sizeof NS.objdir, "%s/metatrace-XXXXXX", dirs[i]);
        if (mkdtemp(NS.objdir)) {
            atexit(remove_objdir); /* registered before stop_thread: runs after it */
            return;
        }
    }
    NS.objdir[0] = 0;
}

static bool ready_to_compile(char *err, size_t errsize)
{
    if (!NS.checked_tools) {
        NS.checked_tools = true;
        static char why[256];
        if (!jcg_gccjit_open(why, sizeof why))
            NS.broken = why;
        else
            NS.broken = missing_tool();
        if (!NS.broken)
            make_objdir();
    }
    if (NS.broken) {
        snprintf(err, errsize, "%s", NS.broken);
        return false;
    }
    return true;
}

static void keep(jcg_code *code)
{
    if (NS.ncodes == NS.maxcodes) {
        NS.maxcodes = NS.maxcodes ? 2 * NS.maxcodes : 64;
        NS.codes = realloc(NS.codes, NS.maxcodes * sizeof *NS.codes);
        if (!NS.codes)
            mt_die(1, "out of memory");
    }
    NS.codes[NS.ncodes++] = code;
}

static jcg_checks guard_checks(void)
{
    if (mt_jit_options()->fail_guards)
        return JCG_CHECK_EVERY_GUARD;
    return mt_jit_failures_may_be_forced() ? JCG_CHECK_FORCED : JCG_CHECK_NONE;
}

/* A gcc run that failed: its reason in err, and no compile is tried
 * again. */
static bool batch_failed(const jcg_batch *b, char *err, size_t errsize)
{
    if (!b->error[0])
        return false;
    snprintf(err, errsize, "%s", b->error);
    NS.broken = "a previous compile failed";
    return true;
}

/* Lower code's trace for gcc: into a batch of its own (sync) or the open
 * one.  NULL, with a reason in err, if gcc cannot take it. */
static jcg_batch *lower_into_batch(jcg_code *code, bool sync, char *err, size_t errsize)
{
    jcg_batch *b = sync ? new_batch() : NS.open ? NS.open : (NS.open = new_batch());
    if (!jcg_lower(b->ctxt, code, guard_checks(), err, errsize)) { /* it added nothing */
        if (sync) {
            jcg_lib.context_release(b->ctxt);
            free(b);
        }
        return NULL;
    }
    if (getenv("MT_NATIVE_FAIL"))
        inject_error(b->ctxt);
    batch_add(b, code);
    return b;
}

/* Quick code for a new trace, unless gcc_after=0 asks for gcc from the
 * start: runnable at once.  A trace the quick tier cannot take goes to
 * gcc. */
static bool compile_quickly(jcg_code *code)
{
    uint64_t after = mt_jit_options()->gcc_after;
    char why[256];
    if (!JCG_HAVE_X64 || !after)
        return false;
    if (!jcg_x64_emit(code, guard_checks(), why, sizeof why)) {
        mt_log(MT_LOG_JIT_ABORT, "jit-abort: T%u: quick code: %s; gcc compiles it\n", code->trace->id, why);
        return false;
    }
    code->hot = after > INT64_MAX ? INT64_MAX : (int64_t)after;
    code->entry = (jcg_entry)code->quick;
    code->delivered = true;
    return true;
}

static mt_compile_status native_compile(mt_jittrace *t, bool sync, char *err, size_t errsize)
{
    if (!ready_to_compile(err, errsize))
        return MT_COMPILE_BROKEN;
    if (!jcg_check_trace(&t->ir, err, errsize))
        return MT_COMPILE_REJECTED;
    jcg_code *code = new_code(t);
    if (compile_quickly(code)) {
        t->code = code;
        keep(code);
        mt_stats_note_compile_latency(mt_now_ms() - code->requested_ms);
        return MT_COMPILE_READY;
    }
    jcg_batch *b = lower_into_batch(code, sync, err, errsize);
    if (!b) {
        free_code(code);
        return MT_COMPILE_REJECTED;
    }
    t->code = code;
    keep(code);
    if (!sync)
        return to_thread(err, errsize) ? MT_COMPILE_PENDING : MT_COMPILE_BROKEN;
    compile_batch(b);
    code->delivered = true;
    if (batch_failed(b, err, errsize))
        return MT_COMPILE_BROKEN;
    code->entry = code->optimized;
    mt_stats_note_compile_latency(b->finished_ms - code->requested_ms);
    return MT_COMPILE_READY;
}

/* ---- upgrading quick code ---------------------------------------------------- */

/* gcc's code of a quick trace is ready: it runs from now on, entered
 * through the key's code word and, for a bridge, its guard's slot (the
 * quick code stays until the trace is released: it may be running).
 * False, with the reason in err, if gcc failed. */
static bool finish_upgrade(jcg_code *code, jcg_batch *b, char *err, size_t errsize)
{
    code->upgrading = false;
    if (batch_failed(b, err, errsize))
        return false;
    jcg_entry quick = code->entry;
    __atomic_store_n(&code->entry, code->optimized, __ATOMIC_RELEASE);
    const mt_jittrace *t = code->trace;
    jcg_code *parent = t->parent ? code_of(t->parent) : NULL;
    if (parent && parent->exits[t->parent_snap] == quick)
        __atomic_store_n(&parent->exits[t->parent_snap], code->optimized, __ATOMIC_RELEASE);
    mt_stats_note_upgrade_latency(b->finished_ms - code->requested_ms);
    return true;
}

/* Lower a hot quick trace for gcc: into the open batch, or (sync=1)
 * compiled here and now.  False, with a reason in err, if gcc failed. */
static bool upgrade(jcg_code *code, char *err, size_t errsize)
{
    bool sync = mt_jit_options()->sync;
    char why[256];
    code->requested_ms = mt_now_ms();
    jcg_batch *b = lower_into_batch(code, sync, why, sizeof why);
    if (!b)
        return true; /* it stays quick */
    code->upgrading = true;
    if (!sync)
        return to_thread(err, errsize);
    compile_batch(b);
    mt_jit_stats()->compile_ms += b->build_ms;
    return finish_upgrade(code, b, err, errsize);
}

/* Quick code flagged itself hot: have gcc compile it.  A trace whose
 * upgrade failed, or NULL. */
static mt_jittrace *upgrade_hot(char *err, size_t errsize)
{
    jcg_quick_hot = 0;
    mt_pause start = mt_pause_begin();
    mt_jittrace *failed = NULL;
    for (uint32_t i = 0; i < NS.ncodes && !failed && !NS.broken; i++) {
        jcg_code *code = NS.codes[i];
        if (!code->hot_flag || code->upgrading || code->optimized || code->released)
            continue;
        code->hot_flag = 0;
        if (!code->trace->invalid && !upgrade(code, err, errsize))
            failed = code->trace;
    }
    mt_pause_end(start);
    return failed;
}

/* The next trace of a finished batch; the batch's gcc time counts once. */
static mt_jittrace *native_finished(mt_compile_status *status, char *err, size_t errsize)
{
    if (jcg_quick_hot && !NS.broken) {
        mt_jittrace *failed = upgrade_hot(err, errsize);
        if (failed) {
            *status = MT_COMPILE_BROKEN;
            return failed;
        }
    }
next:
    if (!NS.collected && atomic_load(&NS.has_done)) {
        pthread_mutex_lock(&NS.lock);
        NS.collected = NS.done;
        NS.done = NS.collected ? NS.collected->next : NULL;
        atomic_store(&NS.has_done, NS.done != NULL);
        pthread_mutex_unlock(&NS.lock);
        NS.next_handed = 0;
        if (NS.collected)
            mt_jit_stats()->compile_ms += NS.collected->build_ms;
        hand_over();
    }
    jcg_batch *b = NS.collected;
    if (!b)
        return NULL;
    jcg_code *code = b->codes[NS.next_handed++];
    if (NS.next_handed == b->ncodes)
        NS.collected = NULL;
    if (code->upgrading) { /* the framework has this trace running already */
        NS.want_collect = true;
        if (finish_upgrade(code, b, err, errsize))
            goto next;
        *status = MT_COMPILE_BROKEN;
        return code->trace;
    }
    code->delivered = true;
    if (batch_failed(b, err, errsize)) {
        *status = MT_COMPILE_BROKEN;
    } else {
        code->entry = code->optimized;
        mt_stats_note_compile_latency(b->finished_ms - code->requested_ms);
        *status = MT_COMPILE_READY;
    }
    NS.want_collect = true; /* a dropped trace's code can go */
    return code->trace;
}

/* ---- linking and releasing ------------------------------------------------- */

static void native_link(mt_jittrace *t)
{
    jcg_code *code = code_of(t);
    if (!code || !code->entry)
        return;
    if (t->parent) {
        jcg_code *parent = code_of(t->parent);
        if (parent && parent->entry)
            __atomic_store_n(&parent->exits[t->parent_snap], code->entry, __ATOMIC_RELEASE);
        return;
    }
    void **key = mt_jit_key_code(t);
    jcg_code *previous = *key;
    if (previous)
        previous->holds_key = false;
    code->holds_key = true;
    __atomic_store_n(key, (void *)code, __ATOMIC_RELEASE);
    NS.want_collect = true;
}

static void native_unlink(mt_jittrace *bridge)
{
    jcg_code *parent = code_of(bridge->parent);
    if (parent && parent->entry)
        __atomic_store_n(&parent->exits[bridge->parent_snap], NULL, __ATOMIC_RELEASE);
    NS.want_collect = true;
}

/* Nothing enters this trace's code again: it is invalid (or was never
 * installed) and no key names it, or it is a bridge whose parent's code is
 * gone. */
static bool unreachable(const jcg_code *code)
{
    const mt_jittrace *t = code->trace;
    if (!code->delivered || code->upgrading)
        return false; /* still compiling, or not installed yet */
    if (t->parent) {
        const jcg_code *parent = code_of(t->parent);
        if (!parent || parent->released)
            return true;
    }
    return t->invalid && !code->holds_key;
}

static void release(jcg_code *code)
{
    code->released = true;
    code->trace->code = NULL;
    jcg_x64_release(code);
    jcg_batch *b = code->batch;
    if (!b) { /* quick code only */
        free_code(code);
        return;
    }
    if (--b->live)
        return;
    jcg_elf_release(b->image);
    if (b->result)
        jcg_lib.result_release(b->result);
    for (uint32_t i = 0; i < b->ncodes; i++)
        free_code(b->codes[i]);
    free(b->codes);
    free(b);
}

/* At a merge point with no compiled code on the stack: release the code
 * of traces nothing can enter.  Bridges of released traces go in the same
 * pass (their parents come first in the list). */
static void native_collect(void)
{
    if (!NS.want_collect || NS.depth)
        return;
    mt_pause start = mt_pause_begin();
    NS.want_collect = false;
    uint32_t kept = 0;
    for (uint32_t i = 0; i < NS.ncodes; i++) {
        jcg_code *code = NS.codes[i];
        if (!unreachable(code))
            NS.codes[kept++] = code;
        else
            release(code);
    }
    NS.ncodes = kept;
    mt_pause_end(start);
}

/* ---- running ---------------------------------------------------------------- */

/* A residual call may re-enter the VM and run compiled code again: each
 * nesting level has its own buffer. */
static int64_t *level_buffer(void)
{
    MT_RESERVE(NS.bufs, NS.maxbufs, NS.depth + 1);
    if (!NS.bufs[NS.depth])
        NS.bufs[NS.depth] = mt_alloc(JCG_BUF_WORDS * sizeof(int64_t));
    return NS.bufs[NS.depth];
}

static void native_run(mt_jittrace *t, const int64_t *inputs, mt_exit *exit)
{
    jcg_code *code = code_of(t);
    int64_t *buf = level_buffer();
    int64_t words[JCG_EXIT_WORDS];
    memcpy(buf, inputs, t->ir.ninputs * sizeof *inputs);
    NS.depth++;
    code->entry(buf, words);
    NS.depth--;
    *exit = (mt_exit){(mt_jittrace *)(intptr_t)words[JCG_EXIT_TRACE], (mt_ref)words[JCG_EXIT_GUARD],
                      (uint32_t)words[JCG_EXIT_SNAP], buf, words[JCG_EXIT_FORCED] != 0};
}

/* The JIT will be on: open libgccjit now, at start-up rather than in the
 * first compile's pause.  On this thread: opened on the compile thread
 * while the main thread went on, libgccjit 12 crashed or hung in about
 * half the first compiles. */
static void native_prepare(void) { jcg_gccjit_open(NULL, 0); }

const mt_backend mt_backend_native = {
    .name = "native",
    .compile = native_compile,
    .finished = native_finished,
    .link = native_link,
    .unlink = native_unlink,
    .collect = native_collect,
    .run = native_run,
    .prepare = native_prepare,
};
