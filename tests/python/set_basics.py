# Sets of small non-negative ints (CPython's layout puts them in order), membership, add/remove.
s = {3, 1, 2, 3, 1}
print(s, len(s), 2 in s, 5 in s, 5 not in s, set(), {0}, set([4, 4, 5]), set(range(6)))
s.add(7)
s.add(1)
s.discard(2)
s.discard(100)
s.remove(3)
print(s)
print({1, 2} == {2, 1}, {1} != {1, 2}, set("aaa") == {"a"}, len(set()))
evens = set()
for i in range(40):
    if i % 2 == 0:
        evens.add(i)
print(evens)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
x = {5}
print(x.pop(), x)
try:
    x.pop()
except KeyError as e:
    print("KeyError:", e)
