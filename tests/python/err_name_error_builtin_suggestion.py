# NameError where the closest name is a builtin (suggestions also search builtins).
values = [3, 1, 2]
print(sorted(values))
print(sortd(values))
