# Dict basics: literals, lookup, assignment, membership, len, insertion order, equality.
d = {"one": 1, "two": 2}
d["three"] = 3
d["one"] = 100
print(d, len(d), d["two"], "two" in d, 2 in d, "four" not in d)
print({}, dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": 0}, extra=1), dict(zip("ab", [1, 2])))
print({1: "a", 2: "b"} == {2: "b", 1: "a"}, {1: 2} != {1: 3}, list({"z": 1, "a": 2}), [k for k in d])
e = {}
for word in "one two three two one two".split():
    e[word] = e.get(word, 0) + 1
print(e)
squares = {}
for i in range(10):
    squares[i] = i * i
print(squares, sum(squares.values()), squares[9])
mixed = {1: "int", "1": "str", (1,): "tuple", None: "none", 2.5: "float"}
print(mixed, mixed[(1,)], mixed[None])
