# Exception args, str() and repr() with zero, one and several arguments.
for exc in (ValueError(), ValueError("one"), ValueError("a", 2), ValueError(42), ValueError(None),
            KeyError(), KeyError("key"), KeyError("a", "b"), KeyError(3), Exception("x", [1], {"d": 2}),
            IndexError(""), RuntimeError("multi\nline"), StopIteration(5)):
    print(repr(exc), "|", str(exc), "|", exc.args, "|", len(exc.args))
try:
    raise ValueError("a", "b")
except ValueError as e:
    print(e, e.args[1])
e = TypeError("t")
e.args = ("changed",)
print(e, repr(e))
