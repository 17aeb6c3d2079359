# Dict keys: equal numbers (1, 1.0, True) are the same key; tuples, frozensets, None, big ints as keys.
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
e = {0: "zero", False: "false", 0.0: "float zero", -0.0: "neg zero"}
print(e)
f = {2**64: "big", 2.0**64: "bigf", -1: "m1", -2: "m2"}
print(f)
g = {(1, 2): "t", frozenset({1, 2}): "fs", None: "n", "": "empty", (): "unit"}
print(g[(1, 2)], g[frozenset({2, 1})], g[None], g[""], g[()], len(g))
nan = float("nan")
h = {nan: 1}
h[nan] = 2
print(len(h), h[nan], list(h.values()))
h[float("nan")] = 3
print(len(h))
try:
    {[]: 1}
except TypeError as e:
    print("TypeError:", e)
try:
    {}[{}]
except TypeError as e:
    print("TypeError:", e)
try:
    d[set()] = 1
except TypeError as e:
    print("TypeError:", e)
