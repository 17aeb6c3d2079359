# List basics: literals, indexing, len, concatenation, repetition, membership, identity of copies.
a = [1, 2, 3]
b = ["x", 2.5, None, [4, 5]]
print(a, b, len(a), len(b), len([]), a[0], a[-1], b[3][1], b[-1][-2])
print(a + b, a * 2, [0] * 5, [] * 3, 2 * [None], a + [], [[]] * 2)
print(3 in a, 4 in a, [4, 5] in b, "x" not in b, a == [1, 2, 3], a != [1, 2], a is not a[:])
a[1] = 20
a[-1] += 100
print(a, list(), list("abc"), list(range(4)), list((1, 2)), list({"k": 1}))
c = a
c.append(4)
print(a, c is a, a[:] is a, a[:] == a)
nested = [[i * j for j in range(4)] for i in range(3)]
print(nested, nested[2][3], len(nested[0]))
m = [1, 2, 3]
m += [4]
m *= 2
print(m, len(m))
