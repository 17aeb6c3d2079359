# Bare raise re-raises the current exception; raise e keeps the same object.
def f():
    try:
        int("nope")
    except ValueError:
        print("logging and re-raising")
        raise
try:
    f()
except ValueError as e:
    print("outer:", e)
def g():
    try:
        raise KeyError("k")
    except KeyError as e:
        err = e
    raise err
try:
    g()
except KeyError as e:
    print("re-raised object:", repr(e))
saved = None
try:
    raise IndexError("first")
except IndexError as e:
    saved = e
try:
    raise saved
except IndexError as e:
    print(e is saved, e.args)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
