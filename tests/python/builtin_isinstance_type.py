# isinstance with single types and tuples; type() of every builtin value; type comparisons.
values = [1, 1.0, True, "s", None, [1], (1,), {1: 2}, {1}, frozenset(), range(1), slice(1), 2**100, len]
for v in values:
    print(type(v), type(v).__name__, isinstance(v, int), isinstance(v, (list, tuple)), isinstance(v, object))
print(type(1) is int, type(True) is int, type(True) is bool, type(1) == type(2), type("") is not str)
print(isinstance(True, (str, int)), isinstance(1.0, (int,)), isinstance([], ()), isinstance(3, (float, (int, str))))
print(type(type(1)), type(int), isinstance(int, type), type(ValueError("x")), isinstance(ValueError(), Exception))
print(int, str, list, dict, set, tuple, float, bool, type(None), ValueError, BaseException)
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError:", e)
