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
 * memory, so the request is made once more, and a second failure ends
 * the process. */
static bool failed(const void *block, size_t size)
{
    if (block || !size)
        return false;
    oom_handler(size);
    return true;
}

static void *or_die(void *block, size_t size)
{
    if (!block && size)
        default_oom(size);
    return block;
}

void *mt_alloc(size_t size)
{
    void *block = GC_MALLOC(size);
    return failed(block, size) ? or_die(GC_MALLOC(size), size) : block;
}

void *mt_alloc_atomic(size_t size)
{
    void *block = GC_MALLOC_ATOMIC(size);
    return failed(block, size) ? or_die(GC_MALLOC_ATOMIC(size), size) : block;
}

void *mt_realloc(void *block, size_t size)
{
    void *grown = GC_REALLOC(block, size);
    return failed(grown, size) ? or_die(GC_REALLOC(block, size), size) : grown;
}

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
