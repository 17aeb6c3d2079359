# Keyword-only arguments after * or *args, with and without defaults.
def f(a, *, key, flag=False):
    return a, key, flag
print(f(1, key=2), f(1, key=2, flag=True), f(a=0, flag=1, key=3))
def g(*items, sep=", ", end=""):
    return sep.join(items) + end
print(g("a", "b"), g("a", "b", sep="-"), g(end="!"), g("x", end="."))
def h(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(h(1, c=3), h(1, 5, 6, 7, c=8, e=9), h(c=0, a=1, d=2, z=3))
for call in (lambda: f(1, 2), lambda: f(1), lambda: h(1), lambda: f(1, key=1, other=2)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
