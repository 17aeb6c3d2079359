# Slice assignment and deletion: growing, shrinking, extended slices and their size errors.
a = list(range(10))
a[2:5] = ["a", "b"]
print(a)
a[1:1] = [100, 200, 300]
print(a)
a[-2:] = []
print(a)
a[:0] = "xy"
print(a)
a[::2] = [0] * len(a[::2])
print(a)
a[len(a):] = [7, 8]
print(a)
b = list(range(8))
b[1::3] = ["p", "q", "r"]
print(b)
b[::-2] = [-1, -2, -3, -4]
print(b)
c = list(range(10))
del c[::3]
print(c)
del c[1:3]
print(c)
del c[-1]
print(c)
del c[:]
print(c)
d = [1, 2, 3]
d[:] = range(5)
print(d)
d[1:3] = (x * 10 for x in range(4))
print(d)
d[5:2] = ["in"]
print(d)
try:
    d[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    d[0:2] = 5
except TypeError as e:
    print("TypeError:", e)
