# Repeated multiplication in a hot loop overflows the machine word on both signs.
values = []
v = 3
for i in range(60):
    v = v * 3 if i % 2 == 0 else v * -2
    if i % 10 == 9:
        values.append(v)
for x in values:
    print(x)
acc = 0
for i in range(2000):
    acc += (i * 4611686018427387) % 1000003
print(acc)
square = 2
for i in range(7):
    square = square * square
    print(square)
