# List error messages.
a = [1, 2, 3]
tests = [
    lambda: a[3],
    lambda: a[-4],
    lambda: [].pop(),
    lambda: a.pop(10),
    lambda: a.remove(9),
    lambda: a.index(9),
    lambda: a["1"],
    lambda: a + (4,),
    lambda: a * [2],
    lambda: a.sort(key=1),
    lambda: a.append(),
    lambda: a.append(1, 2),
    lambda: a.insert(1),
    lambda: a.foo(),
    lambda: list(5),
    lambda: a[1.5],
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    a[5] = 0
except IndexError as e:
    print("IndexError:", e)
try:
    del a[5]
except IndexError as e:
    print("IndexError:", e)
print(a)
