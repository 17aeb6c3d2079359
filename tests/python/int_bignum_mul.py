# Multiplication across overflow boundaries and with large operands, all signs.
print(3037000499 * 3037000499, 3037000500 * 3037000500)
print(2**32 * 2**32, 2**31 * 2**32, -2**31 * 2**32, 2**62 * 2, 2**62 * -2)
print((2**63) * (2**63), (-2**63) * (2**63), (-2**63) * (-2**63))
print((2**63 - 1) * -1, (-2**63) * -1, (-2**63) * 1, (2**64) * 0)
a = 123456789012345678901234567890
b = -987654321098765432109876543210
print(a * b, a * a, b * b, a * -1, b * 0)
print(a * 3 == a + a + a, (a * b) // b == a, (a * b) % a)
x = 1
for i in range(70):
    x *= 3
print(x)
y = -1
for i in range(40):
    y *= -7
print(y)
print(10**20 * 10**20, (10**40) // (10**20), 7**77)
