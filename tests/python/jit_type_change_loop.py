# A hot loop whose variables change type part-way (int -> float -> bignum -> str), so
# guards specialised on the first type must fail and fall back correctly.
acc = 0
for i in range(3000):
    if i == 1000:
        acc = float(acc)
    elif i == 2000:
        acc = int(acc) * 2**64
    acc += i
print(acc, type(acc))
items = [1, 2.5, "s", (1,), [2], None, True, 2**70] * 200
kinds = {}
for x in items:
    name = type(x).__name__
    kinds[name] = kinds.get(name, 0) + 1
print(kinds)
def double(v):
    return v + v
out = []
for i in range(1200):
    v = i if i < 400 else (i * 0.5 if i < 800 else str(i))
    out.append(double(v))
print(out[398:402], out[798:802], out[-2:])
total = 0
values = list(range(500)) + [x / 4 for x in range(500)] + [True, False] * 250
for v in values:
    total += v
print(total)
