/* py_list_sort.c — list.sort(key=, reverse=): a stable sort that makes
 * CPython's comparisons for lists under 64 items (its timsort finds the
 * first run and binary-inserts the rest, so a comparison error names the
 * same operands); longer lists are sorted in runs of CPython's minimum
 * length, merged pairwise.  Keys are computed first, left to right.
 */
#include "config.h"

#include <string.h>

#include "py_types.h"

typedef struct sort_item {
    py_val key, value;
} sort_item;

/* x < y: 1, 0, or -1 on error; ints and strs without the generic path. */
static int less_than(py_val x, py_val y)
{
    if (py_is_small(x) && py_is_small(y))
        return py_small_value(x) < py_small_value(y);
    if (!py_is_small(x) && !py_is_small(y) && x->type == &py_str_type && y->type == &py_str_type) {
        const py_str *a = (const py_str *)x, *b = (const py_str *)y;
        size_t n = a->size < b->size ? (size_t)a->size : (size_t)b->size;
        int c = memcmp(a->data, b->data, n);
        return c ? c < 0 : a->size < b->size;
    }
    py_val r = py_compare(x, y, PY_LT);
    return r ? py_truth(r) : -1;
}

static void reverse_items(sort_item *items, int64_t n)
{
    for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
        sort_item t = items[i];
        items[i] = items[j];
        items[j] = t;
    }
}

/* The length of the run at the start of items[0, n): ascending (a[i] <
 * a[i-1] never holds) or strictly descending, which is reversed. */
static int64_t count_run(sort_item *items, int64_t n)
{
    if (n == 1)
        return 1;
    int lt = less_than(items[1].key, items[0].key);
    if (lt < 0)
        return -1;
    int64_t length = 2;
    for (; length < n; length++) {
        int next = less_than(items[length].key, items[length - 1].key);
        if (next < 0)
            return -1;
        if (next != lt)
            break;
    }
    if (lt)
        reverse_items(items, length);
    return length;
}

/* Insert items[sorted, n) into the sorted items[0, sorted) by binary search. */
static int binary_insertion(sort_item *items, int64_t sorted, int64_t n)
{
    for (int64_t i = sorted; i < n; i++) {
        sort_item pivot = items[i];
        int64_t low = 0, high = i;
        while (low < high) {
            int64_t mid = low + ((high - low) >> 1);
            int lt = less_than(pivot.key, items[mid].key);
            if (lt < 0)
                return -1;
            if (lt)
                high = mid;
            else
                low = mid + 1;
        }
        memmove(items + low + 1, items + low, (size_t)(i - low) * sizeof *items);
        items[low] = pivot;
    }
    return 0;
}

/* CPython's minimum run: n itself below 64, else between 32 and 64 so
 * that n / minrun is a power of two or slightly less. */
static int64_t minimum_run(int64_t n)
{
    int64_t extra = 0;
    while (n >= 64) {
        extra |= n & 1;
        n >>= 1;
    }
    return n + extra;
}

/* Merge the sorted items[0, middle) and items[middle, n), stable. */
static int merge(sort_item *items, int64_t middle, int64_t n, sort_item *scratch)
{
    memcpy(scratch, items, (size_t)middle * sizeof *items);
    int64_t left = 0, right = middle, out = 0;
    while (left < middle && right < n) {
        int lt = less_than(items[right].key, scratch[left].key);
        if (lt < 0) {
            memcpy(items + out, scratch + left, (size_t)(middle - left) * sizeof *items);
            return -1;
        }
        items[out++] = lt ? items[right++] : scratch[left++];
    }
    memcpy(items + out, scratch + left, (size_t)(middle - left) * sizeof *items);
    return 0;
}

static int sort_items(sort_item *items, int64_t n)
{
    if (n < 2)
        return 0;
    int64_t minrun = minimum_run(n), run_count = 0;
    int64_t *runs = mt_alloc_atomic((size_t)(n / minrun + 2) * sizeof *runs); /* run starts */
    for (int64_t start = 0; start < n;) {
        int64_t length = count_run(items + start, n - start);
        if (length < 0)
            return -1;
        if (length < minrun) {
            int64_t force = n - start < minrun ? n - start : minrun;
            if (binary_insertion(items + start, length, force) < 0)
                return -1;
            length = force;
        }
        runs[run_count++] = start;
        start += length;
    }
    runs[run_count] = n;
    sort_item *scratch = mt_alloc((size_t)n * sizeof *scratch);
    while (run_count > 1) {
        int64_t merged = 0;
        for (int64_t r = 0; r < run_count; r += 2) {
            if (r + 1 < run_count &&
                merge(items + runs[r], runs[r + 1] - runs[r], runs[r + 2] - runs[r], scratch) < 0)
                return -1;
            runs[merged++] = runs[r];
        }
        runs[merged] = n;
        run_count = merged;
    }
    return 0;
}

int py_list_sort(py_list *list, py_val key, bool reverse)
{
    /* While sorting, the list is empty, so that a key or a comparison that
     * changes it can be detected ("list modified during sort"). */
    int64_t n = list->length;
    py_val *saved = list->items;
    list->items = NULL;
    list->length = list->capacity = 0;
    sort_item *items = mt_alloc((size_t)(n ? n : 1) * sizeof *items);
    int status = 0;
    for (int64_t i = 0; i < n && status == 0; i++) {
        items[i].value = saved[i];
        items[i].key = key ? py_call(key, &saved[i], 1, NULL) : saved[i];
        if (!items[i].key)
            status = -1;
    }
    if (status == 0) {
        /* sorting the reversed list forwards and reversing the result keeps equal items in order */
        if (reverse)
            reverse_items(items, n);
        status = sort_items(items, n);
        if (reverse)
            reverse_items(items, n);
        for (int64_t i = 0; i < n && status == 0; i++)
            saved[i] = items[i].value;
    }
    bool modified = list->items != NULL || list->length != 0;
    list->items = saved;
    list->length = list->capacity = n;
    if (modified && status == 0) {
        py_err_format(&py_exc_ValueError, "list modified during sort");
        return -1;
    }
    return status;
}
