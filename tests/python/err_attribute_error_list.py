# AttributeError on a builtin type with 3.11's "Did you mean" suggestion.
items = [1, 2, 3]
items.append(4)
print(items)
items.apend(5)
