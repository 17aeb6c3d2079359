# Set algebra with operators and methods; string sets are printed sorted.
a = {"apple", "banana", "cherry", "date"}
b = {"cherry", "date", "elder", "fig"}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, ["grape"])), sorted(a.intersection(b, {"date"})), sorted(a.difference(b, {"apple"})))
print(sorted(a.symmetric_difference(b)), a.isdisjoint({"x"}), a.isdisjoint(b))
print({"apple"} <= a, {"apple"} < a, a <= a, a < a, a >= {"date"}, a > a, {"x"} <= a)
print(a.issubset(a | b), a.issuperset({"apple", "date"}), set().issubset(a))
c = set(a)
c |= {"kiwi"}
c &= {"kiwi", "apple", "zzz"}
print(sorted(c))
c -= {"apple"}
c ^= {"lime", "kiwi"}
print(sorted(c))
d = {1, 2, 3}
d.update([3, 4], (5,))
d.intersection_update({1, 2, 3, 4, 9})
d.difference_update([1])
d.symmetric_difference_update({4, 10})
print(sorted(d))
try:
    a | ["list"]
except TypeError as e:
    print("TypeError:", e)
