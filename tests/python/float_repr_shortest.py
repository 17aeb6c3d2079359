# Float repr is the shortest string that round-trips, switching to exponent form like CPython.
values = [0.1 + 0.2, 0.1, 1 / 3, 2 / 3, 1e16, 1e15, 1e-5, 1e-4, 0.0001234, 1e22, 1e23,
          5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 123456789.123,
          123456789012345678.0, 1.5, 100.0, 3.0, -2.5, 0.3, 1.1 * 1.1, 9007199254740993.0,
          12345678901234567.0, 0.000001, 1234567890123456.7, 4.35, 2.675, 1e100, 1.0e-10]
for v in values:
    print(repr(v), str(v))
print(0.1 + 0.2 == 0.3, 0.1 + 0.2, 0.1 * 3, 0.3 - 0.1)
print([0.1, 0.25, 1e16], (1.5, -0.0), {1.5: 2.5})
print(float(2**53), float(2**63), float(2**64), float(10**20), float(10**22), float(10**23))
x = 0.0
for i in range(10):
    x += 0.1
print(x, x == 1.0)
