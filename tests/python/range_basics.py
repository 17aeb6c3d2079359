# range: repr, len, indexing, slicing, membership, negative steps, equality and errors.
print(range(5), range(2, 8), range(10, 0, -2), list(range(0)), list(range(5, 0)), list(range(-3, 3)))
r = range(3, 30, 4)
print(len(r), r[0], r[-1], r[2], list(r), 7 in r, 8 in r, r.index(11), r.count(15))
print(r[1:4], r[::-1], r[::2], list(r[::-1]), len(range(10, -10, -3)), list(range(10, -10, -3)))
print(range(0) == range(5, 5), range(0, 6, 2) == range(0, 5, 2), range(3) == range(0, 3, 1))
print(len(range(2**62)), range(2**64)[-1], 2**63 in range(2**64), range(-5, 5)[-10], range(0, 2**70, 3)[10**15])
print(list(reversed(range(4))), sum(range(101)), max(range(7)), min(range(3, 9)))
for bad in (lambda: range(0, 10, 0), lambda: range(5)[5], lambda: range(1.5), lambda: range(3).index(7)):
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
