/* py_unicode_utf8.c — UTF-8 as mtpy's str uses it: one code point in and
 * out, code point counts and offsets (the VM indexes strings by code point),
 * and the strict checks behind bytes.decode() and str.encode() with
 * CPython's error messages.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "py_unicode_buf.h"

#define REPLACEMENT_CHARACTER 0xFFFDu

static bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

static bool is_surrogate(uint32_t cp) { return cp >= 0xD800 && cp <= 0xDFFF; }

size_t py_utf8_encode(uint32_t cp, char out[PY_UTF8_MAX])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Bytes in the sequence a lead byte starts, 0 for a byte no sequence starts with. */
static size_t sequence_length(unsigned char lead)
{
    if (lead < 0x80)
        return 1;
    if (lead < 0xC2)
        return 0;
    if (lead < 0xE0)
        return 2;
    if (lead < 0xF0)
        return 3;
    return lead < 0xF5 ? 4 : 0;
}

uint32_t py_utf8_decode(const char *s, size_t size, size_t *offset)
{
    static const uint32_t smallest[PY_UTF8_MAX + 1] = {0, 0, 0x80, 0x800, 0x10000};
    const unsigned char *p = (const unsigned char *)s + *offset;
    size_t length = sequence_length(p[0]);
    if (length == 0 || length > size - *offset) {
        *offset += 1;
        return REPLACEMENT_CHARACTER;
    }
    uint32_t cp = length == 1 ? p[0] : p[0] & (0x7F >> length);
    for (size_t i = 1; i < length; i++) {
        if (!is_continuation(p[i])) {
            *offset += 1;
            return REPLACEMENT_CHARACTER;
        }
        cp = cp << 6 | (p[i] & 0x3F);
    }
    if (cp < smallest[length] || cp > PY_UNICODE_MAX) {
        *offset += 1;
        return REPLACEMENT_CHARACTER;
    }
    *offset += length;
    return cp;
}

uint32_t py_utf8_decode_before(const char *s, size_t *offset)
{
    size_t end = *offset, start = end - 1;
    while (start > 0 && end - start < PY_UTF8_MAX && is_continuation((unsigned char)s[start]))
        start--;
    size_t after = start;
    uint32_t cp = py_utf8_decode(s, end, &after);
    if (after != end) {
        *offset = end - 1;
        return REPLACEMENT_CHARACTER;
    }
    *offset = start;
    return cp;
}

size_t py_utf8_length(const char *s, size_t size)
{
    size_t length = 0;
    for (size_t i = 0; i < size; i++)
        length += !is_continuation((unsigned char)s[i]);
    return length;
}

bool py_utf8_is_ascii(const char *s, size_t size)
{
    for (size_t i = 0; i < size; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

size_t py_utf8_offset(const char *s, size_t size, size_t index)
{
    for (size_t offset = 0; offset < size; offset++)
        if (!is_continuation((unsigned char)s[offset]) && index-- == 0)
            return offset;
    return size;
}

size_t py_utf8_index(const char *s, size_t offset) { return py_utf8_length(s, offset); }

static bool fail(py_utf8_error *error, size_t start, size_t end, const char *reason)
{
    *error = (py_utf8_error){start, end, reason};
    return false;
}

/* CPython reports the lead byte and the good continuation bytes after it,
 * and names the first byte that does not fit. */
bool py_utf8_check(const char *s, size_t size, py_utf8_error *error)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < size) {
        size_t length = sequence_length(p[i]);
        if (length == 0)
            return fail(error, i, i + 1, "invalid start byte");
        /* The second byte's range excludes overlong forms, surrogates and
         * code points above U+10FFFF. */
        unsigned low = p[i] == 0xE0 ? 0xA0 : p[i] == 0xF0 ? 0x90 : 0x80;
        unsigned high = p[i] == 0xED ? 0x9F : p[i] == 0xF4 ? 0x8F : 0xBF;
        for (size_t k = 1; k < length; k++) {
            if (i + k == size)
                return fail(error, i, size, "unexpected end of data");
            if (p[i + k] < low || p[i + k] > high)
                return fail(error, i, i + k, "invalid continuation byte");
            low = 0x80;
            high = 0xBF;
        }
        i += length;
    }
    return true;
}

static char *format_message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *format_message(const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int length = vsnprintf(NULL, 0, fmt, args);
    va_end(args);
    char *message = mt_alloc_atomic((size_t)length + 1);
    va_start(args, fmt);
    vsnprintf(message, (size_t)length + 1, fmt, args);
    va_end(args);
    return message;
}

char *py_utf8_decode_error_message(const char *s, const py_utf8_error *error)
{
    if (error->end - error->start == 1)
        return format_message("'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                              (unsigned char)s[error->start], error->start, error->reason);
    return format_message("'utf-8' codec can't decode bytes in position %zu-%zu: %s", error->start,
                          error->end - 1, error->reason);
}

/* CPython's strict encoder reports the whole run of surrogates at once. */
bool py_utf8_check_encodable(const char *s, size_t size, py_utf8_error *error)
{
    size_t offset = 0, index = 0;
    while (offset < size) {
        if (is_surrogate(py_utf8_decode(s, size, &offset))) {
            size_t end = index + 1;
            while (offset < size && is_surrogate(py_utf8_decode(s, size, &offset)))
                end++;
            return fail(error, index, end, "surrogates not allowed");
        }
        index++;
    }
    return true;
}

char *py_utf8_encode_error_message(const char *s, size_t size, const py_utf8_error *error)
{
    if (error->end - error->start > 1)
        return format_message("'utf-8' codec can't encode characters in position %zu-%zu: %s",
                              error->start, error->end - 1, error->reason);
    size_t offset = py_utf8_offset(s, size, error->start);
    uint32_t cp = offset < size ? py_utf8_decode(s, size, &offset) : 0;
    py_buf character;
    py_buf_init(&character, 10);
    py_buf_escape(&character, cp);
    return format_message("'utf-8' codec can't encode character '%s' in position %zu: %s",
                          py_buf_finish(&character).data, error->start, error->reason);
}
