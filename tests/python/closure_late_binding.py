# Closures capture variables, not values: the classic late-binding loop and its fixes.
fns = []
for i in range(3):
    fns.append(lambda: i)
print([f() for f in fns])
i = 42
print([f() for f in fns])
comp = [lambda: j for j in range(3)]
print([f() for f in comp])
def make_fns():
    out = []
    for k in range(3):
        def f(k=k):
            return k
        out.append(f)
    return out
print([f() for f in make_fns()])
def make_fns2():
    out = []
    for k in range(3):
        def maker(v):
            return lambda: v
        out.append(maker(k))
    return out
print([f() for f in make_fns2()])
def changes():
    v = 1
    get = lambda: v
    v = 2
    return get()
print(changes())
