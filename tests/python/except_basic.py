# try/except basics: catching by type, binding with as, falling through to the next handler.
def risky(kind):
    if kind == "value":
        raise ValueError("bad value")
    if kind == "type":
        raise TypeError("bad type")
    if kind == "key":
        return {}["nokey"]
    if kind == "index":
        return [][0]
    if kind == "zero":
        return 1 // 0
    return "fine"
for kind in ("value", "type", "key", "index", "zero", "none"):
    try:
        result = risky(kind)
        print("result:", result)
    except ValueError as e:
        print("ValueError handler:", e)
    except (KeyError, IndexError) as e:
        print("lookup handler:", type(e).__name__, e)
    except Exception as e:
        print("generic handler:", type(e).__name__, e)
try:
    try:
        raise KeyError("inner")
    except ValueError:
        print("not here")
except KeyError as e:
    print("outer caught", repr(e))
try:
    raise RuntimeError
except:
    print("bare except caught")
