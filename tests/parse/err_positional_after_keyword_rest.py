f(a=1, b1, b)
