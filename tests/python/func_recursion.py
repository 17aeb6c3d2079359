# Recursive functions: factorial, Fibonacci, Ackermann, mutual recursion, recursion on lists.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
def flatten(x):
    if not isinstance(x, list):
        return [x]
    out = []
    for item in x:
        out += flatten(item)
    return out
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(fact(10), fact(25), fib(18), ack(2, 3), is_even(200), is_odd(77))
print(flatten([1, [2, [3, [4, [5]]], 6], [[7]]]), gcd(2**40 * 3, 6**20), gcd(17, 5))
def depth_sum(n):
    return 0 if n == 0 else n + depth_sum(n - 1)
print(depth_sum(900))
