# Uncaught KeyError whose key is a tuple, raised from a helper.
def cell(grid, r, c):
    return grid[(r, c)]

grid = {(0, 0): "a", (0, 1): "b"}
print(cell(grid, 0, 1))
print(cell(grid, 5, 5))
