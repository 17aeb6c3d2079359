# Small-int arithmetic: operators, precedence, unary minus, augmented assignment.
a = 17
b = 5
print(a + b, a - b, a * b, a // b, a % b, a ** 2)
print(-a, +a, -(-a), - -a)
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2, 2 ** -1, 10 - 2 - 3)
print(100 // 7 // 2, 100 % 7 % 4, 7 * 8 // 3 % 5)
x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 4
print(x)
x //= 5
print(x)
x %= 7
print(x)
x **= 3
print(x)
print(0 * -1, 0 // 5, 0 % 5, 0 ** 0, 1 ** 1000, (-1) ** 1001)
total = 0
for i in range(1, 1001):
    total += i * i - i
print(total)
print(type(7 // 2), type(7 / 2), type(2 ** 10), type(2 ** -2))
