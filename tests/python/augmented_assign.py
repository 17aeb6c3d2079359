# Augmented assignment on names, list items and dict entries; += on lists mutates in place, on tuples rebinds.
n = 7
n += 3; n -= 1; n *= 2; n //= 4; n **= 3; n %= 10; n <<= 4; n >>= 1; n |= 1; n &= 0xF; n ^= 5
print(n)
f = 1.5
f /= 2
f += 0.125
print(f)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
t = (1,)
t_alias = t
t += (2,)
print(t, t_alias)
d = {"a": 1}
d["a"] += 10
d["b"] = d.get("b", 0) + 1
print(d)
grid = [[0, 0], [0, 0]]
grid[1][0] += 5
grid[1][0] *= 3
print(grid)
calls = []
def idx():
    calls.append("idx")
    return 0
arr = [10]
arr[idx()] += 1
print(arr, calls)
