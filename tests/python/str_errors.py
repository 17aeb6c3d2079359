# Error messages from misusing strings.
s = "abc"
tests = [
    lambda: s + 1,
    lambda: 1 + s,
    lambda: s[10],
    lambda: s[-4],
    lambda: s * "2",
    lambda: s - "a",
    lambda: s["0"],
    lambda: s < 1,
    lambda: ord("ab"),
    lambda: ord(""),
    lambda: chr(-1),
    lambda: chr(0x110000),
    lambda: "x".join(5),
    lambda: s.index("z"),
    lambda: int(s),
    lambda: s.foo,
    lambda: s.upper(1),
    lambda: "%d" % s,
    lambda: s * 1.5,
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
