# Bitwise operators on small, negative and big integers (two's-complement semantics).
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, ~0, ~-1, a << 3, a >> 2)
print(-12 & 10, -12 | 10, -12 ^ 10, -12 >> 1, -1 >> 100, -12 << 4)
print(1 << 62, 1 << 63, 1 << 64, 1 << 100, (1 << 100) >> 99, (1 << 100) >> 200)
print(-(1 << 64) >> 1, (-(1 << 64)) >> 65, (-(1 << 64)) >> 64, -(2**63) >> 63)
x = 2**70 + 12345
print(x & 0xFFFF, x | 1, x ^ x, x & -x, ~x, x & ~x, -x & 0xFFFFFFFF)
print((2**64 - 1) & -2**32, (2**64 - 1) ^ (2**63), -2**65 | 2**64)
print(0 >> 5, 0 << 1000, 5 >> 64, -5 >> 64)
h = 0
for i in range(1000):
    h = (h * 31 + i) & 0xFFFFFFFF
    h ^= h >> 7
print(h)
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError:", e)
try:
    print(1 >> -3)
except ValueError as e:
    print("ValueError:", e)
