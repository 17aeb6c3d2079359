# StopIteration from next() on exhausted iterators, and next() with a default.
it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.args)
d = iter({"a": 1})
print(next(d), next(d, "end"))
r = iter(range(3))
print(list(r), list(r), next(r, "empty"))
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
z = zip([1, 2], "ab")
print(next(z), next(z), next(z, "zip done"))
m = map(str, [7])
print(next(m), next(m, "map done"))
