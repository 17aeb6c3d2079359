# f-strings: expressions, calls, nested quotes, conversions, self-documenting '='.
name = "Ada"
n = 7
items = [1, 2, 3]
d = {"k": "v"}
print(f"hello {name}", f"{n * 6}", f"{n + 1} {n - 1}", f"{items[1]} {items[-1]}", f"{d['k']}")
print(f"{name!r} {name!s} {name.upper()} {len(items)} {'nested'} {sum(x * x for x in items)}")
print(f"{{braces}} {{{n}}}", f"{n}{n}", f"", f"{'a' if n > 5 else 'b'}", f"{[i for i in range(3)]}")
print(f"{n=}", f"{name = }", f"{n * 2=}", f"{items=}", f"{n=:>5}", f"{name=!s}")
print(f"{3.14159:.2f}", f"{n:03d}", f"{name:>6}|", f"{name:*^9}", f"{2**64:,}")
width = 8
prec = 3
print(f"{3.14159:{width}.{prec}f}|", f"{name:{'<' if n else '>'}{width}}|", F"{n}" + rf"\{n}")
x = 10
print(f"{x} {x:} {x!r:>4} {(lambda y: y + 1)(x)} {x if x else 0}")
lines = [f"{i:2d}: {i * i:4d} {'*' * i}" for i in range(1, 6)]
print("\n".join(lines))
