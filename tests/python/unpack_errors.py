# Unpacking errors: too many values, not enough values, non-iterables.
tests = [
    "a, b = 1, 2, 3",
    "a, b, c = [1, 2]",
    "a, b = 5",
    "a, *b, c = [1]",
    "(a, b), c = [1, 2, 9], 3",
    "a, b = 'xyz'",
    "a, b = {}",
]
def t1():
    a, b = 1, 2, 3
def t2():
    a, b, c = [1, 2]
def t3():
    a, b = 5
def t4():
    a, *b, c = [1]
def t5():
    (a, b), c = [1, 2, 9], 3
def t6():
    a, b = "xyz"
def t7():
    a, b = {}
for src, fn in zip(tests, (t1, t2, t3, t4, t5, t6, t7)):
    try:
        fn()
        print(src, "-> ok")
    except (ValueError, TypeError) as e:
        print(src, "->", type(e).__name__ + ":", e)
