# Hot loops of calls with positional, default and keyword arguments, and a recursive helper.
def add3(a, b, c=1):
    return a + b + c
def clamp(x, lo=0, hi=100):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x
def tri(n):
    return 0 if n == 0 else n + tri(n - 1)
s = 0
for i in range(3000):
    s += add3(i, 2)
    s += clamp(i - 1500, hi=50)
    s -= add3(a=1, b=i, c=0)
print(s)
t = 0
for i in range(200):
    t += tri(i % 30)
print(t)
