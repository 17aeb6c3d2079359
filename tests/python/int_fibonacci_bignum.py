# Fibonacci numbers through the machine-word overflow and far beyond.
a, b = 0, 1
for i in range(300):
    if i in (0, 1, 2, 10, 50, 90, 91, 92, 93, 94, 100, 200, 299):
        print(i, a)
    a, b = b, a + b
print(len(str(a)), a % 1000000007)
def fib_pair(n):
    if n == 0:
        return 0, 1
    f, g = fib_pair(n // 2)
    c = f * (2 * g - f)
    d = f * f + g * g
    if n % 2:
        return d, c + d
    return c, d
print(fib_pair(300)[0] == a, fib_pair(1000)[0] % 10**20)
