# Argument unpacking at call sites: *iterable and **mapping, several of each, mixed with literals.
def show(a, b, c=0, *rest, **kw):
    return [a, b, c, rest, kw]
args = [1, 2]
more = (3, 4, 5)
kw = {"x": 1}
kw2 = {"y": 2}
print(show(*args), show(*args, *more), show(*more, **kw), show(0, *args, **kw, **kw2))
print(show(*range(2), c=9), show(*"ab"), show(*{"k1": 1, "k2": 2}), show(**{"a": 1, "b": 2, "c": 3}))
print(show(*[1], 2, *[3, 4], z=0, **{"w": 1}))
def pair(a, b):
    return a * 10 + b
points = [(1, 2), (3, 4), (5, 6)]
print([pair(*p) for p in points], [pair(**{"a": p[0], "b": p[1]}) for p in points])
print(*[1, 2, 3], sep="+")
print(*"abc", *[1, 2], sep=",")
try:
    show(*args, **{"a": 5})
except TypeError as e:
    print("TypeError:", e)
try:
    show(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    show(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    show(**[1])
except TypeError as e:
    print("TypeError:", e)
