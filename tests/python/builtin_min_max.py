# min and max: several arguments, iterables, key, default, ties, and error messages.
print(max(3, 7, 5), min(3, 7, 5), max([1.5, -2, 9]), min("hello"), max("apple", "pear", "fig"))
print(max([], default="none"), min((), default=0), max(["aa", "b", "ccc"], key=len), min(["aa", "b", "cc"], key=len))
print(max([(1, "b"), (1, "a"), (0, "z")]), max([1, 3, 3, 2], key=lambda x: -x), min([2, 1, 1], key=lambda x: 0))
print(max(range(10), key=lambda x: (x % 3, x)), min({"x": 3, "y": 1}, key={"x": 3, "y": 1}.get))
print(max(2**70, 2**70 + 1.0), min(-0.0, 0), max(True, 1), max(1, True))
for bad in (lambda: max([]), lambda: min(5), lambda: max(1, "a"), lambda: max(), lambda: min([], key=len)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
