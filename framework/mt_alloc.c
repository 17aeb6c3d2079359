/* mt_alloc.c — the allocation interface, backed by Boehm GC.
 * Kept narrow (allocate, allocate pointer-free, resize) so a precise
 * collector can replace it without touching interpreters.
 */
#include "config.h"

#include <dlfcn.h>
#include <gc.h>
#include <link.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "mt_internal.h"

static void default_oom(size_t size)
{
    (void)size;
    mt_die(1, "out of memory");
}

static void (*oom_handler)(size_t) = default_oom;

void mt_set_oom_handler(void (*handler)(size_t size)) { oom_handler = handler ? handler : default_oom; }

/* A request that failed goes to the handler; one that returns has freed
 * memory, so the request is made once more.  The collector may not hand
 * out the freed block at once: while it judges a collection due, it will
 * not split a large free block for small objects and tries to grow the
 * heap instead, which is what just failed.  So a retry that fails is
 * made again after a collection, and only a failure after that ends the
 * process. */
static void *retried(void *(*request)(void *, size_t), void *old, size_t size)
{
    void *block = request(old, size);
    if (block || !size)
        return block;
    oom_handler(size);
    if ((block = request(old, size)))
        return block;
    GC_gcollect();
    if (!(block = request(old, size)))
        default_oom(size);
    return block;
}

static void *gc_malloc(void *old, size_t size)
{
    (void)old;
    return GC_MALLOC(size);
}

static void *gc_malloc_atomic(void *old, size_t size)
{
    (void)old;
    return GC_MALLOC_ATOMIC(size);
}

static void *gc_realloc(void *old, size_t size) { return GC_REALLOC(old, size); }

void *mt_alloc(size_t size) { return retried(gc_malloc, NULL, size); }

void *mt_alloc_atomic(size_t size) { return retried(gc_malloc_atomic, NULL, size); }

void *mt_realloc(void *block, size_t size) { return retried(gc_realloc, block, size); }

void *mt_try_alloc(size_t size) { return GC_MALLOC(size); }

void *mt_try_alloc_atomic(size_t size) { return GC_MALLOC_ATOMIC(size); }

void *mt_try_realloc(void *block, size_t size) { return GC_REALLOC(block, size); }

void mt_free(void *block) { GC_FREE(block); }

uint64_t mt_collection_count(void) { return GC_get_gc_no(); }

void *mt_grow(void *array, uint32_t *max, uint32_t need, size_t elem)
{
    if (need <= *max)
        return array;
    uint32_t n = *max ? *max : 16;
    while (n < need)
        n *= 2;
    *max = n;
    return mt_realloc(array, (size_t)n * elem);
}

char *mt_strdup(const char *s)
{
    size_t len = strlen(s) + 1;
    return memcpy(mt_alloc_atomic(len), s, len);
}

/* The collector's warnings ("Failed to expand heap", "Out of Memory!")
 * would reach the program's stderr; running out is reported by the VM
 * (a MemoryError, or a clear message and a non-zero exit). */
static void quiet_warning(char *message, GC_word value)
{
    (void)message;
    (void)value;
}

/* ---- libraries that hold no roots -------------------------------------------
 * The collector scans the writable data of every loaded library at every
 * collection.  libgccjit (with isl, mpc, mpfr and zstd, which it pulls
 * in) has 3.5 MB of it, and no pointer into our heap: a collection in
 * fib(30) took 0.66 ms with it scanned, 0.28 ms without.  Libraries the VM opens for
 * itself are loaded by mt_dlopen_rootless, which notes the objects the
 * dlopen added, and the collector's filter leaves their data out.  The
 * list only grows; it is published whole, so the filter (called inside
 * a collection, on any thread) reads it without a lock. */
typedef struct rootless {
    uint32_t n;
    char **names;
} rootless;

static _Atomic(rootless *) rootless_now;
static pthread_mutex_t rootless_lock = PTHREAD_MUTEX_INITIALIZER;

typedef struct loaded {
    uint32_t n, max;
    char **names;
    bool incomplete; /* out of memory: a library may be missing */
} loaded;

static int note_loaded(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    loaded *l = data;
    if (!info->dlpi_name || !info->dlpi_name[0])
        return 0;
    if (l->n == l->max) {
        uint32_t max = l->max ? 2 * l->max : 32;
        char **names = realloc(l->names, max * sizeof *names);
        if (!names) {
            l->incomplete = true;
            return 1;
        }
        l->names = names;
        l->max = max;
    }
    l->names[l->n++] = (char *)info->dlpi_name;
    return 0;
}

static bool listed(char *const *names, uint32_t n, const char *name)
{
    for (uint32_t i = 0; i < n; i++)
        if (!strcmp(names[i], name))
            return true;
    return false;
}

static int GC_CALLBACK has_roots(const char *name, void *start, size_t size)
{
    (void)start;
    (void)size;
    rootless *r = atomic_load_explicit(&rootless_now, memory_order_acquire);
    return !(r && name && listed(r->names, r->n, name));
}

/* The objects in `after` that are not in `before` join the list (on
 * failure to allocate, they are simply scanned). */
static void publish_rootless(const loaded *before, const loaded *after)
{
    rootless *old = atomic_load_explicit(&rootless_now, memory_order_relaxed);
    uint32_t n = old ? old->n : 0;
    rootless *r = malloc(sizeof *r);
    char **names = r ? malloc((n + after->n) * sizeof *names) : NULL;
    if (!names) {
        free(r);
        return;
    }
    if (n)
        memcpy(names, old->names, n * sizeof *names);
    for (uint32_t i = 0; i < after->n; i++) {
        const char *name = after->names[i];
        if (listed(before->names, before->n, name) || listed(names, n, name))
            continue;
        char *copy = strdup(name);
        if (copy)
            names[n++] = copy;
    }
    *r = (rootless){n, names};
    atomic_store_explicit(&rootless_now, r, memory_order_release); /* the old list stays: a filter may be reading it */
}

void *mt_dlopen_rootless(const char *file, int flags)
{
    pthread_mutex_lock(&rootless_lock);
    loaded before = {0}, after = {0};
    dl_iterate_phdr(note_loaded, &before);
    void *handle = dlopen(file, flags);
    if (handle) {
        dl_iterate_phdr(note_loaded, &after);
        /* a library missing from `before` would be taken for a new one */
        if (!before.incomplete)
            publish_rootless(&before, &after);
    }
    free(before.names);
    free(after.names);
    pthread_mutex_unlock(&rootless_lock);
    return handle;
}

/* Called by mt_init before the first allocation. */
void mt_alloc_start(void)
{
    GC_INIT();
    GC_set_warn_proc(quiet_warning);
    GC_register_has_static_roots_callback(has_roots);
}
