# str/repr of ints, including big and negative ones, and int() of long digit strings.
for v in (0, -0, 7, -7, 2**63, -2**63 - 1, 10**40, -(10**40) + 1):
    print(str(v), repr(v), len(str(v)))
s = "1" + "0" * 60
n = int(s)
print(n, n == 10**60, int("-" + s) == -10**60)
print(int("000123"), int("-000"), int("+42"), int(" \t 17\n"))
digits = "".join(str(i % 10) for i in range(1, 300))
n = int(digits)
print(str(n) == digits, n % 1000007, len(str(n * n)))
print(str(2**64 - 1), str(-2**64 + 1), str(2**64)[::-1])
print(int("9" * 40) + 1 == 10**40)
