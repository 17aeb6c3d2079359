# String basics: concatenation, repetition, membership, indexing, length, comparison.
s = "hello"
t = 'world'
print(s + " " + t, s * 3, 3 * "ab", "" * 5, s * 0, s * -2)
print(len(s), len(""), s[0], s[-1], s[4], s[-5], "ell" in s, "xyz" not in s, "" in s)
print(s == "hello", s != t, s < t, "a" < "b" < "c", "abc" < "abd", "ab" < "abc", "Z" < "a")
print("apple" > "Apple", "" < "a", "10" < "9", max("hello"), min("hello"))
u = s
u += "!"
print(u, s, "con" "cat" "enated", 'mixed "quotes"', "it's")
print("""triple
quoted""", '''single
triple''')
word = ""
for ch in "abcdef":
    word = ch + word
print(word, str(123) + str(4.5) + str(None) + str(True))
print("a,b" * 2 + "|", ("x" * 3).upper(), s.count("l"), "%s!" % s)
