# A global function rebound in the middle of a hot loop: every call after the rebinding
# must see the new function.
def f():
    return 1
def g():
    return 1000
total = 0
for i in range(3000):
    if i == 1500:
        f = g
    total += f()
print(total)
def make(k):
    return lambda: k
h = make(1)
s = 0
i = 0
while i < 2000:
    s += h()
    i += 1
    if i % 500 == 0:
        h = make(i)
print(s)
table = {"op": abs}
vals = []
for i in range(1000):
    if i == 600:
        table["op"] = lambda x: x * 2
    vals.append(table["op"](-i))
print(vals[598:603], sum(vals))
