# Tuple and list unpacking: swaps, nested targets, for-loop targets, unpacking any iterable.
a, b = 1, 2
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, n] = [10, 20]
print(m, n)
i, (j, (k, l)) = 1, [2, (3, 4)]
print(i, j, k, l)
for key, (lo, hi) in {"a": (1, 2), "b": (3, 4)}.items():
    print(key, lo, hi)
for idx, (ch, num) in enumerate(zip("ab", [7, 8])):
    print(idx, ch, num)
first, second = range(2)
d1, d2 = {"k1": 0, "k2": 0}
print(first, second, d1, d2)
s1, = {9}
print(s1)
a = b = c = [0]
a.append(1)
print(a, b, c)
v1 = v2 = 5
v1 += 1
print(v1, v2)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 9
print(i, lst)
