# enumerate with start, zip with unequal lengths and several iterables, unzipping with zip(*).
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)), list(enumerate("x", start=-2)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip("a")), list(zip(range(3), range(10, 13), "xyz")))
pairs = [(1, "one"), (2, "two"), (3, "three")]
nums, names = zip(*pairs)
print(nums, names)
print(dict(zip("abc", range(3))), list(zip(*[[1, 2, 3], [4, 5, 6]])))
for i, (a, b) in enumerate(zip("pq", "rs"), start=10):
    print(i, a, b)
e = enumerate("hi")
print(next(e), next(e), next(e, "stop"))
total = 0
for i, v in enumerate(range(0, 3000, 3)):
    total += i * v
print(total)
