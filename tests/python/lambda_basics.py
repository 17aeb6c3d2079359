# lambda: expressions, defaults, closures, immediate calls, and use as sort keys.
sq = lambda x: x * x
print(sq(7), (lambda: "no args")(), (lambda a, b=10: a + b)(1), (lambda *a, **k: (a, k))(1, z=2))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), list(filter(lambda n: n % 3 == 0, range(20))))
adders = [lambda x, n=n: x + n for n in range(4)]
print([f(10) for f in adders])
late = [lambda x: x + n for n in range(4)]
print([f(10) for f in late])
make_mul = lambda k: lambda x: x * k
triple = make_mul(3)
print(triple(14), make_mul("ab")(3), (lambda x: (lambda y: x - y))(10)(4))
cond = lambda n: "even" if n % 2 == 0 else "odd"
print([cond(i) for i in range(5)])
acc = 0
f = lambda v: v * 2 + 1
for i in range(2000):
    acc += f(i)
print(acc)
