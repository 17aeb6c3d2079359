# Sequence comparison is lexicographic; equality is element-wise; lists and tuples never compare equal.
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 99], [1, 2] == [1, 2])
print([1, [2, 3]] < [1, [2, 4]], [[1]] == [[1]], [1, 2] == (1, 2), (1, 2) < (1, 3), () < (0,))
print([1, 2.0] == [1.0, 2], ["a", "b"] < ["a", "c"], [3] >= [3], [3] <= [2, 9])
print(max([[1, 2], [1, 3], [0, 9]]), min([(2, "b"), (2, "a"), (3, "")]))
try:
    [1, "a"] < [1, 2]
except TypeError as e:
    print("TypeError:", e)
try:
    [1] < (1,)
except TypeError as e:
    print("TypeError:", e)
print([float("nan")] == [float("nan")], (1, 2) != (1, 2), [0] * 3 == [0, 0, 0])
