# Functions as values: stored in containers, passed, returned, compared by identity.
def add(a, b):
    return a + b
def sub(a, b):
    return a - b
def mul(a, b):
    return a * b
ops = {"+": add, "-": sub, "*": mul}
print([ops[o](7, 3) for o in "+-*"], ops["+"] is add, add is not sub, add == add)
def compose(f, g):
    def h(x):
        return f(g(x))
    return h
inc = lambda x: x + 1
double = lambda x: x * 2
print(compose(inc, double)(5), compose(double, inc)(5), compose(str, abs)(-3))
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(double, 10, 1), apply_n(inc, 1000, 0), apply_n(lambda s: s + "!", 3, "hi"))
pipeline = [abs, str, len]
v = -12345
for fn in pipeline:
    v = fn(v)
print(v, sorted([3, -4, 1], key=abs), list(map(ops["*"], [1, 2, 3], [4, 5, 6])))
print(type(add), type(len), type(lambda: 0))
print(add.__name__, (lambda: 0).__name__, len.__name__)
