# SyntaxError: cannot assign to function call (with 3.11's hint about '==').
def f():
    return 1
f() = 5
