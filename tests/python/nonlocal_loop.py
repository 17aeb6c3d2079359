# nonlocal variables updated inside hot loops and inner loops.
def run():
    total = 0
    evens = 0
    def visit(n):
        nonlocal total, evens
        total += n
        if n % 2 == 0:
            evens += 1
    for i in range(2000):
        visit(i)
    return total, evens
print(run())
def fib_gen_like():
    a, b = 0, 1
    def nxt():
        nonlocal a, b
        a, b = b, a + b
        return a
    return nxt
nxt = fib_gen_like()
vals = []
for _ in range(100):
    vals.append(nxt())
print(vals[:10], vals[-1])
def grid_walk():
    x = y = 0
    def move(dx, dy):
        nonlocal x, y
        x += dx
        y += dy
    for step in range(500):
        move(step % 3 - 1, (step // 3) % 3 - 1)
        while x > 5:
            move(-3, 0)
    return x, y
print(grid_walk())
