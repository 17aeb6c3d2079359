# Tuples: literals (including the one-element form), indexing, concatenation, methods, immutability.
t = (1, "two", 3.0, None)
print(t, (), (1,), (1), tuple(), tuple([1, 2]), tuple("ab"), len(t), t[1], t[-1])
print(t + (5,), (0,) * 3, 2 in t, t.index("two"), (1, 2, 1, 1).count(1), t[1:3])
single = 5,
print(single, type(single), type((5)), 1, 2 == (1, 2))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested, len(nested))
x = (1, [2, 3])
x[1].append(4)
print(x)
try:
    t[0] = 0
except TypeError as e:
    print("TypeError:", e)
try:
    t.append(1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    (1, 2).index(3)
except ValueError as e:
    print("ValueError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
print(sum((1, 2, 3)), max((4, 9, 2)), sorted((3, 1, 2)), tuple(reversed((1, 2, 3))))
