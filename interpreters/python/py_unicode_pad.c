/* py_unicode_pad.c — str.ljust, rjust, center, zfill and expandtabs:
 * widths and tab stops count code points, as CPython's do.
 */
#include "config.h"

#include "py_unicode_buf.h"

#define TOO_LONG ((py_text){NULL, 0})

/* s with `left` and `right` copies of fill around it. */
static py_text pad(const char *s, size_t size, size_t left, size_t right, uint32_t fill)
{
    char fill_bytes[PY_UTF8_MAX];
    size_t fill_size = py_utf8_encode(fill, fill_bytes);
    size_t limit = (PTRDIFF_MAX - size) / fill_size;
    if (left > limit || right > limit - left)
        return TOO_LONG;
    py_buf buf;
    if (!py_buf_try_init(&buf, size + (left + right) * fill_size))
        return TOO_LONG;
    for (size_t i = 0; i < left; i++)
        py_buf_bytes(&buf, fill_bytes, fill_size);
    py_buf_bytes(&buf, s, size);
    for (size_t i = 0; i < right; i++)
        py_buf_bytes(&buf, fill_bytes, fill_size);
    return py_buf_finish(&buf);
}

/* How many code points s lacks to be `width` wide (0 when it is already). */
static size_t shortfall(const char *s, size_t size, int64_t width)
{
    size_t length = py_utf8_length(s, size);
    return width > 0 && (uint64_t)width > length ? (size_t)((uint64_t)width - length) : 0;
}

py_text py_str_ljust(const char *s, size_t size, int64_t width, uint32_t fill)
{
    return pad(s, size, 0, shortfall(s, size, width), fill);
}

py_text py_str_rjust(const char *s, size_t size, int64_t width, uint32_t fill)
{
    return pad(s, size, shortfall(s, size, width), 0, fill);
}

/* CPython gives the odd extra column to the left only when the width is
 * odd too: 'abc'.center(6) is ' abc  ' but 'ab'.center(5) is '  ab '. */
py_text py_str_center(const char *s, size_t size, int64_t width, uint32_t fill)
{
    size_t margin = shortfall(s, size, width);
    size_t left = margin / 2 + (margin & (uint64_t)width & 1);
    return pad(s, size, left, margin - left, fill);
}

/* Zeros go after a leading sign. */
py_text py_str_zfill(const char *s, size_t size, int64_t width)
{
    size_t zeros = shortfall(s, size, width);
    py_text text = pad(s, size, zeros, 0, '0');
    if (text.data && zeros > 0 && size > 0 && (s[0] == '+' || s[0] == '-')) {
        text.data[0] = s[0];
        text.data[zeros] = '0';
    }
    return text;
}

/* Spaces from `column` to the next tab stop; none when tabsize <= 0. */
static size_t tab_advance(size_t column, int64_t tabsize)
{
    return tabsize > 0 ? (size_t)tabsize - column % (size_t)tabsize : 0;
}

/* One pass to size the result (and refuse one too long), one to write it. */
py_text py_str_expandtabs(const char *s, size_t size, int64_t tabsize)
{
    size_t spaces = 0, column = 0;
    for (size_t offset = 0; offset < size;) {
        uint32_t cp = py_utf8_decode(s, size, &offset);
        if (cp == '\t') {
            size_t advance = tab_advance(column, tabsize);
            if (advance > PTRDIFF_MAX - size - spaces)
                return TOO_LONG;
            spaces += advance;
            column += advance;
        } else {
            column = cp == '\n' || cp == '\r' ? 0 : column + 1;
        }
    }
    py_buf buf;
    py_buf_init(&buf, size + spaces);
    column = 0;
    for (size_t offset = 0; offset < size;) {
        size_t start = offset;
        uint32_t cp = py_utf8_decode(s, size, &offset);
        if (cp == '\t') {
            size_t advance = tab_advance(column, tabsize);
            memset(py_buf_extend(&buf, advance), ' ', advance);
            column += advance;
        } else {
            py_buf_bytes(&buf, s + start, offset - start);
            column = cp == '\n' || cp == '\r' ? 0 : column + 1;
        }
    }
    return py_buf_finish(&buf);
}
