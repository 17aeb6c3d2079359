# Hot loops left through different exits: break at varying iterations, return from inside,
# exceptions, and loop else, each taken after the loop has run many times.
def first_multiple(xs, m):
    for i, x in enumerate(xs):
        if x % m == 0:
            return i
    return -1
data = list(range(1, 3000))
print([first_multiple(data, m) for m in (1, 7, 500, 2999, 5000)])
def scan(limit):
    i = 0
    while True:
        i += 1
        if i * i > limit:
            break
    else:
        return "never"
    return i
print([scan(n) for n in (0, 10, 1000, 10**6)])
def until_error(xs):
    total = 0
    for x in xs:
        total += 100 // x
    return total
try:
    until_error(list(range(100, 0, -1)) + [0, 5])
except ZeroDivisionError as e:
    print("stopped:", e)
count = 0
for outer in range(40):
    for inner in range(outer, 100):
        if inner * outer > 500:
            break
        count += 1
    else:
        count += 1000
print(count)
