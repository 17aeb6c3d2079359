# Set comprehensions and deduplication.
print({x % 5 for x in range(20)})
print({x * x for x in range(-4, 5)})
print(sorted({w.lower() for w in ["A", "a", "B", "b", "c"]}))
print(sorted({(x, y) for x in range(3) for y in range(3) if x != y}))
seen = set()
unique = []
for item in [3, 1, 3, 2, 1, 5, 2, 8, 3]:
    if item not in seen:
        seen.add(item)
        unique.append(item)
print(unique, len(seen))
primes = set(range(2, 60))
for i in range(2, 8):
    primes -= {j for j in range(i * i, 60, i)}
print(primes)
