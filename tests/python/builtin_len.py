# len() of every sized builtin type, including big ranges and unicode strings, and its errors.
print(len(""), len("abc"), len("日本"), len("😀😀"), len([]), len([1, [2, 3]]), len(()), len((1,)))
print(len({}), len({"a": 1, "b": 2}), len(set()), len({1, 2, 2}), len(frozenset("aab")), len(range(10)))
print(len(range(0, 100, 7)), len(range(10, 0, -3)), len(range(5, 5)), len(range(2**40)), len({}.keys()))
d = {"x": 1}
print(len(d.items()), len(d.values()), len([None] * 1000), len("ab" * 500), len(str(2**1000)))
for bad in (5, 2.5, None, len, True):
    try:
        len(bad)
    except TypeError as e:
        print("TypeError:", e)
