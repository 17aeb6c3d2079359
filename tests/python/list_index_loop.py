# Hot loops over list indices: prefix sums, in-place updates, two-pointer search.
n = 2000
data = [(i * 7919) % 1009 for i in range(n)]
prefix = [0] * (n + 1)
for i in range(n):
    prefix[i + 1] = prefix[i] + data[i]
print(prefix[n], prefix[1000] - prefix[500])
for i in range(1, n):
    data[i] = max(data[i], data[i - 1] - 3)
print(data[:10], data[-5:])
s = sorted(data)
lo, hi = 0, n - 1
target = s[10] + s[-10]
found = None
while lo < hi:
    t = s[lo] + s[hi]
    if t == target:
        found = (lo, hi, s[lo], s[hi])
        break
    if t < target:
        lo += 1
    else:
        hi -= 1
print(found)
