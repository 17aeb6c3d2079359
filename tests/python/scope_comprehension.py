# Comprehensions have their own scope: loop variables do not leak, outer names are visible.
x = "outer"
squares = [x for x in range(5)]
print(x, squares)
n = 3
print([n * i for i in range(4)], {i: n for i in range(2)}, sum(n for _ in range(5)))
def f():
    k = 10
    return [k + j for j in range(3)], [lambda: j for j in range(3)][0]()
print(f())
i = "before"
for i in range(3):
    pass
print(i)
pairs = [(a, b) for a in range(3) for b in range(a)]
print(pairs)
try:
    print(b)
except NameError as e:
    print("NameError:", e)
