# Three chained exceptions: a cause inside a context, printed oldest first.
def level1():
    return 1 / 0

def level2():
    try:
        level1()
    except ZeroDivisionError as e:
        raise ValueError("level2 failed") from e

def level3():
    try:
        level2()
    except ValueError:
        raise RuntimeError("level3 failed")

level3()
