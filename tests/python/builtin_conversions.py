# Constructors as conversions: list, tuple, set, dict, str, bool, int, float from other types.
print(list("abc"), list((1, 2)), list({3: 4}), list(range(3)), list({"b": 1, "a": 2}.items()), list())
print(tuple([1, 2]), tuple("xy"), tuple(range(2)), tuple(), tuple({5: 6}))
print(sorted(set("mississippi")), sorted(set([1, 1, 2])), set(), set((0, 0)))
print(dict([(1, 2), (3, 4)]), dict(a=1), dict([("k", "v")], k2="v2"), dict(zip([1, 2], "ab")), dict({1: 1}))
print(str(12), str(1.5), str([1]), str(None), str(), bool([]), bool([0]), bool(""), bool("0"))
print(int("7"), int(7.9), int(-7.9), int("-0"), float("7"), float(7), float(" -1.25 "), float())
print(list(map(tuple, ["ab", "c"])), [list(p) for p in zip("ab", "cd")])
