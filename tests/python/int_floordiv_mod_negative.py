# Floor division and modulo round toward negative infinity, for every sign combination.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (0, -3), (1, 7), (-1, 7)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), (a // b) * b + a % b == a)
print(-1 // 10, -1 % 10, -10 // 10, -11 // 10)
print(-2**63 // 2, -2**63 % 7, (2**63 - 1) // -1, (2**63 - 1) % -2)
n = -1000
acc = 0
while n < 1000:
    acc += n // 7 + n % 7
    n += 3
print(acc)
