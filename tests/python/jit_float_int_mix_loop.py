# Hot arithmetic mixing ints and floats: int/int true division, float floor division, comparisons.
acc = 0.0
count = 0
for i in range(1, 3000):
    q = i / 7
    if q == i // 7:
        count += 1
    acc += q - i // 7 + (i % 7) / 7.0 * -1
print(acc, count)
x = 2
for i in range(100):
    x = x * 3 // 2 if x < 10**6 else x / 3
print(x, type(x))
mix = 0
for i in range(2000):
    mix += (i % 3) * 0.5 + (i % 2)
    mix -= i // 1000
print(mix)
print(sum(i * 1.0 for i in range(1000)) == sum(range(1000)), 2**53 + 1.0 == 2**53)
