# Chained comparisons evaluate each operand once and short-circuit.
def v(x, log):
    log.append(x)
    return x
log = []
print(v(1, log) < v(2, log) < v(3, log), log)
log = []
print(v(3, log) < v(2, log) < v(1, log), log)
log = []
print(v(1, log) == v(1, log) != v(2, log) is not None, log)
x = 5
print(1 < x < 10, 1 < x > 3, x == 5 == 5.0, 1 <= x <= 5 < 6, 0 < x < 5, x in [5] in [[5]])
print(1 < 2 > 1 < 2, "a" < "b" < "c" != "d", None is None is not False)
a, b, c = 1, 2, 3
print(a < b < c, a < c < b, not a < b < c, (a < b) < c, a < (b < c))
