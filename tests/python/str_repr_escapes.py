# repr of strings: quote choice, escapes for control and non-printable characters.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash",
           "\r\x00\x07\x1b", "\x7f", "\x80\x9f", "é", "😀", "\u200b", "\u2028", "\ufeff", "\xa0",
           "", "'", '"', "\\n", "\U000e0001"]
for s in samples:
    print(repr(s), len(s))
print(["it's", "a\nb"], ("x\ty",), {"k\0": "v'\""})
print(str("a\nb"), str(["a\nb"]))
