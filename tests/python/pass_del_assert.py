# pass, del of names, items and slices, and assert with and without messages (caught).
def empty():
    pass
for _ in range(3):
    pass
print(empty())
a = 1
del a
try:
    a
except NameError as e:
    print("NameError:", e)
lst = [0, 1, 2, 3, 4, 5]
del lst[0], lst[-1]
print(lst)
d = {"k": 1, "j": 2}
del d["k"]
print(d)
x, y = 1, 2
del x, y
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert [], 42
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("AssertionError:", repr(e), e.args)
assert True, "not raised"
assert 1 < 2
print("asserts passed")
