/* py_unicode.h — mtpy's text library: the Unicode character database and
 * the str algorithms CPython 3.11 defines on it (Unicode 14.0.0), working
 * on UTF-8 buffers with explicit byte sizes, since a str may contain NUL.
 * Every result that is new text lives in collected memory (mt_alloc_atomic)
 * and is NUL-terminated past its size for convenience.
 *
 * A str is held as UTF-8 in which a lone surrogate (U+D800..U+DFFF, which a
 * Python str may contain) is written as its own 3-byte sequence, as CPython's
 * 'surrogatepass' writes it; a surrogate pair stays two code points.  Byte
 * order of such text is code point order.  The str functions expect text in
 * that form (py_utf8_check accepts it minus the surrogates); given other
 * bytes they stay in bounds, decoding each stray byte as U+FFFD, but their
 * answers are not meaningful.
 */
#ifndef PY_UNICODE_H
#define PY_UNICODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PY_UNICODE_MAX 0x10FFFFu

/* ---- the character database (one code point) ----------------------------
 * Code points above PY_UNICODE_MAX answer as an unassigned one. */

typedef enum py_ucd_category {
    PY_UCD_Cn, /* unassigned: first, so an empty record means it */
    PY_UCD_Lu, PY_UCD_Ll, PY_UCD_Lt, PY_UCD_Lm, PY_UCD_Lo,
    PY_UCD_Mn, PY_UCD_Mc, PY_UCD_Me,
    PY_UCD_Nd, PY_UCD_Nl, PY_UCD_No,
    PY_UCD_Pc, PY_UCD_Pd, PY_UCD_Ps, PY_UCD_Pe, PY_UCD_Pi, PY_UCD_Pf, PY_UCD_Po,
    PY_UCD_Sm, PY_UCD_Sc, PY_UCD_Sk, PY_UCD_So,
    PY_UCD_Zs, PY_UCD_Zl, PY_UCD_Zp,
    PY_UCD_Cc, PY_UCD_Cf, PY_UCD_Cs, PY_UCD_Co,
    PY_UCD_CATEGORIES
} py_ucd_category;

/* Properties as CPython's Py_UNICODE_IS* macros define them. */
enum {
    PY_UCD_ALPHA = 1u << 0,          /* str.isalpha: categories L* */
    PY_UCD_DECIMAL = 1u << 1,        /* str.isdecimal: has a decimal value */
    PY_UCD_DIGIT = 1u << 2,          /* str.isdigit: has a digit value */
    PY_UCD_NUMERIC = 1u << 3,        /* str.isnumeric (incl. CJK numerals) */
    PY_UCD_SPACE = 1u << 4,          /* str.isspace, strip(), split() */
    PY_UCD_PRINTABLE = 1u << 5,      /* str.isprintable, repr(): not C* or Z*, or ' ' */
    PY_UCD_XID_START = 1u << 6,      /* identifier start ('_' is not one) */
    PY_UCD_XID_CONTINUE = 1u << 7,   /* identifier continuation */
    PY_UCD_LOWER = 1u << 8,          /* Lowercase */
    PY_UCD_UPPER = 1u << 9,          /* Uppercase */
    PY_UCD_TITLE = 1u << 10,         /* category Lt */
    PY_UCD_CASED = 1u << 11,         /* Cased: str.title() context */
    PY_UCD_CASE_IGNORABLE = 1u << 12, /* Case_Ignorable: final sigma context */
    PY_UCD_LINEBREAK = 1u << 13,     /* str.splitlines boundary */
};
#define PY_UCD_ALNUM (PY_UCD_ALPHA | PY_UCD_DECIMAL | PY_UCD_DIGIT | PY_UCD_NUMERIC)

py_ucd_category py_ucd_category_of(uint32_t cp);
/* "Lu", "Cn", ... (unicodedata.category) */
const char *py_ucd_category_name(py_ucd_category category);
/* The PY_UCD_* bits of cp. */
unsigned py_ucd_properties(uint32_t cp);
/* Whether cp has any of the properties in `mask`. */
static inline bool py_ucd_has(uint32_t cp, unsigned mask) { return py_ucd_properties(cp) & mask; }
/* unicodedata.decimal / unicodedata.digit: 0..9, or -1. */
int py_ucd_decimal(uint32_t cp);
int py_ucd_digit(uint32_t cp);

typedef enum py_case_kind {
    PY_CASE_UPPER,
    PY_CASE_LOWER,
    PY_CASE_TITLE,
    PY_CASE_FOLD, /* str.casefold */
    PY_CASE_KINDS
} py_case_kind;
#define PY_CASE_MAX 3 /* code points in the longest full mapping */

/* The full mapping of cp (e.g. U+00DF upper is "SS"): its length, 1..3.
 * PY_CASE_LOWER of U+03A3 is U+03C3; the final form needs the string
 * around it (py_str_lower). */
size_t py_ucd_full_case(uint32_t cp, py_case_kind kind, uint32_t out[PY_CASE_MAX]);
/* CPython's one-code-point mapping (Py_UNICODE_TOLOWER ...): the first code
 * point of the full mapping. */
uint32_t py_ucd_simple_case(uint32_t cp, py_case_kind kind);

/* ---- UTF-8 ---------------------------------------------------------------- */

#define PY_UTF8_MAX 4 /* bytes in one code point */

/* Write cp (<= PY_UNICODE_MAX; a surrogate as 3 bytes); returns the bytes written. */
size_t py_utf8_encode(uint32_t cp, char out[PY_UTF8_MAX]);
/* The code point at s[*offset] (*offset < size); moves *offset past it. */
uint32_t py_utf8_decode(const char *s, size_t size, size_t *offset);
/* The code point before s[*offset] (*offset > 0); moves *offset to its start. */
uint32_t py_utf8_decode_before(const char *s, size_t *offset);
/* Code points in the text (its len()). */
size_t py_utf8_length(const char *s, size_t size);
bool py_utf8_is_ascii(const char *s, size_t size);
/* The byte offset of code point `index`; `size` when index >= the length. */
size_t py_utf8_offset(const char *s, size_t size, size_t index);
/* The number of code points in the first `offset` bytes. */
size_t py_utf8_index(const char *s, size_t offset);

/* Why bytes are not UTF-8 (bytes.decode()) or a str is not encodable
 * (str.encode()): the offending range [start, end) — bytes when decoding,
 * code points when encoding — and CPython's reason ("invalid start byte",
 * "invalid continuation byte", "unexpected end of data", "surrogates not
 * allowed"). */
typedef struct py_utf8_error {
    size_t start, end;
    const char *reason;
} py_utf8_error;

/* Whether bytes are strict UTF-8 as CPython decodes it (no surrogates, no
 * overlong forms, nothing above U+10FFFF); if not, *error says where the
 * first problem is. */
bool py_utf8_check(const char *s, size_t size, py_utf8_error *error);
/* "'utf-8' codec can't decode byte 0xff in position 3: invalid start byte"
 * ("bytes in position 0-1: ..." when the range is longer): the message of
 * the UnicodeDecodeError for an error of py_utf8_check on the same bytes. */
char *py_utf8_decode_error_message(const char *s, const py_utf8_error *error);
/* Whether a str can be encoded to strict UTF-8 (has no lone surrogate); if
 * not, *error gives the first run of surrogates, in code points. */
bool py_utf8_check_encodable(const char *s, size_t size, py_utf8_error *error);
/* "'utf-8' codec can't encode character '\ud800' in position 1: surrogates
 * not allowed" (or "characters in position 1-2"), for py_utf8_check_encodable. */
char *py_utf8_encode_error_message(const char *s, size_t size, const py_utf8_error *error);

/* ---- str methods ---------------------------------------------------------- */

typedef struct py_text {
    char *data; /* collected, NUL-terminated; NULL when the result is too long */
    size_t size;
} py_text;

typedef struct py_span {
    size_t start, size; /* bytes of the argument */
} py_span;

/* str.isalpha() ...: the answer for the whole string (False when empty,
 * except isprintable and isascii). */
bool py_str_isalpha(const char *s, size_t size);
bool py_str_isdecimal(const char *s, size_t size);
bool py_str_isdigit(const char *s, size_t size);
bool py_str_isnumeric(const char *s, size_t size);
bool py_str_isalnum(const char *s, size_t size);
bool py_str_isspace(const char *s, size_t size);
bool py_str_isprintable(const char *s, size_t size);
bool py_str_isascii(const char *s, size_t size);
bool py_str_isidentifier(const char *s, size_t size);
bool py_str_islower(const char *s, size_t size);
bool py_str_isupper(const char *s, size_t size);
bool py_str_istitle(const char *s, size_t size);
/* The byte offset of the first character that stops s from being an
 * identifier (the tokenizer's "invalid character" position); size if none. */
size_t py_str_scan_identifier(const char *s, size_t size);

py_text py_str_upper(const char *s, size_t size);
py_text py_str_lower(const char *s, size_t size);
py_text py_str_title(const char *s, size_t size);
py_text py_str_capitalize(const char *s, size_t size);
py_text py_str_swapcase(const char *s, size_t size);
py_text py_str_casefold(const char *s, size_t size);

typedef enum py_strip_side { PY_STRIP_LEFT = 1, PY_STRIP_RIGHT = 2, PY_STRIP_BOTH = 3 } py_strip_side;

/* str.strip/lstrip/rstrip: the part of s that is left.  chars == NULL
 * strips whitespace (PY_UCD_SPACE); otherwise any code point of the
 * chars_size bytes at `chars`. */
py_span py_str_strip(const char *s, size_t size, const char *chars, size_t chars_size,
                     py_strip_side side);
/* str.split / str.rsplit: the pieces, left to right, in *count spans.
 * sep == NULL splits at runs of whitespace and drops empty pieces at the
 * ends; otherwise at each occurrence of the sep_size (> 0) bytes at sep.
 * maxsplit < 0 means no limit.  NULL when sep_size is 0 (CPython's
 * ValueError "empty separator"). */
py_span *py_str_split(const char *s, size_t size, const char *sep, size_t sep_size,
                      int64_t maxsplit, size_t *count);
py_span *py_str_rsplit(const char *s, size_t size, const char *sep, size_t sep_size,
                       int64_t maxsplit, size_t *count);
/* str.splitlines(keepends): lines end at PY_UCD_LINEBREAK characters, "\r\n" being one. */
py_span *py_str_splitlines(const char *s, size_t size, bool keepends, size_t *count);

/* str.ljust/rjust/center(width, fill) and str.zfill(width), widths in code
 * points; a copy of s when it is already that wide.  .data is NULL when the
 * result would be longer than PTRDIFF_MAX bytes or memory for it cannot be
 * had (CPython: MemoryError). */
py_text py_str_ljust(const char *s, size_t size, int64_t width, uint32_t fill);
py_text py_str_rjust(const char *s, size_t size, int64_t width, uint32_t fill);
py_text py_str_center(const char *s, size_t size, int64_t width, uint32_t fill);
py_text py_str_zfill(const char *s, size_t size, int64_t width);
/* str.expandtabs(tabsize); .data is NULL when the result would be longer
 * than PTRDIFF_MAX bytes (CPython's OverflowError "new string is too long"). */
py_text py_str_expandtabs(const char *s, size_t size, int64_t tabsize);

/* What int() and float() parse instead of a non-ASCII string (CPython's
 * _PyUnicode_TransformDecimalAndSpaceToASCII): each decimal digit becomes
 * its ASCII digit and each whitespace character a space; at the first other
 * character from U+007F up the text ends with a '?', which no number accepts. */
py_text py_str_to_ascii_number(const char *s, size_t size);

/* repr(str) and ascii(str), exactly as CPython writes them. */
py_text py_str_repr(const char *s, size_t size);
py_text py_str_ascii(const char *s, size_t size);
/* repr(bytes): b'...' (bytearray's repr wraps this in "bytearray(...)"). */
py_text py_bytes_repr(const char *s, size_t size);

#endif
