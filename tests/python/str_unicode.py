# Unicode strings: non-ASCII text, emoji, code points, length and slicing by code point.
s = "héllo wörld"
print(s, len(s), s[1], s[::-1], s.upper(), s.find("ö"))
e = "😀🎉👍"
print(e, len(e), e[1], e[::-1], e * 2, e[0] + "!")
print(ord("é"), ord("€"), ord("😀"), chr(233), chr(8364), chr(128512), chr(0x1F40D))
print("日本語", len("日本語"), "日本語"[1:], "日本語" * 2)
mixed = "aé€😀"
for ch in mixed:
    print(ch, ord(ch), hex(ord(ch)), len(ch))
print([c for c in "naïve"], "ñ" in "España", "España".index("ñ"), "Ελληνικά"[:3])
print("\u00e9" == "é", "\U0001F600" == "😀", "\xe9", "\u20ac", len("\U0001F600"))
combining = "e\u0301"
print(combining, len(combining), combining == "é", repr(combining[1]))
print(sorted("zéa€b"), max("aé😀"), "é" < "😀", "z" < "é")
flag = "🇫🇷"
print(flag, len(flag), [hex(ord(c)) for c in flag])
