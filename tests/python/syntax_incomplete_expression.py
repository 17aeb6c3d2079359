# SyntaxError: invalid syntax from a stray keyword in an expression.
x = 1 if True else
