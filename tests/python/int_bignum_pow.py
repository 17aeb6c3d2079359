# Powers with big results and three-argument pow with big moduli.
print(2**100, 2**127 - 1, 3**100, (-3)**101, 10**50)
print(2**64 == 18446744073709551616, (-2)**63 == -2**63, (-2)**64)
print(pow(2, 200), pow(-5, 30), pow(7, 0), pow(0, 0), pow(0, 5))
print(pow(2, 100, 1000), pow(3, 10**20, 10**9 + 7), pow(-3, 5, 7), pow(3, 5, -7))
print(pow(3, -1, 7), pow(2, -1, 10**9 + 7), pow(10**20, 10**20, 2**61 - 1))
print(pow(123456789, 987654321, 2**64), pow(2**64 + 1, 3, 2**70))
print(2 ** -3, 10 ** -2, (-2) ** -1)
m = 1
for i in range(200):
    m = m * 2 % (2**89 - 1)
print(m)
print(len(str(2**10000)), str(2**10000)[:20], str(2**10000)[-20:])
