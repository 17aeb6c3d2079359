match x:
    case 1:
        pass
    case -1:
        pass
    case 1.5 | 2j | -3j:
        pass
    case 1 + 2j:
        pass
    case -1 - 2j:
        pass
    case "s" | b"b" | "con" "cat":
        pass
    case None:
        pass
    case True | False:
        pass
    case _:
        pass
match x:
    case a:
        pass
    case a.b:
        pass
    case a.b.c:
        pass
    case (a):
        pass
    case (a as b):
        pass
    case a | b as c:
        pass
    case [a, b]:
        pass
    case [a, *rest]:
        pass
    case [*_, last]:
        pass
    case (a, b):
        pass
    case ():
        pass
    case []:
        pass
    case (a,):
        pass
    case a, b:
        pass
    case a, *b:
        pass
    case *a, b:
        pass
    case {}:
        pass
    case {"k": v}:
        pass
    case {"k": v, 1: w,}:
        pass
    case {"k": v, **rest}:
        pass
    case {**rest}:
        pass
    case {a.b: c}:
        pass
    case {None: x, True: y, -1: z}:
        pass
    case Point():
        pass
    case Point(x, y):
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, y=2):
        pass
    case mod.Point(x=[a, b], y={"k": c}):
        pass
    case Point(x,):
        pass
    case [Point(x=0) as p, *_] if p.y > 0:
        pass
    case x if x:
        pass
    case (1 | 2) | 3:
        pass
match (x, y):
    case (0, 0): pass
match x, y:
    case 0, 0: pass
match *a, b:
    case _: pass
match -x:
    case _: pass
match f(x):
    case _: pass
match x,:
    case _: pass
match = 1
match.x = 2
match(x)
match[x] = 3
case = 4
_ = 5
print(match, case, _)
match x:
    case case:
        pass
    case match:
        pass
def match(): pass
