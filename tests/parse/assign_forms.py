x = 1
x = y = z = 0
a, b = b, a
[a, b] = c
(a, b), c = d
a, = b
*a, b = c
a, *b, c = d
x.y = 1
x[0] = 1
x[1:2] = []
f().attr = 2
(x) = 3
x += 1; x -= 1; x *= 2; x /= 2; x //= 2; x %= 3; x **= 2; x @= m
x &= 1; x |= 2; x ^= 3; x <<= 1; x >>= 1
x.y += 1
x[0] **= 2
v: int
v: int = 5
(v): int = 6
o.attr: str = "s"
o[0]: list = []
x = yield_ = 1
t = 1,
t = 1, 2,
u = *a, *b
