# SyntaxError: 'return' outside function (found by the compiler, so nothing runs).
print("never printed")
return 5
