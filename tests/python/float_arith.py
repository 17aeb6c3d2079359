# Float arithmetic: floor division and modulo signs, divmod, powers, mixing with ints.
for a, b in ((7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (5.0, 0.5), (1.0, 0.1), (-1e-20, 1.0)):
    print(a, b, a // b, a % b, divmod(a, b))
print(2 ** 0.5, 2.0 ** 10, 10 ** -1, 4 ** 0.5, 8 ** (1 / 3), (-2.0) ** 2, (-2.0) ** 3)
print(1.5 + 2, 3 - 0.5, 2 * 0.25, 7 / 2.0, 1 / 8, 3.0 * 2**70)
print(0.1 * 3, 1.1 + 2.2, 3.3 / 1.1, 1e300 * 1e-300, 2.5 % 1, -2.5 % 1)
print(abs(-3.25), -(-1.5), +2.5, 1.0 == 1)
x = 1.0
for i in range(50):
    x = x * 1.5 - 0.25
print(x)
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]), 0.5 + 0.25 + 0.125)
