# One function called from a hot loop with arguments of changing types and arities.
def combine(a, b=0, *rest):
    r = a + b
    for x in rest:
        r = r + x
    return r
results = []
for i in range(1500):
    k = i % 5
    if k == 0:
        results.append(combine(i, 1))
    elif k == 1:
        results.append(combine(float(i), 0.5))
    elif k == 2:
        results.append(combine(str(i), "!"))
    elif k == 3:
        results.append(combine([i], [0], [1]))
    else:
        results.append(combine(i))
print(results[:10])
print(results[-5:])
print(sum(r for r in results if type(r) is int), len([r for r in results if isinstance(r, str)]))
ops = [len, str, abs, bool]
acc = []
for i in range(400):
    f = ops[i % 4]
    acc.append(f(-i) if f is not len else f(str(i)))
print(acc[:8], acc[-4:])
