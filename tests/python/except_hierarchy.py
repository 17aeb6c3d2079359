# The builtin exception hierarchy: catching through base classes, isinstance checks.
cases = [ZeroDivisionError("z"), OverflowError("o"), KeyError("k"), IndexError("i"),
         UnboundLocalError("u"), NotImplementedError("n"), RecursionError("r"),
         FileNotFoundError("f"), StopIteration("s"), AssertionError("a"), TypeError("t"),
         AttributeError("at"), MemoryError("m"), IndentationError("ie"), KeyboardInterrupt("ki"),
         SystemExit("se"), EOFError("eof"), UnicodeError("ue")]
bases = [ArithmeticError, LookupError, NameError, RuntimeError, OSError, SyntaxError,
         ValueError, Exception, BaseException]
for exc in cases:
    names = [b.__name__ for b in bases if isinstance(exc, b)]
    print(type(exc).__name__, names)
def catch(exc):
    try:
        raise exc
    except ArithmeticError:
        return "ArithmeticError"
    except LookupError:
        return "LookupError"
    except Exception:
        return "Exception"
    except BaseException:
        return "BaseException"
print([catch(e) for e in cases])
print(isinstance(IOError("x"), OSError), EnvironmentError is OSError, IOError is OSError)
