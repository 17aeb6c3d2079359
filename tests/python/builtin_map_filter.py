# map over one or several iterables, filter with a function or None; both are lazy iterators.
print(list(map(str, [1, 2, 3])), list(map(lambda x: x * x, range(5))), list(map(pow, [2, 3], [5, 2])))
print(list(map(lambda a, b, c: a + b + c, "ab", "cd", "efg")), list(map(len, ["", "ab", "xyz"])))
print(list(filter(None, [0, 1, "", "a", [], [0], None, False, 2])), list(filter(str.isdigit, "a1b2c3")))
print(list(filter(lambda n: n % 2, range(10))), list(map(int, "12 34 5".split())))
m = map(lambda x: x + 1, [10, 20])
print(next(m), list(m), list(m))
calls = []
def tracked(x):
    calls.append(x)
    return x
lazy = map(tracked, range(3))
print(calls)
print(list(lazy), calls)
print(sum(map(int, str(2**100))), max(map(abs, [-7, 3, 5])), sorted(filter(lambda s: "a" in s, ["bad", "cod", "ant"])))
