# Float arithmetic with floats and small ints inside hot loops (compiled
# code calls float arithmetic directly there), its errors included, and
# what must still go the general way: bools, big ints.
def mixed(n):
    acc, step, out = 0.0, 0.5, []
    for i in range(n):
        acc += step * i - i / 4
        acc -= 1.5 ** (i % 3)
        acc = acc % 1000.0 if acc > 0 else -((-acc) % 1000.0)
        q = (i + 0.25) // 2
        r = 7 % (i + 1.5)
        p = 2 ** (0.5 * (i % 4))
        out.append((round(acc, 6), q, round(r, 6), round(p, 6), -step, +step))
    return out


for row in mixed(40)[-5:]:
    print(row)


def divide_all(values, by):
    results = []
    for v in values:
        try:
            results.append(v / by)
        except ZeroDivisionError as e:
            results.append(str(e))
        try:
            results.append(v // by)
        except ZeroDivisionError as e:
            results.append(str(e))
        try:
            results.append(v % by)
        except ZeroDivisionError as e:
            results.append(str(e))
    return results


print(divide_all([1.5, -2.0, 3, 0.0] * 3, 0.0)[:12])
print(divide_all([1.5, -2.0, 3, 0.0] * 3, 0)[:12])
print(divide_all([1.5, -2.0, 7.25], 2)[:9])


def overflow(n):
    x, seen = 1.5, []
    for _ in range(n):
        try:
            x = x ** 2
        except OverflowError as e:
            seen.append(str(e))
            x = 1.5
    return x, seen[:2]


print(overflow(30))


def general(n):
    out = []
    for i in range(n):
        out.append((1.0 + True, 0.5 * False, 2.5 + 10 ** 30, 10 ** 20 / 2.0, "%.2f" % (i / 3)))
    return out[-1]


print(general(30))


def specials(n):
    inf, nan = float("inf"), float("nan")
    out = []
    for i in range(n):
        out.append((inf - inf != inf - inf, -0.0 * 1, 0.0 * -1, inf * 0 != inf * 0, -inf + i, 1e308 * 10))
    return out[-1]


print(specials(30))


def identity(n):
    same = 0
    for i in range(n):
        a = i + 0.5
        if a * 2 is a * 2:
            same += 1
    return same


print(identity(50))


def unsupported(n):
    msgs = []
    for i in range(n):
        try:
            i & 1.5
        except TypeError as e:
            msgs.append(str(e))
        try:
            x = 2.5
            x |= i
        except TypeError as e:
            msgs.append(str(e))
    return msgs[-2:]


print(unsupported(30))


def comparisons(n):
    x, hits, nan = 0.0, 0, float("nan")
    while x < n:
        x += 0.5
        if x >= 3 and x != 7.5 and 2 <= x and not (x == 10) and x > 1.25:
            hits += 1
        if nan < x or nan == nan or x > nan:
            hits -= 1000
    big = 2 ** 53 + 1
    return x, hits, [big == float(big), big > float(big), 0.0 == -0.0, 1 == 1.0, x == n]


print(comparisons(1000))
