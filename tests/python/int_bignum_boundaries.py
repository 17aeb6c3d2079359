# Addition and subtraction across the machine-word boundaries (2**31, 2**32, 2**62, 2**63, 2**64).
for e in (30, 31, 32, 61, 62, 63, 64, 65):
    p = 2 ** e
    print(e, p - 1, p, p + 1, -p, -p - 1, p + p, p - p)
big = 2**63 - 1
print(big + 1, big + 1 - 1, big + 1 - 1 == big)
small = -2**63
print(small - 1, small - 1 + 1 == small, -small, abs(small))
print(2**64 - 2**63, 2**64 - 1 - (2**64 - 2), -(2**64) + 2**64)
print(9223372036854775807 + 9223372036854775807)
print(-9223372036854775808 - 9223372036854775808)
print(18446744073709551615 + 1, 18446744073709551616 - 1)
print(4611686018427387903 + 1, 4611686018427387904 - 1, -4611686018427387904 - 1)
print(big == 9223372036854775807, big + 1 > big, small - 1 < small)
print(type(2**100), type(2**100 - 2**100), 2**100 - 2**100 == 0)
