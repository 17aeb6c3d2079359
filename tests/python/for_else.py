# for loops with else, break and continue; loops over empty sequences.
for i in range(3):
    pass
else:
    print("for finished, i =", i)
for x in []:
    print("never")
else:
    print("empty loop else")
primes = []
for n in range(2, 60):
    for p in primes:
        if n % p == 0:
            break
    else:
        primes.append(n)
print(primes)
for w in ["apple", "banana", "cherry"]:
    if w.startswith("b"):
        print("found", w)
        break
else:
    print("no b-word")
skipped = []
for i in range(10):
    if i % 3 == 0:
        skipped.append(i)
        continue
    if i == 8:
        break
print(skipped, i)
