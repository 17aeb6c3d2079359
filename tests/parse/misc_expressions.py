try:
    pass
except A as a:
    pass
except (B, C) as b:
    pass
except:
    pass
else:
    pass
finally:
    pass
with a as (b, *c): pass
for i, (a, b) in enumerate(z): pass
while 1:
    if x: break
    elif y: continue
    else: pass
else:
    pass
x = 'a' 'b' "c" '''d''' """e"""
x = f'{x!r:>{w}.{p}}' f"{'y'}" rf'{z}\n'
x = f"{x:{'>'}{10}}"
x = f"{'{'}"
x = f"{x}}}"
x = f"{{{x}"
x = f"{x:{y}}}}"
x = 0xdead_beef + 0b_1 + 0o_7 + 1_2.3_4e5_6j
x = 1.e5 + 1e-5 + 1E+5 + .1e1
x = 09.5 + 00.0 + 0e0 + 0j + 00j
x = 1 if 2 else 3
x = [i for i in range(10) if i % 2 if i % 3]
class A(B, C, metaclass=D, **kw): pass
from .a import (b,)
import a.b.c as d
x: list[int] = []
x: "str"
def f() -> "A": pass
def f(a: int = 1, *, b: str = "", **c: float) -> None: pass
x = (
  1
  +
  2
)
x = [
]
x = {
}
x = (
)
if True:
  if True:
    if True:
      pass
  x = 1
y = 2
x = 1;y = 2;
z = 3
if x: y = 1; z = 2
x = a[1][2][3]
x = a.b.c.d.e.f
x = a(1)(2)(3)
x = ...
y = Ellipsis
x = r'\' + R"\" + b'\' + br'\'
x = b'\N{x}'
x = '\'

s = 'a\
b'
s = """a\
b"""
s = '''\
'''
s = f'''{
x
}'''
s = f"{x
}" if 0 else 0
x = a if b else(c)
print(x, end='')
x = [1,2,3][::-1]
x = a[1:2:3, ...]
match x:
    case {**rest}: pass
    case [1, 2, *rest]: pass
    case Point(x=0) | Point(y=0): pass
    case str() | bytes(): pass
    case {"a": [1, {"b": _}]}: pass
match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
match x:
    case -0j: pass
    case 0 - 1j: pass
    case -1.5 + 2.5j: pass
