# Merging dicts: |, |=, {**a, **b}, update order, and dict(**kwargs).
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, {**a, **b}, {**b, **a}, {**a, "y": 0, **{"w": 9}})
c = dict(a)
c |= b
print(c, a)
c |= [("q", 5)]
print(c)
print(dict(a, **b), dict(**a), {**{}}, dict(b, y=-1))
try:
    a | [("k", 1)]
except TypeError as e:
    print("TypeError:", e)
