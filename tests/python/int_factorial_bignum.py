# Factorials grow into big integers; digit sums and trailing zeros check every digit.
def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result

for n in (0, 1, 5, 20, 21, 25, 30):
    print(n, factorial(n))
f100 = factorial(100)
print(f100)
print(sum(int(c) for c in str(f100)))
s = str(factorial(300))
print(len(s), len(s) - len(s.rstrip("0")))
print(factorial(50) // factorial(48), factorial(30) % (2**61 - 1))
