# UnboundLocalError and NameError messages from scoping mistakes (3.11 wording).
x = 10
def uses_before_assign():
    print(x)
    x = 5
def free_before_assign():
    def inner():
        return y
    r = inner()
    y = 1
    return r
def deleted():
    z = 1
    del z
    return z
for f in (uses_before_assign, free_before_assign, deleted):
    try:
        f()
    except NameError as e:
        print(type(e).__name__ + ":", e, isinstance(e, NameError))
try:
    print(undefined_name)
except NameError as e:
    print("NameError:", e)
def ok():
    global x
    x += 1
    return x
print(ok(), isinstance(UnboundLocalError(), NameError))
