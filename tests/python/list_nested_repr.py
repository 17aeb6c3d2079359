# repr of nested and self-referencing containers.
a = [1, [2, [3, [4, []]]], (5, (6,)), {"k": [7]}]
print(a, str(a) == repr(a), len(str(a)))
b = [1, 2]
b.append(b)
print(b, len(b), b[2][2][0])
d = {"self": None}
d["self"] = d
print(d)
c = [b, b]
print(c)
print([["a", 'b"c', "d'e"]], [(), (1,), (1, 2)], [{}, set(), frozenset()], [[], [[]]])
print([1.0, -0.0, 1e16, float("inf")], [None, True, False], [range(3), slice(1, 2)])
