# sum with start values and mixed types; abs of ints, floats, bools and bignums.
print(sum([1, 2, 3]), sum([]), sum([], 10), sum(range(101), -5050), sum([0.5, 0.25]), sum([1, 2.5]))
print(sum([[1], [2, 3]], []), sum(((1,), (2,)), ()), sum([True, True]), sum([2**64, 2**64]), sum([1e100, -1e100, 1]))
print(sum(x / 10 for x in range(10)), sum([0.1] * 10), sum(i * i for i in range(1000)))
print(abs(-5), abs(5), abs(-2.5), abs(0.0), abs(-0.0), abs(-2**100), abs(True), abs(-False))
print(abs(float("-inf")), abs(-(2**63)), abs(-1e-320))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    sum([1, "a"])
except TypeError as e:
    print("TypeError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
