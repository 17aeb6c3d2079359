# An uncaught exception thrown from deep inside a hot loop after many iterations.
def step(i, table):
    return table[i % 97] + i

def run():
    table = list(range(96))
    total = 0
    for i in range(5000):
        total += step(i, table)
        if i % 1000 == 0:
            print(i, total)
    return total

run()
