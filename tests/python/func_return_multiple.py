# Returning tuples, early returns, and functions without return.
def minmax(xs):
    lo = hi = xs[0]
    for x in xs[1:]:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return lo, hi
lo, hi = minmax([3, -1, 4, 1, 5, -9, 2])
print(lo, hi, minmax([7]), type(minmax([1, 2])))
def find(xs, target):
    for i, x in enumerate(xs):
        if x == target:
            return i
    return -1
print(find("hello", "l"), find("hello", "z"), find([], 1))
def side_effect(log):
    log.append("ran")
result = side_effect([])
print(result)
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    return "large"
print([classify(n) for n in (-5, 0, 3, 10, 2**70)])
def stats(xs):
    n = len(xs)
    mean = sum(xs) / n
    var = sum((x - mean) ** 2 for x in xs) / n
    return n, mean, var
print(stats([2, 4, 4, 4, 5, 5, 7, 9]))
