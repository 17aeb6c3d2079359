/* py_unicode_class.c — what a whole string is: str.isalpha() and the other
 * str.is* predicates, the identifier scan the tokenizer shares with
 * str.isidentifier(), and the digit/space rewrite int() and float() parse.
 */
#include "config.h"

#include "py_unicode_buf.h"

/* Non-empty and every code point has one of the properties in mask. */
static bool all_have(const char *s, size_t size, unsigned mask)
{
    for (size_t offset = 0; offset < size;)
        if (!py_ucd_has(py_utf8_decode(s, size, &offset), mask))
            return false;
    return size > 0;
}

bool py_str_isalpha(const char *s, size_t size) { return all_have(s, size, PY_UCD_ALPHA); }
bool py_str_isdecimal(const char *s, size_t size) { return all_have(s, size, PY_UCD_DECIMAL); }
bool py_str_isdigit(const char *s, size_t size) { return all_have(s, size, PY_UCD_DIGIT); }
bool py_str_isnumeric(const char *s, size_t size) { return all_have(s, size, PY_UCD_NUMERIC); }
bool py_str_isalnum(const char *s, size_t size) { return all_have(s, size, PY_UCD_ALNUM); }
bool py_str_isspace(const char *s, size_t size) { return all_have(s, size, PY_UCD_SPACE); }

bool py_str_isprintable(const char *s, size_t size)
{
    return size == 0 || all_have(s, size, PY_UCD_PRINTABLE);
}

bool py_str_isascii(const char *s, size_t size) { return py_utf8_is_ascii(s, size); }

size_t py_str_scan_identifier(const char *s, size_t size)
{
    size_t offset = 0, start = 0;
    while (offset < size) {
        uint32_t cp = py_utf8_decode(s, size, &offset);
        bool fits = start == 0 ? cp == '_' || py_ucd_has(cp, PY_UCD_XID_START)
                               : py_ucd_has(cp, PY_UCD_XID_CONTINUE);
        if (!fits)
            return start;
        start = offset;
    }
    return size;
}

bool py_str_isidentifier(const char *s, size_t size)
{
    return size > 0 && py_str_scan_identifier(s, size) == size;
}

/* The only code point of s, or false when s has none or several. */
static bool single_code_point(const char *s, size_t size, uint32_t *cp)
{
    size_t offset = 0;
    if (size == 0)
        return false;
    *cp = py_utf8_decode(s, size, &offset);
    return offset == size;
}

/* islower and isupper: some character of the case `wanted`, none of the
 * other case or titlecase.  CPython answers a one-character string by the
 * property alone. */
static bool all_cased_are(const char *s, size_t size, unsigned wanted, unsigned others)
{
    uint32_t cp;
    if (single_code_point(s, size, &cp))
        return py_ucd_has(cp, wanted);
    bool cased = false;
    for (size_t offset = 0; offset < size;) {
        unsigned props = py_ucd_properties(py_utf8_decode(s, size, &offset));
        if (props & others)
            return false;
        cased |= (props & wanted) != 0;
    }
    return cased;
}

bool py_str_islower(const char *s, size_t size)
{
    return all_cased_are(s, size, PY_UCD_LOWER, PY_UCD_UPPER | PY_UCD_TITLE);
}

bool py_str_isupper(const char *s, size_t size)
{
    return all_cased_are(s, size, PY_UCD_UPPER, PY_UCD_LOWER | PY_UCD_TITLE);
}

/* Uppercase and titlecase characters only start words, lowercase ones only
 * continue them, and there is at least one word. */
bool py_str_istitle(const char *s, size_t size)
{
    uint32_t cp;
    if (single_code_point(s, size, &cp))
        return py_ucd_has(cp, PY_UCD_TITLE | PY_UCD_UPPER);
    bool cased = false, previous_is_cased = false;
    for (size_t offset = 0; offset < size;) {
        unsigned props = py_ucd_properties(py_utf8_decode(s, size, &offset));
        if (props & (PY_UCD_UPPER | PY_UCD_TITLE)) {
            if (previous_is_cased)
                return false;
            previous_is_cased = cased = true;
        } else if (props & PY_UCD_LOWER) {
            if (!previous_is_cased)
                return false;
            previous_is_cased = cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    return cased;
}

py_text py_str_to_ascii_number(const char *s, size_t size)
{
    if (py_utf8_is_ascii(s, size))
        return py_text_copy(s, size);
    py_buf buf;
    py_buf_init(&buf, size);
    for (size_t offset = 0; offset < size;) {
        uint32_t cp = py_utf8_decode(s, size, &offset);
        int decimal = py_ucd_decimal(cp);
        if (cp < 0x7F)
            py_buf_byte(&buf, (char)cp);
        else if (py_ucd_has(cp, PY_UCD_SPACE))
            py_buf_byte(&buf, ' ');
        else if (decimal >= 0)
            py_buf_byte(&buf, (char)('0' + decimal));
        else {
            py_buf_byte(&buf, '?');
            break;
        }
    }
    return py_buf_finish(&buf);
}
