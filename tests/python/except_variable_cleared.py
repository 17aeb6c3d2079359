# The name bound by "except ... as e" is deleted when the handler ends.
e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    print("inside:", e)
try:
    print(e)
except NameError as err:
    print("NameError:", err)
def f():
    try:
        1 / 0
    except ZeroDivisionError as exc:
        saved = exc
    return saved
print(repr(f()))
def g():
    try:
        raise KeyError(1)
    except KeyError as exc:
        pass
    return exc
try:
    g()
except UnboundLocalError as err:
    print("UnboundLocalError:", err)
