# Nested loops: break leaves only the inner loop; flags and else for leaving both.
pairs = []
for i in range(5):
    for j in range(5):
        if j > i:
            break
        pairs.append((i, j))
print(len(pairs), pairs[-3:])
target = 42
found = None
for a in range(1, 20):
    for b in range(a, 20):
        if a * b == target:
            found = (a, b)
            break
    else:
        continue
    break
print(found)
total = 0
i = 0
while i < 30:
    j = 0
    while j < 30:
        if (i + j) % 7 == 0:
            j += 1
            continue
        total += i * j
        j += 1
    i += 1
print(total)
