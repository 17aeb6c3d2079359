def f(): pass
def f(a): return
def f(a, b): return a, b
def f(a=1, b=2): pass
def f(*args): pass
def f(**kwargs): pass
def f(*, a): pass
def f(*, a=1, b): pass
def f(a, /): pass
def f(a, /, b): pass
def f(a, b=1, /, c=2, *d, e, f=3, **g): pass
def f(a: int, b: str = "x", *c: tuple, d: "q" = 1, **e: dict) -> None: pass
def f(a,): pass
def f(a, *, b,): pass
def f(a, **k,): pass
def f(a, /,): pass
def f(*a, **k): pass
def f(*a: *Ts): pass
async def f(): await x
async def f():
    async for x in y:
        pass
    async with a as b, c:
        pass
    return [i async for i in g()]
def gen():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield from z
    await_result = (yield)
@dec
def f(): pass
@dec.attr
@dec(arg)
@dec[0]
@(lambda f: f)
@x := y
def f(): pass
def outer():
    def inner():
        nonlocal x
        global y
        return x
    return inner
lambda: 0
lambda x: x
lambda x, y=1, *z, w, **k: 0
lambda *, a: a
lambda a, /, b: a
lambda *a: a
lambda **k: k
lambda x=lambda: 1: x
