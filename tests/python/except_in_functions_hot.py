# Exceptions raised from called functions inside a hot loop, caught by the caller.
def checked_div(a, b):
    if b == 0:
        raise ZeroDivisionError("b is zero at a=" + str(a))
    return a // b
def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        return -1
table = {i: i * i for i in range(0, 100, 3)}
ok = 0
bad = 0
last = ""
for i in range(3000):
    try:
        ok += checked_div(i, i % 4)
    except ZeroDivisionError as e:
        bad += 1
        last = str(e)
    ok += lookup(table, i % 100)
print(ok, bad, last)
