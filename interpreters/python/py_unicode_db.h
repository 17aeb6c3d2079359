/* py_unicode_db.h — the layout of the generated character database
 * (py_unicode_db.c, written by scripts/gen-py-unicode-db).  Only
 * py_unicode.c reads it; everything else asks py_unicode.h.
 *
 * Each table maps a code point through three levels of deduplicated blocks
 * to a record; records hold what CPython's str methods need.
 */
#ifndef PY_UNICODE_DB_H
#define PY_UNICODE_DB_H

#include <stdint.h>

#include "py_unicode.h"

typedef struct py_ucd_props {
    uint16_t flags;   /* PY_UCD_ALPHA ... PY_UCD_LINEBREAK */
    uint8_t category; /* py_ucd_category */
    int8_t digit;     /* the digit value, -1 if none */
} py_ucd_props;

/* A character's four case mappings (by py_case_kind): the code point plus
 * delta[kind], or — when long_index is not 0 — entry long_index - 1 of
 * py_ucd_long_cases, for characters whose mappings are not all one code point. */
typedef struct py_ucd_case {
    int32_t delta[PY_CASE_KINDS];
    uint16_t long_index;
} py_ucd_case;

/* Each mapping ends at the first 0 (no mapping contains U+0000). */
typedef struct py_ucd_long_case {
    uint32_t map[PY_CASE_KINDS][PY_CASE_MAX];
} py_ucd_long_case;

/* Defined for cp <= PY_UNICODE_MAX. */
const py_ucd_props *py_ucd_props_of(uint32_t cp);
const py_ucd_case *py_ucd_case_of(uint32_t cp);
extern const py_ucd_long_case py_ucd_long_cases[];

#endif
