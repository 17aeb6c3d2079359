# Default argument values, keyword arguments, and mixing positional and keyword calls.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ada"), greet("Ada", "Hi"), greet("Ada", punct="?"), greet(punct=".", name="Bo"))
print(greet("Cy", "Yo", "~"), greet(greeting="Hey", name="Di"))
def power(base, exp=2):
    return base ** exp
print(power(3), power(3, 3), power(exp=0, base=9), power(2, exp=10))
def describe(a, b=None, c=[]):
    return (a, b, c)
print(describe(1), describe(1, 2), describe(1, c=(3,)))
def window(seq, size=2, step=1):
    out = []
    i = 0
    while i + size <= len(seq):
        out.append(seq[i:i + size])
        i += step
    return out
print(window([1, 2, 3, 4, 5]), window("abcdef", 3), window(list(range(7)), size=3, step=2))
