# raise with an exception class instantiates it; raising a non-exception is a TypeError.
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == "")
try:
    raise KeyError
except KeyError as e:
    print(repr(e), type(e) is KeyError)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
try:
    raise "string"
except TypeError as e:
    print("TypeError:", e)
exc_type = IndexError
try:
    raise exc_type("dynamic")
except IndexError as e:
    print(e)
kinds = [ValueError, TypeError, KeyError]
for k in kinds:
    try:
        raise k("made " + k.__name__)
    except (ValueError, TypeError) as e:
        print("caught", e)
    except Exception as e:
        print("other", repr(e))
