# frozenset: immutable and hashable; mixes with set in operations.
f = frozenset([3, 1, 2, 1])
print(f, len(f), 2 in f, frozenset(), frozenset("a"), type(f | {9}), type({9} | f))
print(f | {4}, f & {1, 5}, f - {1}, f == {1, 2, 3}, {1, 2, 3} == f, hash(f) == hash(frozenset({1, 2, 3})))
d = {f: "frozen", frozenset(): "empty"}
print(d[frozenset({1, 2, 3})], d[frozenset()])
s = {frozenset({1}), frozenset({1}), frozenset({2})}
print(len(s), sorted(sorted(x) for x in s))
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
try:
    {{1}}
except TypeError as e:
    print("TypeError:", e)
print(frozenset({1, 2}).issubset({1, 2, 3}), f.union([7]), f.copy() == f)
