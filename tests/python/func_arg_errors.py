# TypeError messages for wrong argument counts and names (CPython 3.11 wording).
def none():
    pass
def one(a):
    pass
def two(a, b):
    pass
def opt(a, b=1, c=2):
    pass
def kwo(a, *, k, m):
    pass
def outer():
    def inner(x):
        pass
    return inner
calls = [
    lambda: none(1),
    lambda: one(),
    lambda: one(1, 2),
    lambda: two(1),
    lambda: two(),
    lambda: two(1, 2, 3),
    lambda: opt(),
    lambda: opt(1, 2, 3, 4),
    lambda: one(b=1),
    lambda: one(1, a=2),
    lambda: kwo(1),
    lambda: kwo(1, k=1),
    lambda: kwo(1, 2, k=1, m=2),
    lambda: outer()(),
    lambda: (lambda x, y: 0)(1),
    lambda: two(1, 2, b=3),
    lambda: len(),
    lambda: len(1, 2),
    lambda: abs(),
    lambda: "x".join(),
    lambda: divmod(1),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
