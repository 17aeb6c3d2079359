# SyntaxError: no binding for nonlocal found in an enclosing function.
def f():
    def g():
        nonlocal missing
        missing = 1
    return g
