# Three levels of nested closures reading and writing enclosing variables.
def level1():
    x = "L1"
    log = []
    def level2():
        y = "L2"
        def level3():
            nonlocal x, y
            x = x + "*"
            y = y + "+"
            log.append(x + y)
            return x, y
        return level3
    f = level2()
    f()
    f()
    return x, log, f
x, log, f = level1()
print(x, log, f(), f())
def outer(n):
    def middle(m):
        def inner(k):
            return n * 100 + m * 10 + k
        return inner
    return middle
print(outer(1)(2)(3), outer(9)(0)(9), [outer(a)(b)(0) for a in range(2) for b in range(2)])
def shadow():
    v = "outer"
    def inner():
        v = "inner"
        return v
    return inner(), v
print(shadow())
