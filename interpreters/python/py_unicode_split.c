/* py_unicode_split.c — str.strip/lstrip/rstrip, split/rsplit and
 * splitlines, with CPython's notions of whitespace (Unicode White_Space
 * plus U+001C..U+001F) and of line boundaries.  Results are spans of the
 * argument, so the VM decides how to make str objects of them.
 */
#include "config.h"

#include <string.h>

#include "py_unicode_buf.h"

typedef struct span_list {
    py_span *spans;
    size_t count, capacity;
} span_list;

static void add_span(span_list *list, size_t start, size_t end)
{
    if (list->count == list->capacity) {
        list->capacity = list->capacity ? list->capacity * 2 : 8;
        size_t bytes = list->capacity * sizeof *list->spans;
        list->spans = list->spans ? mt_realloc(list->spans, bytes) : mt_alloc_atomic(bytes);
    }
    list->spans[list->count++] = (py_span){start, end - start};
}

static py_span *finish(span_list *list, size_t *count)
{
    *count = list->count;
    return list->spans ? list->spans : mt_alloc_atomic(sizeof(py_span));
}

static py_span *empty_separator(size_t *count)
{
    *count = 0;
    return NULL;
}

/* rsplit finds its pieces right to left. */
static void reverse(span_list *list)
{
    for (size_t i = 0, j = list->count; i + 1 < j; i++, j--) {
        py_span spare = list->spans[i];
        list->spans[i] = list->spans[j - 1];
        list->spans[j - 1] = spare;
    }
}

static bool is_space_at(const char *s, size_t size, size_t offset, size_t *after)
{
    *after = offset;
    return py_ucd_has(py_utf8_decode(s, size, after), PY_UCD_SPACE);
}

static bool is_space_before(const char *s, size_t offset, size_t *before)
{
    *before = offset;
    return py_ucd_has(py_utf8_decode_before(s, before), PY_UCD_SPACE);
}

/* Whether cp is in the strip set: the code points of chars, or whitespace
 * when chars is NULL. */
static bool strips(uint32_t cp, const char *chars, size_t chars_size)
{
    if (!chars)
        return py_ucd_has(cp, PY_UCD_SPACE);
    for (size_t offset = 0; offset < chars_size;)
        if (py_utf8_decode(chars, chars_size, &offset) == cp)
            return true;
    return false;
}

py_span py_str_strip(const char *s, size_t size, const char *chars, size_t chars_size,
                     py_strip_side side)
{
    size_t start = 0, end = size, next;
    while ((side & PY_STRIP_LEFT) && start < end) {
        next = start;
        if (!strips(py_utf8_decode(s, size, &next), chars, chars_size))
            break;
        start = next;
    }
    while ((side & PY_STRIP_RIGHT) && end > start) {
        next = end;
        if (!strips(py_utf8_decode_before(s, &next), chars, chars_size))
            break;
        end = next;
    }
    return (py_span){start, end - start};
}

static size_t split_limit(int64_t maxsplit) { return maxsplit < 0 ? SIZE_MAX : (size_t)maxsplit; }

/* Pieces are runs of non-space; once maxsplit pieces are cut, the rest
 * (leading whitespace skipped) is the last piece, trailing whitespace kept. */
static void split_whitespace(const char *s, size_t size, size_t limit, span_list *list)
{
    size_t offset = 0, next;
    for (; limit > 0; limit--) {
        while (offset < size && is_space_at(s, size, offset, &next))
            offset = next;
        if (offset == size)
            return;
        size_t start = offset;
        while (offset < size && !is_space_at(s, size, offset, &next))
            offset = next;
        add_span(list, start, offset);
    }
    while (offset < size && is_space_at(s, size, offset, &next))
        offset = next;
    if (offset < size)
        add_span(list, offset, size);
}

static void rsplit_whitespace(const char *s, size_t size, size_t limit, span_list *list)
{
    size_t offset = size, before;
    for (; limit > 0; limit--) {
        while (offset > 0 && is_space_before(s, offset, &before))
            offset = before;
        if (offset == 0)
            return;
        size_t end = offset;
        while (offset > 0 && !is_space_before(s, offset, &before))
            offset = before;
        add_span(list, offset, end);
    }
    while (offset > 0 && is_space_before(s, offset, &before))
        offset = before;
    if (offset > 0)
        add_span(list, 0, offset);
}

static void split_separator(const char *s, size_t size, const char *sep, size_t sep_size,
                            size_t limit, span_list *list)
{
    size_t start = 0;
    for (; limit > 0; limit--) {
        const char *found = memmem(s + start, size - start, sep, sep_size);
        if (!found)
            break;
        add_span(list, start, (size_t)(found - s));
        start = (size_t)(found - s) + sep_size;
    }
    add_span(list, start, size);
}

/* The last occurrence of sep that ends at or before `end`, or -1. */
static ptrdiff_t find_last(const char *s, size_t end, const char *sep, size_t sep_size)
{
    for (size_t at = end; at >= sep_size; at--)
        if (memcmp(s + at - sep_size, sep, sep_size) == 0)
            return (ptrdiff_t)(at - sep_size);
    return -1;
}

static void rsplit_separator(const char *s, size_t size, const char *sep, size_t sep_size,
                             size_t limit, span_list *list)
{
    size_t end = size;
    for (; limit > 0; limit--) {
        ptrdiff_t found = find_last(s, end, sep, sep_size);
        if (found < 0)
            break;
        add_span(list, (size_t)found + sep_size, end);
        end = (size_t)found;
    }
    add_span(list, 0, end);
}

py_span *py_str_split(const char *s, size_t size, const char *sep, size_t sep_size,
                      int64_t maxsplit, size_t *count)
{
    span_list list = {0};
    if (!sep)
        split_whitespace(s, size, split_limit(maxsplit), &list);
    else if (sep_size > 0)
        split_separator(s, size, sep, sep_size, split_limit(maxsplit), &list);
    else
        return empty_separator(count);
    return finish(&list, count);
}

py_span *py_str_rsplit(const char *s, size_t size, const char *sep, size_t sep_size,
                       int64_t maxsplit, size_t *count)
{
    span_list list = {0};
    if (!sep)
        rsplit_whitespace(s, size, split_limit(maxsplit), &list);
    else if (sep_size > 0)
        rsplit_separator(s, size, sep, sep_size, split_limit(maxsplit), &list);
    else
        return empty_separator(count);
    reverse(&list);
    return finish(&list, count);
}

py_span *py_str_splitlines(const char *s, size_t size, bool keepends, size_t *count)
{
    span_list list = {0};
    size_t start = 0, offset = 0;
    while (offset < size) {
        size_t end = offset;
        uint32_t cp = py_utf8_decode(s, size, &offset);
        if (!py_ucd_has(cp, PY_UCD_LINEBREAK))
            continue;
        if (cp == '\r' && offset < size && s[offset] == '\n')
            offset++;
        add_span(&list, start, keepends ? offset : end);
        start = offset;
    }
    if (start < size)
        add_span(&list, start, size);
    return finish(&list, count);
}
