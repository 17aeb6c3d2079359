# Sorting lists in place and with sorted(): key, reverse, stability, mixed numeric types.
a = [5, 2, 9, 1, 5, 6, -3, 0]
print(sorted(a), sorted(a, reverse=True), a)
a.sort()
print(a, a.sort(reverse=True), a)
words = ["banana", "pie", "Apple", "fig", "cherry", "kiwi", "date", "elderberry"]
print(sorted(words), sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: w[-1]), sorted(words, key=str.lower))
records = [("alice", 30), ("bob", 25), ("carol", 30), ("dave", 25), ("eve", 35), ("frank", 30)]
by_age = sorted(records, key=lambda r: r[1])
print(by_age)
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(sorted(records), key=lambda r: -r[1]))
print(sorted([3, 1.5, 2, -0.5, 2**70, True]), sorted([[2, 1], [1, 2], [1], []]))
print(sorted((1, 3, 2)), sorted("hello"), sorted({3: "a", 1: "b"}), sorted([]))
pairs = [(i % 7, i) for i in range(50)]
pairs.sort(key=lambda p: p[0])
print(pairs[:10])
print(all(pairs[i][1] < pairs[i + 1][1] for i in range(len(pairs) - 1) if pairs[i][0] == pairs[i + 1][0]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
