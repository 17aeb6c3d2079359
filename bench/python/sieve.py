# Lists, indexing and nested loops: primes below two million, ten times.
def sieve(n):
    flags = [True] * n
    flags[0] = flags[1] = False
    i = 2
    while i * i < n:
        if flags[i]:
            for j in range(i * i, n, i):
                flags[j] = False
        i += 1
    return sum(1 for x in flags if x)


total = 0
for _ in range(10):
    total += sieve(2000000)
print(total)
