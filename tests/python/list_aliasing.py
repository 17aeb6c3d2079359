# Aliasing: shared references, [[0]] * n, copies, and mutation through aliases.
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print(grid)
a = [1, 2, 3]
b = a
c = a[:]
d = list(a)
a.append(4)
print(a, b, c, d, a is b, a is c, a == b)
def mutate(lst):
    lst.append("added")
    lst = ["rebound"]
    return lst
x = [0]
y = mutate(x)
print(x, y)
outer = [[1], [2]]
shallow = outer.copy()
shallow[0].append(10)
shallow[1] = [20]
print(outer, shallow)
t = ([1], [2])
t[0].append(3)
print(t)
