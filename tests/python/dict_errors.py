# KeyError formatting and other dict error messages.
d = {"a": 1, 2: "b", (3, 4): "c"}
for key in ("missing", 99, (1, 2), None, "", 1.5):
    try:
        print(d[key])
    except KeyError as e:
        print("KeyError:", e, "| args:", e.args, "| repr:", repr(e))
try:
    del d["nope"]
except KeyError as e:
    print("KeyError:", e)
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print("ValueError:", e)
try:
    d + d
except TypeError as e:
    print("TypeError:", e)
try:
    d < d
except TypeError as e:
    print("TypeError:", e)
try:
    d.get()
except TypeError as e:
    print("TypeError:", e)
try:
    print(d.keys()[0])
except TypeError as e:
    print("TypeError:", e)
