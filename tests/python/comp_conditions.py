# Comprehensions with several if clauses, conditional expressions and chained comparisons.
print([x for x in range(50) if x % 2 if x % 3 if 10 < x < 40])
print([("fizz" if i % 3 == 0 else "") + ("buzz" if i % 5 == 0 else "") or str(i) for i in range(1, 21)])
data = [5, -3, 0, 12, -8, 7, 0, 2]
print([x for x in data if x > 0], [abs(x) for x in data if x], [x or "zero" for x in data])
print([c for c in "Hello, World!" if c.isalpha() and c.islower()])
print([[c for c in w if c not in "aeiou"] for w in ["banana", "kiwi"]])
