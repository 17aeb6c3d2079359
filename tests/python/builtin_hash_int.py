# hash() of ints and bools is deterministic (printed); equal numbers and equal int tuples hash equal.
for v in (0, 1, -1, -2, 7, 2**31, 2**61 - 2, 2**61 - 1, 2**61, 2**62, 2**63, -2**63, 2**64 + 3, 10**20, -10**20):
    print(v, hash(v))
print(hash(True), hash(False), hash(1) == hash(1.0), hash(0) == hash(-0.0), hash(2**64) == hash(2.0**64))
print(hash((1, 2)) == hash((1.0, 2)), hash((1, 2)) == hash((2, 1)), hash(()) == hash(()), hash((0,)) == hash((False,)))
print(hash(frozenset()) == hash(frozenset()), hash("x") == hash("x"), hash((1, "a")) == hash((1, "a")))
try:
    hash({})
except TypeError as e:
    print("TypeError:", e)
