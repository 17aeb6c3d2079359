-2 ** 2
2 ** -1
2 ** 3 ** 2
-x ** -y
~x + -y * +z
a + b * c - d / e // f % g @ h
a << b >> c & d ^ e | f
a | b ^ c & d << e + f * g ** h
not a and b or c and not d
a or b or c
a and b and c
not not a
a < b <= c > d >= e == f != g
a in b not in c is d is not e
a if b else c if d else e
(a if b else c) if d else e
lambda: a if b else c
x = a if b else lambda: c
a ** b ** c ** d
(-1) ** 2
-(1) ** 2
await_ = 1
1 + 2 * 3 - 4 / 5
(1 + 2) * 3
a.b.c.d
a[b][c](d)(e)[f].g
a ** -b ** c
+ + + x
- - - 1
