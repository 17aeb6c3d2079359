# None: printing, identity, use as default and return value, comparison errors.
x = None
print(x, repr(x), str(x), type(x), x is None, x is not None, x == None, bool(x))
def nothing():
    pass
def implicit(flag):
    if flag:
        return 1
print(nothing(), implicit(False), implicit(True), [None, None], (None,), {None: None})
print(None == 0, None == False, None == "", None in [0, None], [1, None].index(None))
try:
    None < 1
except TypeError as e:
    print("TypeError:", e)
try:
    None + 1
except TypeError as e:
    print("TypeError:", e)
try:
    len(None)
except TypeError as e:
    print("TypeError:", e)
try:
    nothing_value = x
    nothing_value()
except TypeError as e:
    print("TypeError:", e)
try:
    x[0]
except TypeError as e:
    print("TypeError:", e)
