# List slicing with steps, negative indices and out-of-range bounds; slices are copies.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-3], a[::2], a[1::3], a[::-1], a[8:2:-2], a[-1:-5:-1])
print(a[100:], a[:100], a[-100:2], a[5:1], a[::-100], a[3:3], a[9:0:-4])
b = a[:]
b[0] = 99
print(a[0], b[0], a[1:4] == [1, 2, 3], a[::-1][::-1] == a)
t = (0, 1, 2, 3, 4, 5)
print(t[1:4], t[::-2], t[4:1:-1], t[:0], type(t[1:2]))
r = range(20)
print(r[::3], r[5:1:-1], list(r[-3:]), r[2:5][1])
sl = slice(1, 8, 3)
print(a[sl], "abcdefghij"[sl], sl, sl.start, sl.stop, sl.step)
