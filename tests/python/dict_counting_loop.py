# Hot dict loops: counting, grouping and memoization keyed by ints and strings.
counts = {}
for i in range(3000):
    k = (i * i) % 17
    counts[k] = counts.get(k, 0) + 1
print(sorted(counts.items()))
memo = {}
def collatz_len(n):
    steps = 0
    start = n
    path = []
    while n != 1 and n not in memo:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    base = memo.get(n, 0)
    for j, m in enumerate(path):
        memo[m] = base + steps - j
    return memo.get(start, 0)
best = max(range(1, 3000), key=collatz_len)
print(best, collatz_len(best), len(memo) > 3000)
letters = {}
for word in ("alpha beta gamma delta epsilon zeta eta theta iota kappa " * 30).split():
    letters[word[0]] = letters.get(word[0], 0) + len(word)
print(letters)
