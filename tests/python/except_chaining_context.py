# Implicit chaining: an exception raised while handling another keeps it as __context__.
def handler():
    try:
        {}["missing"]
    except KeyError:
        raise ValueError("while handling")
try:
    handler()
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
def deep():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise IndexError("second")
    except IndexError:
        raise TypeError("third")
try:
    deep()
except TypeError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(type(cur).__name__)
        cur = cur.__context__
    print(chain)
try:
    raise ValueError("no context")
except ValueError as e:
    print(e.__context__)
