/* py_unicode_repr.c — repr() and ascii() of a str and repr() of bytes,
 * character for character as CPython writes them.
 */
#include "config.h"

#include "py_unicode_buf.h"

/* Single quotes unless the text has a single quote and no double quote. */
static char quote_for(const char *s, size_t size)
{
    return size > 0 && memchr(s, '\'', size) && !memchr(s, '"', size) ? '"' : '\'';
}

/* The escapes str and bytes share; false for a byte or code point that
 * has none. */
static bool escape_ascii(py_buf *buf, uint32_t c, char quote)
{
    static const char named[][3] = {['\t'] = "\\t", ['\n'] = "\\n", ['\r'] = "\\r"};
    if (c == (uint32_t)quote || c == '\\') {
        py_buf_byte(buf, '\\');
        py_buf_byte(buf, (char)c);
    } else if (c < sizeof named / sizeof named[0] && named[c][0]) {
        py_buf_bytes(buf, named[c], 2);
    } else if (c < ' ' || c == 0x7F) {
        py_buf_escape(buf, c);
    } else {
        return false;
    }
    return true;
}

/* Non-ASCII code points stay as they are when printable (repr) or never (ascii). */
static py_text str_repr(const char *s, size_t size, bool ascii_only)
{
    char quote = quote_for(s, size);
    py_buf buf;
    py_buf_init(&buf, size + 2);
    py_buf_byte(&buf, quote);
    for (size_t offset = 0; offset < size;) {
        uint32_t cp = py_utf8_decode(s, size, &offset);
        if (escape_ascii(&buf, cp, quote))
            continue;
        if (cp < 0x80 || (!ascii_only && py_ucd_has(cp, PY_UCD_PRINTABLE)))
            py_buf_code_point(&buf, cp);
        else
            py_buf_escape(&buf, cp);
    }
    py_buf_byte(&buf, quote);
    return py_buf_finish(&buf);
}

py_text py_str_repr(const char *s, size_t size) { return str_repr(s, size, false); }

py_text py_str_ascii(const char *s, size_t size) { return str_repr(s, size, true); }

py_text py_bytes_repr(const char *s, size_t size)
{
    char quote = quote_for(s, size);
    py_buf buf;
    py_buf_init(&buf, size + 3);
    py_buf_byte(&buf, 'b');
    py_buf_byte(&buf, quote);
    for (size_t i = 0; i < size; i++) {
        unsigned char byte = (unsigned char)s[i];
        if (escape_ascii(&buf, byte, quote))
            continue;
        if (byte < 0x80)
            py_buf_byte(&buf, (char)byte);
        else
            py_buf_escape(&buf, byte);
    }
    py_buf_byte(&buf, quote);
    return py_buf_finish(&buf);
}
