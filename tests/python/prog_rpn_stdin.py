# An RPN calculator reading one expression per line from stdin, with error reporting per line.
def evaluate(line):
    stack = []
    for tok in line.split():
        if tok in ("+", "-", "*", "/", "//", "%", "**"):
            if len(stack) < 2:
                raise ValueError("stack underflow at " + repr(tok))
            b = stack.pop()
            a = stack.pop()
            if tok == "+":
                stack.append(a + b)
            elif tok == "-":
                stack.append(a - b)
            elif tok == "*":
                stack.append(a * b)
            elif tok == "/":
                stack.append(a / b)
            elif tok == "//":
                stack.append(a // b)
            elif tok == "%":
                stack.append(a % b)
            else:
                stack.append(a ** b)
        elif tok == "dup":
            stack.append(stack[-1])
        elif tok == "swap":
            stack[-1], stack[-2] = stack[-2], stack[-1]
        else:
            try:
                stack.append(int(tok))
            except ValueError:
                stack.append(float(tok))
    if len(stack) != 1:
        raise ValueError("expected one result, stack is " + str(stack))
    return stack[0]

lineno = 0
while True:
    try:
        line = input()
    except EOFError:
        break
    lineno += 1
    if not line.strip() or line.lstrip().startswith("#"):
        continue
    try:
        print("%d: %s = %r" % (lineno, line.strip(), evaluate(line)))
    except (ValueError, ZeroDivisionError, IndexError, OverflowError) as e:
        print("%d: error: %s: %s" % (lineno, type(e).__name__, e))
print("done after", lineno, "lines")
