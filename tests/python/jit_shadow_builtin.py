# A module-level name shadows a builtin in the middle of a hot loop, then is deleted again.
def measure(x):
    return len(x)
total = 0
for i in range(3000):
    if i == 1000:
        len = lambda x: 100
    if i == 2000:
        del len
    total += measure("abc")
print(total)
def absolute_sum(xs):
    s = 0
    for x in xs:
        s += abs(x)
    return s
print(absolute_sum(range(-500, 500)))
abs = lambda x: 1
print(absolute_sum(range(-500, 500)))
del abs
print(absolute_sum(range(-5, 5)))
