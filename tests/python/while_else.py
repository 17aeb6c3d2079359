# while loops with else (runs when the condition becomes false, not after break).
n = 0
while n < 5:
    n += 1
else:
    print("while finished, n =", n)
def find_factor(m):
    d = 2
    while d * d <= m:
        if m % d == 0:
            break
        d += 1
    else:
        return m, "is prime"
    return m, "divisible by", d
for m in (97, 91, 2**31 - 1, 1001, 7919):
    print(find_factor(m))
i = 10
while i:
    i -= 3
    if i < 0:
        print("went negative", i)
        break
else:
    print("not reached")
x = 0
while False:
    x = 1
else:
    print("else of a loop that never ran", x)
