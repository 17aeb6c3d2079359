[x for x in y]
[x for x in y if x]
[x for x in y if x if z]
[x for x in y for z in w]
[x for x in y if a for z in w if b]
[(x, y) for x, y in z]
[x for (x, y) in z]
[x for x, in y]
[x for *a, b in c]
{x for x in y}
{k: v for k, v in d}
{k: v for k in a for v in b if k}
(x for x in y)
(x for x in y if x)
[x async for x in y]
[x for x in y async for z in w]
[[x for x in y] for y in z]
[x for x in (lambda: y)()]
[x for x in y if (z := x)]
[x for x in a if b or c]
[x for x in a if not b]
[x if x else y for x in z]
[lambda: x for x in y]
sum(x for x in y)
f(x for x in y)
f((x for x in y), z)
