f()
f(a)
f(a, b)
f(a,)
f(a=1)
f(a, b=1)
f(*a)
f(**k)
f(*a, *b)
f(**a, **b)
f(a, *b, c, d=1, *e, f=2, **g)
f(a=1, *b)
f(*a, b=1, **c, d=2)
f(x := 1)
f(a, x := 1)
f(a)(b)(c)
f().g()
a[0]
a[-1]
a[i, j]
a[i, j,]
a[i,]
a[1:2]
a[:2]
a[1:]
a[:]
a[::]
a[::2]
a[1:2:3]
a[:, 1]
a[1:2, ::3]
a[...]
a[..., 0]
a[*b]
a[*b, c]
a[b, *c]
a[x := 1]
a[lambda: 1]
a[b if c else d]
a[(1, 2)]
a[()]
a.b[c].d(e)
print(*args, sep='', end='\n', file=f)
