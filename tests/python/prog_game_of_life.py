# Conway's Game of Life on a 20x20 torus: a glider and a blinker, run for 40 generations.
W = H = 20
def step(grid):
    new = [[0] * W for _ in range(H)]
    for r in range(H):
        for c in range(W):
            n = 0
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if dr or dc:
                        n += grid[(r + dr) % H][(c + dc) % W]
            new[r][c] = 1 if n == 3 or (n == 2 and grid[r][c]) else 0
    return new
def show(grid):
    return "\n".join("".join("#" if v else "." for v in row) for row in grid)
grid = [[0] * W for _ in range(H)]
for r, c in ((0, 1), (1, 2), (2, 0), (2, 1), (2, 2)):
    grid[r][c] = 1
for c in (10, 11, 12):
    grid[15][c] = 1
populations = []
for gen in range(40):
    populations.append(sum(map(sum, grid)))
    grid = step(grid)
print(populations)
print(show(grid))
