/* py_memory.c — running out of memory as a MemoryError: the size no
 * object may exceed, fallible allocation of the storage of objects, and
 * the reserve that lets any other failed allocation succeed so that
 * MemoryError is raised at the next safe point instead of ending the
 * process.
 */
#include "config.h"

#include <unistd.h>

#include "py_types.h"

uint64_t py_alloc_limit(void)
{
    static uint64_t limit;
    if (!limit) {
        long pages = sysconf(_SC_PHYS_PAGES), page_size = sysconf(_SC_PAGE_SIZE);
        limit = pages > 0 && page_size > 0 ? (uint64_t)pages * (uint64_t)page_size : UINT64_C(1) << 40;
    }
    return limit;
}

/* ---- the reserve ------------------------------------------------------------------
 * Held while memory lasts and given back when an allocation fails, so the
 * failed one can be made again and raising and handling the MemoryError
 * have room.  Once it is gone it is taken back at the first storage
 * request after a collection: trying before one would only fail again,
 * at the price of a collection each time. */
#define RESERVE_SIZE ((size_t)1 << 20)

static bool reserve_covers(size_t size) { return size <= RESERVE_SIZE / 2; }

static void *reserve;
static uint64_t collections_at_last_try;
static void (*raise_at_next_check)(void);

static void take_reserve(void)
{
    reserve = mt_try_alloc_atomic(RESERVE_SIZE);
    collections_at_last_try = mt_collection_count();
}

static void retake_reserve(void)
{
    if (!reserve && mt_collection_count() != collections_at_last_try)
        take_reserve();
}

static bool give_reserve_back(void)
{
    if (!reserve)
        return false;
    mt_free(reserve);
    reserve = NULL;
    return true;
}

/* An allocation that has no way to report failure failed: it is made to
 * succeed out of the reserve and the VM raises MemoryError at its next
 * check.  A request the reserve cannot cover, or a second one before the
 * reserve is back, ends the process. */
static void out_of_memory(size_t size)
{
    if (!reserve_covers(size) || !raise_at_next_check || !give_reserve_back())
        mt_die(1, "out of memory");
    raise_at_next_check();
}

void py_memory_init(void (*at_next_check)(void))
{
    raise_at_next_check = at_next_check;
    take_reserve();
    mt_set_oom_handler(out_of_memory);
}

/* ---- storage ----------------------------------------------------------------------
 * A request the reserve covers is an ordinary one (out_of_memory takes
 * care of it); a larger one that cannot be had is a MemoryError now, and
 * the reserve goes too, so that handling it has room. */

/* MemoryError when the request is more than the machine has. */
static bool over_limit(size_t size)
{
    if (size <= py_alloc_limit())
        return false;
    py_err_no_memory();
    return true;
}

/* The block, or MemoryError (and the reserve given back) without one. */
static void *had(void *block)
{
    if (block)
        return block;
    give_reserve_back();
    return py_err_no_memory();
}

void *py_alloc_storage(size_t size)
{
    retake_reserve();
    if (reserve_covers(size))
        return mt_alloc(size);
    return over_limit(size) ? NULL : had(mt_try_alloc(size));
}

void *py_alloc_atomic_storage(size_t size)
{
    retake_reserve();
    if (reserve_covers(size))
        return mt_alloc_atomic(size);
    return over_limit(size) ? NULL : had(mt_try_alloc_atomic(size));
}

void *py_realloc_storage(void *block, size_t size)
{
    retake_reserve();
    if (reserve_covers(size))
        return mt_realloc(block, size);
    return over_limit(size) ? NULL : had(mt_try_realloc(block, size));
}
