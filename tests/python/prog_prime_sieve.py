# Sieve of Eratosthenes up to 20000, with statistics: counts, gaps, twin primes, digit sums.
LIMIT = 20000
is_prime = [True] * (LIMIT + 1)
is_prime[0] = is_prime[1] = False
p = 2
while p * p <= LIMIT:
    if is_prime[p]:
        for multiple in range(p * p, LIMIT + 1, p):
            is_prime[multiple] = False
    p += 1
primes = [i for i in range(LIMIT + 1) if is_prime[i]]
print(len(primes), primes[:15], primes[-5:])
for bound in (10, 100, 1000, 10000, 20000):
    print(bound, sum(1 for q in primes if q <= bound))
gaps = {}
max_gap = (0, 0)
for a, b in zip(primes, primes[1:]):
    g = b - a
    gaps[g] = gaps.get(g, 0) + 1
    if g > max_gap[0]:
        max_gap = (g, a)
print(sorted(gaps.items())[:8], max_gap)
twins = [(a, b) for a, b in zip(primes, primes[1:]) if b - a == 2]
print(len(twins), twins[:5], twins[-1])
digit_sum_primes = [q for q in primes if is_prime[sum(int(d) for d in str(q))]]
print(len(digit_sum_primes), digit_sum_primes[-3:])
print(sum(primes), sum(primes) % 1000007)
