# CPython's messages for common runtime errors, caught and printed.
five = 5
tests = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + 1,
    lambda: 1 - None,
    lambda: -"x",
    lambda: ~1.5,
    lambda: five(),
    lambda: len(5),
    lambda: (1, 2)[5],
    lambda: {"a": 1}["b"],
    lambda: [].pop(),
    lambda: (1).foo,
    lambda: [].foo,
    lambda: {}.bar,
    lambda: "x".nope,
    lambda: int("12x"),
    lambda: float("1.2.3"),
    lambda: 10 / 0,
    lambda: 10 % 0,
    lambda: 2 ** 10000.0,
    lambda: iter(5),
    lambda: next(iter([])),
    lambda: max([]),
    lambda: min(()),
    lambda: [1, 2].index(3),
    lambda: sorted([3, "a"]),
    lambda: {[1]: 2},
    lambda: hash([]),
    lambda: chr(-5),
    lambda: "abc"[1:2:0],
    lambda: list(range(3))[::0],
    lambda: a_missing_name,
    lambda: 1 < "x",
    lambda: [] > {},
    lambda: set().remove(1),
    lambda: "%d" % "s",
    lambda: int("99", 5),
    lambda: bool.foo,
]
for t in tests:
    try:
        t()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ": " + str(e))
