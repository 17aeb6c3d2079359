# id() and "is": identity is stable for an object and distinct for live objects; values never printed.
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is c, a == c, a is not c)
print(id(a) == id(a), type(id(a)) is int, None is None, True is True)
objs = [[] for _ in range(50)]
ids = set(id(o) for o in objs)
print(len(ids))
def same(x):
    return x
print(same(a) is a, id(same(c)) == id(c))
t = (1, 2)
print(t is t, "" == "")
d = {}
key = (1, 2)
d[key] = "v"
print(list(d)[0] is key)
