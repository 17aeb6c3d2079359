# int.bit_length, abs, bool of ints and hash of ints (deterministic in CPython).
for v in (0, 1, -1, 255, 256, -256, 2**62, 2**63 - 1, 2**63, -2**63, 2**64, 10**30):
    print(v, v.bit_length(), abs(v), bool(v))
print(hash(0), hash(1), hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(-2**61))
print(hash(2**64), hash(-2**64), hash(10**30), hash(True), hash(False))
print(hash(12345) == 12345, hash(1) == hash(1.0), hash((1, 2)) == hash((1, 2)))
