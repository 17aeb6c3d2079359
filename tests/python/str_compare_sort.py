# String ordering is by code point: sorting words, case, digits and non-ASCII.
words = ["banana", "Apple", "cherry", "apple", "Banana", "123", "_x", "éclair", "zebra", "Zebra", ""]
print(sorted(words))
print(sorted(words, reverse=True))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w)))
print(min(words), max(words), "a" * 3 < "a" * 4, "b" > "a" * 100)
print("abc" == "abc", "ABC".lower() == "abc", [w for w in words if w < "a"])
