# *args: collecting extra positional arguments, and passing them on.
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(1), total(1, 2, 3), total(*range(10)), total(*[1, 2], 3, *(4, 5)))
def head_tail(first, *rest):
    return first, rest
print(head_tail(1), head_tail(1, 2, 3), head_tail(*"abc"))
def show(*args):
    return type(args), len(args), args
print(show(), show(None), show([1], (2,)))
def apply(fn, *args):
    return fn(*args)
print(apply(max, 3, 9, 2), apply(pow, 2, 10), apply(total))
def fmt(sep, *parts):
    return sep.join(str(p) for p in parts)
print(fmt("-", 1, 2, 3), fmt(", "), fmt("", *"xyz"))
