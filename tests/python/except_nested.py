# Nested try statements: inner handlers, propagation outward, handlers that raise.
def parse_all(items):
    results = []
    for item in items:
        try:
            try:
                results.append(int(item))
            except ValueError:
                results.append(float(item))
        except ValueError:
            results.append(None)
        except TypeError as e:
            results.append("type: " + str(e)[:20])
    return results
print(parse_all(["1", "2.5", "x", None, "3e2", "-7"]))
def level(n):
    try:
        if n == 0:
            raise LookupError("bottom")
        return level(n - 1)
    except KeyError:
        return "never"
    finally:
        print("unwinding", n)
try:
    level(3)
except LookupError as e:
    print("caught", e)
