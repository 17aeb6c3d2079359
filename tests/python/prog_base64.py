# Base64 encoding and decoding of text written by hand with bit operations on UTF-8 bytes
# computed from code points (no bytes objects), checked by round trip.
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

def utf8_bytes(text):
    out = []
    for ch in text:
        cp = ord(ch)
        if cp < 0x80:
            out.append(cp)
        elif cp < 0x800:
            out += [0xC0 | cp >> 6, 0x80 | cp & 0x3F]
        elif cp < 0x10000:
            out += [0xE0 | cp >> 12, 0x80 | cp >> 6 & 0x3F, 0x80 | cp & 0x3F]
        else:
            out += [0xF0 | cp >> 18, 0x80 | cp >> 12 & 0x3F, 0x80 | cp >> 6 & 0x3F, 0x80 | cp & 0x3F]
    return out

def utf8_text(data):
    chars = []
    i = 0
    while i < len(data):
        b = data[i]
        if b < 0x80:
            cp, n = b, 1
        elif b >> 5 == 6:
            cp, n = b & 0x1F, 2
        elif b >> 4 == 14:
            cp, n = b & 0x0F, 3
        else:
            cp, n = b & 0x07, 4
        for k in range(1, n):
            cp = cp << 6 | data[i + k] & 0x3F
        chars.append(chr(cp))
        i += n
    return "".join(chars)

def encode(data):
    out = []
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3]
        v = 0
        for b in chunk:
            v = v << 8 | b
        v <<= 8 * (3 - len(chunk))
        for k in range(4):
            out.append(ALPHABET[v >> (18 - 6 * k) & 63] if k <= len(chunk) else "=")
    return "".join(out)

def decode(text):
    data = []
    for i in range(0, len(text), 4):
        quad = text[i:i + 4]
        pad = quad.count("=")
        v = 0
        for ch in quad:
            v = v << 6 | (0 if ch == "=" else ALPHABET.index(ch))
        for k in range(3 - pad):
            data.append(v >> (16 - 8 * k) & 255)
    return data

for text in ("", "f", "fo", "foo", "foob", "fooba", "foobar", "Man is distinguished",
             "héllo wörld", "日本語", "emoji 😀🎉", "a" * 100):
    enc = encode(utf8_bytes(text))
    back = utf8_text(decode(enc))
    print(repr(text[:24]), enc[:60], back == text)
print(len(encode(list(range(256)) * 4)), encode(list(range(256)))[-12:])
