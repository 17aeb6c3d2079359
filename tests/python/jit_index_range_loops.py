# Indexing lists and tuples with small ints and stepping range iterators
# in hot loops (compiled code does both inline), with the cases that
# must still take the general way: negative and out-of-range indexes,
# bools and big ints as indexes, ranges past 63 bits, lists that change.
def index_lists(n):
    xs = list(range(10))
    t = tuple(range(10))
    total, errors = 0, []
    for i in range(n):
        k = i % 13 - 11  # -11 .. 1
        try:
            total += xs[k]
        except IndexError as e:
            errors.append(str(e))
        try:
            total += t[k]
        except IndexError as e:
            errors.append(str(e))
        try:
            xs[k] = i
        except IndexError as e:
            errors.append(str(e))
        total += xs[True] + t[False] + xs[-1] + t[-10]
    return total, xs, errors[:3], len(errors)


print(index_lists(200))


def big_ranges():
    out = []
    for start, stop, step in ((2**62 - 3, 2**62 + 3, 1), (-2**62 + 2, -2**62 - 3, -1), (2**63 - 5, 2**63 + 5, 3),
                              (10, -10, -7), (0, 0, 1), (5, 1, 1)):
        acc = []
        for x in range(start, stop, step):
            acc.append(x)
        out.append(acc)
    return out


for r in big_ranges():
    print(r)


def growing(n):
    xs = [0]
    for i in range(n):
        xs.append(xs[-1] + xs[len(xs) // 2] + i)
        if i % 7 == 0:
            del xs[0]
    return len(xs), xs[-3:], sum(xs)


print(growing(300))


def nested(n):
    grid = [[i * j for j in range(8)] for i in range(8)]
    s = 0
    for k in range(n):
        row = grid[k % 8]
        s += row[(k * 3) % 8] - row[-1]
        grid[k % 8][k % 5] = k
    return s, grid[3]


print(nested(500))


def shared_iterator(n):
    it = iter(range(n))
    pairs = []
    for a in it:
        for b in it:
            pairs.append((a, b))
            break
    return pairs[-3:], len(pairs)


print(shared_iterator(101))


def lengths(n):
    xs, t, s, total = [], (1, 2, 3), "héllo wörld", 0
    i = 0
    while i < n:
        xs.append(i)
        total += len(xs) + len(t) + len(s) + len({i: i}) + len(range(i)) + len(b"ab") + len("")
        if len(xs) > 7:
            del xs[:3]
        i += 1
    return total, len(xs)


print(lengths(300))


def shadowed(n):
    def len(x):
        return -1
    return sum(len(range(i)) for i in range(n))


print(shadowed(50))
