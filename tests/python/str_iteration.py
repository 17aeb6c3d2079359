# Iterating over strings: for, enumerate, reversed, sorted, list(), zip.
s = "Python3!"
for i, ch in enumerate(s):
    print(i, ch, ch.isalpha(), ch.isdigit())
print(list(s), tuple("ab"), sorted(s), list(reversed(s)), "".join(reversed(s)))
print(list(zip("abc", "xyz")), [c * 2 for c in "abc"], set("aaa"), dict.fromkeys("ab", 0))
vowels = 0
for ch in "the quick brown fox jumps over the lazy dog" * 30:
    if ch in "aeiou":
        vowels += 1
print(vowels)
it = iter("xy")
print(next(it), next(it), next(it, "done"))
