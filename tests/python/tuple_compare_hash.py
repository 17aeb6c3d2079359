# Tuples compare lexicographically and are hashable (usable as dict keys and set members).
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 100), (1, "a") < (1, "b"), () == ())
print((1, 2) == (1.0, 2.0), hash((1, 2)) == hash((1.0, 2.0)), (0, 0) < (0, 0.5))
grid = {}
for r in range(3):
    for c in range(3):
        grid[(r, c)] = r * 3 + c
print(grid[(1, 2)], grid[2, 0], (1, 1) in grid, (5, 5) in grid, len(grid))
pts = {(0, 0), (1, 2), (0, 0), (1, 2)}
print(len(pts), sorted(pts))
print(hash(()) == hash(()), hash((1, (2, 3))) == hash((1, (2, 3))))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
try:
    {([1], 2): 0}
except TypeError as e:
    print("TypeError:", e)
