/* py_unicode_case.c — str.upper, lower, title, capitalize, swapcase and
 * casefold: full case mappings (U+00DF upper is "SS") plus the one rule
 * that needs context, the final sigma of lower().
 */
#include "config.h"

#include "py_unicode_buf.h"

#define CAPITAL_SIGMA 0x3A3u
#define SMALL_SIGMA 0x3C3u
#define FINAL_SIGMA 0x3C2u

/* Where the mapping is in the string: the character at [at, after). */
typedef struct case_cursor {
    const char *s;
    size_t size, at, after;
    bool previous_is_cased;
} case_cursor;

typedef size_t (*case_mapper)(const case_cursor *cursor, uint32_t cp, uint32_t out[PY_CASE_MAX]);

static bool is_case_ignorable(uint32_t cp) { return py_ucd_has(cp, PY_UCD_CASE_IGNORABLE); }

/* A capital sigma is final when, looking past case-ignorable characters,
 * a cased character comes before it and none after it. */
static bool is_final_sigma(const case_cursor *cursor)
{
    size_t offset = cursor->at;
    uint32_t cp = 0;
    do {
        if (offset == 0)
            return false;
        cp = py_utf8_decode_before(cursor->s, &offset);
    } while (is_case_ignorable(cp));
    if (!py_ucd_has(cp, PY_UCD_CASED))
        return false;
    offset = cursor->after;
    while (offset < cursor->size) {
        cp = py_utf8_decode(cursor->s, cursor->size, &offset);
        if (!is_case_ignorable(cp))
            return !py_ucd_has(cp, PY_UCD_CASED);
    }
    return true;
}

static size_t lower_in_context(const case_cursor *cursor, uint32_t cp, uint32_t out[PY_CASE_MAX])
{
    if (cp != CAPITAL_SIGMA)
        return py_ucd_full_case(cp, PY_CASE_LOWER, out);
    out[0] = is_final_sigma(cursor) ? FINAL_SIGMA : SMALL_SIGMA;
    return 1;
}

static size_t upper(const case_cursor *cursor, uint32_t cp, uint32_t out[PY_CASE_MAX])
{
    (void)cursor;
    return py_ucd_full_case(cp, PY_CASE_UPPER, out);
}

static size_t casefold(const case_cursor *cursor, uint32_t cp, uint32_t out[PY_CASE_MAX])
{
    (void)cursor;
    return py_ucd_full_case(cp, PY_CASE_FOLD, out);
}

/* Words start after an uncased character (CPython's Cased property, so
 * "they're".title() is "They'Re"). */
static size_t title(const case_cursor *cursor, uint32_t cp, uint32_t out[PY_CASE_MAX])
{
    if (cursor->previous_is_cased)
        return lower_in_context(cursor, cp, out);
    return py_ucd_full_case(cp, PY_CASE_TITLE, out);
}

static size_t capitalize(const case_cursor *cursor, uint32_t cp, uint32_t out[PY_CASE_MAX])
{
    if (cursor->at > 0)
        return lower_in_context(cursor, cp, out);
    return py_ucd_full_case(cp, PY_CASE_TITLE, out);
}

static size_t swapcase(const case_cursor *cursor, uint32_t cp, uint32_t out[PY_CASE_MAX])
{
    unsigned props = py_ucd_properties(cp);
    if (props & PY_UCD_UPPER)
        return lower_in_context(cursor, cp, out);
    if (props & PY_UCD_LOWER)
        return py_ucd_full_case(cp, PY_CASE_UPPER, out);
    out[0] = cp;
    return 1;
}

static py_text map_string(const char *s, size_t size, case_mapper mapper)
{
    py_buf buf;
    py_buf_init(&buf, size);
    case_cursor cursor = {s, size, 0, 0, false};
    while (cursor.at < size) {
        uint32_t cp = py_utf8_decode(s, size, &cursor.after);
        uint32_t mapped[PY_CASE_MAX];
        size_t length = mapper(&cursor, cp, mapped);
        for (size_t i = 0; i < length; i++)
            py_buf_code_point(&buf, mapped[i]);
        cursor.previous_is_cased = py_ucd_has(cp, PY_UCD_CASED);
        cursor.at = cursor.after;
    }
    return py_buf_finish(&buf);
}

py_text py_str_upper(const char *s, size_t size) { return map_string(s, size, upper); }
py_text py_str_lower(const char *s, size_t size) { return map_string(s, size, lower_in_context); }
py_text py_str_title(const char *s, size_t size) { return map_string(s, size, title); }
py_text py_str_capitalize(const char *s, size_t size) { return map_string(s, size, capitalize); }
py_text py_str_swapcase(const char *s, size_t size) { return map_string(s, size, swapcase); }
py_text py_str_casefold(const char *s, size_t size) { return map_string(s, size, casefold); }
