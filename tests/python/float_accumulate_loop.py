# Hot float loops: naive and compensated summation, and a simple numerical integration.
total = 0.0
for i in range(2000):
    total += 0.1
print(total)
s = 0.0
c = 0.0
for i in range(2000):
    y = 0.1 - c
    t = s + y
    c = (t - s) - y
    s = t
print(s)
n = 1000
h = 1.0 / n
area = 0.0
k = 0
while k < n:
    xm = (k + 0.5) * h
    area += 4.0 / (1.0 + xm * xm)
    k += 1
print(area * h)
x = 2.0
for i in range(20):
    x = (x + 2.0 / x) / 2.0
print(x, x * x)
