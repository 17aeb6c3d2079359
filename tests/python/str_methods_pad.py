# Padding and alignment: center, ljust, rjust, zfill, expandtabs.
for w in (0, 3, 7, 8, 10):
    print(repr("abc".center(w)), repr("abc".ljust(w, ".")), repr("abc".rjust(w, "*")), repr("ab".center(w, "-")))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(5), "12345".zfill(3), "".zfill(2))
print(repr("a\tb\tc".expandtabs()), repr("a\tbc\td".expandtabs(4)), repr("\t".expandtabs(2)))
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
rows = [("apple", 3, 1.25), ("kiwi", 12, 0.5), ("watermelon", 1, 4.75)]
for name, qty, price in rows:
    print(name.ljust(12) + str(qty).rjust(4) + ("%.2f" % price).rjust(8))
