# Truth values of every builtin type, and and/or/not returning operands.
values = [0, 1, -1, 0.0, -0.0, 0.5, "", "a", " ", [], [0], (), (None,), {}, {0: 0},
          set(), {0}, None, True, False, range(0), range(1), 2**100, frozenset()]
for v in values:
    print(repr(v), bool(v), not v)
print(0 or "x", 1 or "x", "" and 5, "a" and 5, None or [] or 0, 3 and 4 and 5)
print([] or {}, 0 and 1 / 0, 1 or 1 / 0, not not [1])
def side(name, v):
    print("eval", name)
    return v
print(side("a", 0) and side("b", 1))
print(side("c", 1) or side("d", 1))
print(side("e", 1) and side("f", 0) or side("g", "last"))
if [] or ():
    print("never")
else:
    print("empty containers are false")
