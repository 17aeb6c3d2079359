# Dict iteration order is insertion order, also after deletions and re-insertions.
d = {}
for k in "abcdefgh":
    d[k] = ord(k)
del d["c"]
del d["a"]
d["c"] = 0
d["a"] = 1
d["b"] = 99
print(d, list(d), list(d.values()))
print(d.pop("e"), d)
d["e"] = "back"
print(list(d.items()))
n = {}
for i in range(100):
    n[i] = i
for i in range(0, 100, 2):
    del n[i]
for i in range(0, 10):
    n[i * 2] = "new"
print(list(n)[:12], list(n)[-12:], len(n))
big = {}
for i in range(2000):
    big[i * 7 % 2003] = i
for k in list(big):
    if k % 3:
        del big[k]
print(len(big), list(big)[:8], list(big)[-4:])
print(d.popitem(), d.popitem(), d)
