# Dict comprehensions: filters, nested loops, inversion, and later keys winning.
sq = {x: x * x for x in range(8)}
print(sq)
even = {k: v for k, v in sq.items() if k % 2 == 0}
print(even)
inv = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inv)
pairs = {(i, j): i * j for i in range(3) for j in range(3) if i <= j}
print(pairs)
words = ["apple", "bob", "cat", "apple", "dog", "cat", "cat"]
counts = {w: words.count(w) for w in words}
print(counts)
lengths = {w: len(w) for w in sorted(set(words))}
print(lengths)
print({str(i): [j for j in range(i)] for i in range(4)})
