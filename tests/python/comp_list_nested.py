# List comprehensions: nested loops, nested comprehensions, conditions at several levels.
print([x * 2 for x in range(6)], [c.upper() for c in "abc"], [x for x in []])
print([(x, y) for x in range(3) for y in range(3) if x != y])
matrix = [[r * 4 + c for c in range(4)] for r in range(3)]
print(matrix)
print([[row[c] for row in matrix] for c in range(4)])
print([v for row in matrix for v in row if v % 3 == 0])
print([x if x % 2 else -x for x in range(8)], [[y for y in range(x)] for x in range(4)])
words = ["alpha", "beta", "gamma", "delta"]
print([w[0] + str(len(w)) for w in words if "a" in w[1:]], [len(w) for w in words])
pyth = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(pyth)
