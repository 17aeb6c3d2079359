# SyntaxError: invalid syntax (two expressions side by side).
print("fine")
x = 1 +* 2
print(x)
