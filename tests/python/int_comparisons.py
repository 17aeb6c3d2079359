# Integer comparisons: chained, mixed with bool and float, across the bignum boundary.
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1 == 1, 1 == 1 != 2)
print(2**63 > 2**63 - 1, -2**63 - 1 < -2**63, 2**64 == 2**64, 2**64 != 2**64 + 1)
print(10**30 > 10**29 > -10**30, -(10**30) < 0 < 10**30)
print(1 == 1.0, 2**53 == 2.0**53, 2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53)
print(10**400 > 1e308, -10**400 < -1e308, 10**400 < float("inf"))
print(True == 1, False == 0, True > False, True + 0 < 2)
print(max(3, 2**70, -5), min(3, -2**70, 5), sorted([2**65, -1, 2**63, 0, -2**64]))
a = 5
print(0 <= a < 10, 0 <= a < 5, not 0 <= a < 5)
calls = []
def val(x):
    calls.append(x)
    return x
print(val(1) < val(0) < val(5), calls)
count = 0
for i in range(-500, 500):
    if -100 <= i * 3 < 200:
        count += 1
print(count)
