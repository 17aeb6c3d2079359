# Dict views: repr, len, membership, live updates, set operations on keys and items.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), "a" in k, 2 in v, ("b", 2) in it, ("b", 3) in it)
d["d"] = 4
del d["a"]
print(k, v, it)
print(sorted(k & {"b", "x"}), sorted(k | {"z"}), sorted(k - {"b"}), sorted(k ^ {"b", "q"}))
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
print(d.keys() == {"b", "c", "d"}, list(zip(d.keys(), d.values())), sorted(d.items(), key=lambda kv: -kv[1]))
for key, value in d.items():
    print(key, value)
try:
    for key in d:
        d["new"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
