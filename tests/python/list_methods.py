# List methods: append, extend, insert, pop, remove, index, count, reverse, copy, clear.
a = [3, 1, 4]
a.append(1)
a.extend([5, 9])
a.extend("ab")
a.extend(range(2))
print(a, len(a))
a.insert(0, "first")
a.insert(100, "last")
a.insert(-1, "before-last")
a.insert(-100, "very-first")
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a.pop(2), a)
a.remove(1)
print(a, a.index(4), a.index(5), a.index(9, 3), a.count(0), a.count("z"))
b = a.copy()
b.reverse()
print(a, b, a.reverse(), a, a == b)
print(a.clear(), a, b.append(7), b.insert(0, 0))
print(b, [1, 2, 3].index(2), [1, 2, 1, 2].index(2, 2), [5, 6, 7].index(7, -1))
stack = []
for i in range(1000):
    stack.append(i)
    if i % 3 == 0:
        stack.pop()
print(len(stack), stack[:5], stack[-3:], sum(stack))
