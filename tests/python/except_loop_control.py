# break and continue in try/except/finally inside loops, and exceptions in hot loops.
found = []
for i in range(20):
    try:
        if i % 5 == 0:
            raise ValueError(i)
        if i == 17:
            break
        if i % 2:
            continue
        found.append(i)
    except ValueError as e:
        found.append(-e.args[0])
        continue
    finally:
        found.append("f")
print(found)
errors = 0
total = 0
for i in range(3000):
    try:
        total += 1000 // (i % 10)
    except ZeroDivisionError:
        errors += 1
print(errors, total)
n = 0
while True:
    try:
        n += 1
        if n > 5:
            raise StopIteration
    except StopIteration:
        break
print(n)
