# A hot loop whose sum crosses 2**63 part-way: the fast path must overflow into bignums.
total = 2**63 - 5000 * 1000
i = 0
while i < 10000:
    total += 1000
    i += 1
print(total, total - 2**63)
x = 1
steps = 0
while x < 2**100:
    x += x
    steps += 1
print(steps, x)
negative = -2**62
for k in range(3000):
    negative -= 2**52
print(negative, negative < -2**63)
product = 1
for k in range(1, 40):
    product *= k
    product -= k
print(product)
