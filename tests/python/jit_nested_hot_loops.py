# Nested hot loops where both the inner and the outer loop get hot, with varying inner trip counts.
total = 0
for i in range(200):
    j = 0
    while j < i % 17:
        total += i * j
        j += 1
print(total)
grid = [[(r * c) % 10 for c in range(60)] for r in range(60)]
row_max = []
for row in grid:
    best = -1
    for v in row:
        if v > best:
            best = v
    row_max.append(best)
print(row_max[:12], sum(row_max))
tri = 0
for a in range(1, 60):
    for b in range(a, 60):
        c2 = a * a + b * b
        c = int(c2 ** 0.5)
        if c * c == c2 and c < 60:
            tri += 1
print(tri)
