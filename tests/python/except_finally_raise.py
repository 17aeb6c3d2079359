# An exception raised in finally replaces the one in flight, which becomes its __context__.
def f():
    try:
        raise ValueError("original")
    finally:
        raise KeyError("from finally")
try:
    f()
except Exception as e:
    print(type(e).__name__, e, type(e.__context__).__name__, e.__context__)
def g():
    try:
        return "returned"
    finally:
        raise RuntimeError("finally wins over return")
try:
    g()
except RuntimeError as e:
    print("caught:", e, e.__context__)
def h():
    try:
        try:
            raise TypeError("t")
        except TypeError:
            raise ValueError("in handler")
        finally:
            print("inner finally sees exception in flight")
    except ValueError as e:
        return str(e) + " / context: " + str(e.__context__)
print(h())
