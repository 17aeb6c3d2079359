# repr versus str for builtin values, and str() of containers uses repr of elements.
values = [0, -5, 2**70, 1.0, 0.1, -0.0, 1e100, float("nan"), True, None, "text", "it's", "tab\t",
          [1, "a"], (1,), ("x", 2.5), {"k": "v"}, {1, 2}, frozenset({3}), set(), range(2, 9, 3),
          slice(None), ValueError("v"), KeyError("k"), int, len, [[], {}, ()], {(): [None]}]
for v in values:
    print(str(v), "|", repr(v))
print(str(), repr(""), str("a" * 3), repr(str(5)))
