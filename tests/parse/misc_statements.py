global a, b
nonlocal c
del a
del a, b
del (a, b)
del [a, b]
del a.b, a[0], a[1:2]
del (a), b,
assert x
assert x, y
return
return x
return x, y
return *a, b
x = [
    1,  # comment
    2,
]

def f(
    a,  # first
    b=2,
):
    return (a +
            b)

if x:
    pass



else:
    pass

class A:

    def f(self):

        pass


    x = 1

x = 1 if y else 2 if z else 3
a = b = c = d = e
f(a)(b)[c].d
x = not a == b
x = -a ** -b ** -c
x = a @ b @ c
x = (a := 1, b := 2)
[y := f(x), y**2]
print((x := 1))
def f(x=(y := 1)): pass
x[a:b, c:d]
x = {**{}, **{}}
x = {1: 2, **a, 3: 4}
x = [*[], *()]
f(*[], **{})
x = lambda *args, **kwargs: (args, kwargs)
x = (yield)
x = yield from y
async def f():
    await (yield)
async def f():
    x = [await y async for z in w]
    async with a, b as c:
        pass
@a.b.c
@d()
@e[0]
@f(g)(h)
@(lambda x: x)
class C: pass
