# Starred assignment targets: *rest at the start, middle and end; in for loops; with empty rest.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
a, *b, c = 1, 2
print(a, b, c)
*everything, = (7, 8)
print(everything)
for x, *ys in [(1, 2, 3), (4,), (5, 6)]:
    print(x, ys)
(p, *q), r = (1, 2, 3), 4
print(p, q, r)
first, *_, last = [10, 20, 30, 40, 50]
print(first, last, _)
