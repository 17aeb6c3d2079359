# A traceback through a lambda used as sorted's key function.
words = ["apple", "fig", "kiwi"]
print(sorted(words, key=lambda w: len(w)))
print(sorted(words, key=lambda w: w[3]))
