# Explicit chaining with raise ... from ..., and from None to suppress the context.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError("cannot parse " + repr(text)) from e
try:
    parse("x1")
except RuntimeError as e:
    print(e, "| cause:", repr(e.__cause__), "| suppress:", e.__suppress_context__)
    print(e.__context__ is e.__cause__)
def hide():
    try:
        [].pop()
    except IndexError:
        raise KeyError("clean") from None
try:
    hide()
except KeyError as e:
    print(repr(e), e.__cause__, e.__suppress_context__, repr(e.__context__))
try:
    raise ValueError("v") from TypeError("t")
except ValueError as e:
    print(repr(e.__cause__), e.__context__)
try:
    raise ValueError("v") from 5
except TypeError as e:
    print("TypeError:", e)
