# slice objects: repr, attributes, indices(), and use for indexing and assignment.
s = slice(2, 8, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1), slice(1, None))
print(s.indices(10), s.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
data = list(range(12))
print(data[s], data[slice(None, None, -3)], "abcdefgh"[slice(1, -1)], (1, 2, 3, 4)[slice(1, 3)])
data[slice(0, 3)] = ["a"]
print(data)
del data[slice(None, None, 2)]
print(data)
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
try:
    slice(0, 10, 0).indices(5)
except ValueError as e:
    print("ValueError:", e)
