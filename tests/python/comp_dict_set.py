# Dict and set comprehensions side by side, with filters and nested iteration.
text = "the cat and the hat sat on the mat"
words = text.split()
freq = {w: words.count(w) for w in words}
print(freq)
print(sorted({w for w in words if len(w) == 3}), sorted({len(w) for w in words}))
index = {w: i for i, w in enumerate(words)}
print(index)
print({k: v for k, v in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))})
print(sorted({i % 4 for i in range(100)}), {(i, i % 2) for i in range(4)} == {(0, 0), (1, 1), (2, 0), (3, 1)})
grid = {(r, c): r * c for r in range(3) for c in range(3)}
print({k: v for k, v in grid.items() if v})
