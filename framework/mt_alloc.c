/* mt_alloc.c — the allocation interface, backed by Boehm GC.
 * Kept narrow (allocate, allocate pointer-free, resize) so a precise
 * collector can replace it without touching interpreters.
 */
#include "config.h"

#include <gc.h>
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

/* Called by mt_init before the first allocation. */
void mt_alloc_start(void)
{
    GC_INIT();
    GC_set_warn_proc(quiet_warning);
}
