# Hot for-range loops with negative steps, big bounds and nested ranges.
total = 0
for i in range(10000):
    total += i
print(total)
down = 0
for i in range(5000, 0, -7):
    down += i
print(down)
big = 0
for i in range(2**63 - 5, 2**63 + 5):
    big += i - 2**63
print(big)
count = 0
for i in range(60):
    for j in range(i, 60, 3):
        count += (i ^ j) & 1
print(count)
acc = []
for i in range(-10, 10, 4):
    acc.append(i)
print(acc)
