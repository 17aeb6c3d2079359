# sorted with key and reverse (stable), and reversed on lists, tuples, ranges, strings and dicts.
data = [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1)]
print(sorted(data), sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted("bca", reverse=False), sorted(range(5), key=lambda x: -x))
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]), sorted([[2], [1, 5], [1]]))
print(list(reversed([1, 2, 3])), list(reversed((4, 5))), list(reversed(range(3))), "".join(reversed("abc")))
print(list(reversed({"x": 1, "y": 2})), list(reversed([])), sorted([-1, 1, -2, 2], key=abs))
r = reversed([1, 2])
print(next(r), next(r), next(r, "end"))
try:
    reversed(5)
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print("TypeError:", e)
