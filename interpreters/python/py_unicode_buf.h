/* py_unicode_buf.h — the growing output buffer the py_unicode*.c files
 * build new text in (collected memory, NUL-terminated when finished).
 * Internal to the Unicode library.
 */
#ifndef PY_UNICODE_BUF_H
#define PY_UNICODE_BUF_H

#include <string.h>

#include "mt.h"
#include "py_unicode.h"

typedef struct py_buf {
    char *data;
    size_t size, capacity; /* capacity excludes the byte kept for the NUL */
} py_buf;

static inline void py_buf_init(py_buf *buf, size_t capacity)
{
    buf->data = mt_alloc_atomic(capacity + 1);
    buf->size = 0;
    buf->capacity = capacity;
}

/* The same for a result of a known size that may be more than memory
 * holds: false when it cannot be had. */
static inline bool py_buf_try_init(py_buf *buf, size_t capacity)
{
    buf->data = mt_try_alloc_atomic(capacity + 1);
    buf->size = 0;
    buf->capacity = capacity;
    return buf->data != NULL;
}

static inline char *py_buf_extend(py_buf *buf, size_t bytes)
{
    if (bytes > buf->capacity - buf->size) {
        size_t capacity = buf->capacity * 2 > buf->size + bytes ? buf->capacity * 2 : buf->size + bytes;
        buf->data = mt_realloc(buf->data, capacity + 1);
        buf->capacity = capacity;
    }
    char *at = buf->data + buf->size;
    buf->size += bytes;
    return at;
}

static inline void py_buf_bytes(py_buf *buf, const char *bytes, size_t size)
{
    if (size)
        memcpy(py_buf_extend(buf, size), bytes, size);
}

static inline void py_buf_byte(py_buf *buf, char byte) { *py_buf_extend(buf, 1) = byte; }

static inline void py_buf_code_point(py_buf *buf, uint32_t cp)
{
    char bytes[PY_UTF8_MAX];
    py_buf_bytes(buf, bytes, py_utf8_encode(cp, bytes));
}

static inline py_text py_buf_finish(py_buf *buf)
{
    buf->data[buf->size] = '\0';
    return (py_text){buf->data, buf->size};
}

/* \xNN, \uNNNN or \UNNNNNNNN (lowercase hex): how CPython escapes a code
 * point in repr() and in error messages. */
static inline void py_buf_escape(py_buf *buf, uint32_t cp)
{
    static const char hex[] = "0123456789abcdef";
    int digits = cp <= 0xFF ? 2 : cp <= 0xFFFF ? 4 : 8;
    char *at = py_buf_extend(buf, 2 + (size_t)digits);
    at[0] = '\\';
    at[1] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
    for (int i = 0; i < digits; i++)
        at[2 + i] = hex[cp >> 4 * (digits - 1 - i) & 0xF];
}

/* A new text holding a copy of the bytes. */
static inline py_text py_text_copy(const char *s, size_t size)
{
    py_buf buf;
    py_buf_init(&buf, size);
    py_buf_bytes(&buf, s, size);
    return py_buf_finish(&buf);
}

#endif
