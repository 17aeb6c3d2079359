# Closures over loop-updated cells called from hot loops; the captured cells are rebound each iteration.
def run():
    state = 0
    def read():
        return state
    total = 0
    for i in range(3000):
        state = i % 11
        total += read()
    return total
print(run())
def pipeline():
    factor = 1
    def scale(x):
        return x * factor
    out = []
    for i in range(1000):
        if i % 250 == 0:
            factor += 1
        out.append(scale(i))
    return out[:3], out[-3:], sum(out)
print(pipeline())
