# str.maketrans in its three forms, and str.translate with the tables.
table = str.maketrans("abc", "xyz")
print(sorted(table.items()))
print("aabbcc-cab".translate(table))
table = str.maketrans("ab", "ba", "c!")
print(sorted(table.items()))
print("abc! cab!".translate(table))
table = str.maketrans({"a": "1", "b": None, ord("c"): "three"})
print(sorted(table.items()))
print("abcabc".translate(table))
print("héllo wörld".translate(str.maketrans("éö", "eo")))
big = str.maketrans("".join(chr(c) for c in range(0x100, 0x2100)), "".join(chr(c) for c in range(0x2100, 0x4100)))
print(len(big), big[0x100] == 0x2100, big[0x20ff] == 0x40ff)
for args in (("ab", "c"), (1,), ("a", "b", 3), ({1.5: "x"},)):
    try:
        str.maketrans(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
