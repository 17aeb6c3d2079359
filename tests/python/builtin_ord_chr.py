# ord and chr across ASCII, Latin-1, BMP and astral code points.
for ch in "Aa0 ~\n\x00\x7f\x80é€\uffff😀\U0010ffff":
    print(repr(ch), ord(ch), hex(ord(ch)), chr(ord(ch)) == ch)
print([chr(i) for i in range(65, 75)], "".join(chr(c) for c in range(0x3b1, 0x3ba)))
print(sum(ord(c) for c in "checksum"), chr(0), repr(chr(127)), chr(0x1F600), repr(chr(0xD800)))
