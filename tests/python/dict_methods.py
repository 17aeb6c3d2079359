# Dict methods: get, setdefault, pop, popitem, update, copy, clear, fromkeys, keys/values/items.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 5), d.setdefault("c", 3), d)
print(d.setdefault("d"), d, d.pop("d"), d.pop("zz", "default"), d)
d.update({"b": 20, "e": 5})
d.update(f=6, a=10)
d.update([("g", 7)])
print(d)
c = d.copy()
c["a"] = -1
print(d["a"], c["a"], c is d, c == d)
print(d.popitem(), d)
print(dict.fromkeys(["x", "y"]), dict.fromkeys("ab", 0), dict.fromkeys(range(3), []))
shared = dict.fromkeys("pq", [])
shared["p"].append(1)
print(shared)
print(list(d.keys()), list(d.values()), list(d.items()))
print(c.clear(), c, len(c))
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
