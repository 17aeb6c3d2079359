# Unpacking inside list, tuple, set and dict displays.
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, 0, *b), [*"hi", *range(3)], (*a,), [*[], *()])
print(sorted({*a, *b, 1}), {**{"x": 1}, "y": 2, **{"x": 3}}, sorted({*range(3)}))
print([*(x * x for x in range(4))], [0, *a, *a, 9])
d = {"one": 1}
print({**d, **{"two": 2}}, {"a": 0, **d, "a": 5})
print(*[*a, *b])
