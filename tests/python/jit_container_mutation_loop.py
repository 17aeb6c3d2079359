# Containers mutated while hot loops use them: a list growing during for-iteration, dict values
# changing type, and a list shrinking under an index loop.
lst = [1, 2, 3]
for x in lst:
    if x < 400:
        lst.append(x * 2 + 1)
print(len(lst), lst[:8], lst[-3:])
d = {i: i for i in range(50)}
for step in range(40):
    for k in d:
        v = d[k]
        if isinstance(v, str):
            d[k] = len(v)
        elif step % 10 == 9:
            d[k] = str(v) * 2
        else:
            d[k] = v + 1
print(list(d.items())[:6])
xs = list(range(300))
i = 0
while i < len(xs):
    if xs[i] % 3 == 0:
        del xs[i]
    else:
        i += 1
print(len(xs), xs[:10], sum(xs))
s = set(range(100))
removed = 0
for v in list(s):
    if v % 7 in (0, 3):
        s.discard(v)
        removed += 1
print(removed, len(s), sorted(s)[:10])
