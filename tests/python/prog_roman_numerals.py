# Roman numerals: conversion both ways for 1..3999, validated by round trip, plus error cases.
VALUES = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

def to_roman(n):
    if not 0 < n < 4000:
        raise ValueError("out of range: " + str(n))
    out = []
    for value, sym in VALUES:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)

def from_roman(s):
    total = 0
    prev = 0
    for ch in reversed(s.upper()):
        if ch not in DIGITS:
            raise ValueError("bad numeral " + repr(ch) + " in " + repr(s))
        v = DIGITS[ch]
        if v < prev:
            total -= v
        else:
            total += v
            prev = v
    if to_roman(total) != s.upper():
        raise ValueError("non-canonical numeral " + repr(s))
    return total

for n in (1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3888, 3999):
    print(n, to_roman(n), from_roman(to_roman(n)))
ok = all(from_roman(to_roman(n)) == n for n in range(1, 4000))
longest = max(range(1, 4000), key=lambda n: len(to_roman(n)))
print(ok, longest, to_roman(longest), sum(len(to_roman(n)) for n in range(1, 4000)))
for bad in ("IIII", "IC", "ABC", "mcmxciv"):
    try:
        print(bad, from_roman(bad))
    except ValueError as e:
        print("ValueError:", e)
try:
    to_roman(0)
except ValueError as e:
    print("ValueError:", e)
