# Generator expressions are lazy: side effects happen on demand; the first iterable is evaluated at once.
log = []
def item(x):
    log.append(x)
    return x
g = (item(x) for x in range(5))
print(log)
print(next(g), log)
print(next(g), next(g), log)
print(list(g), log)
log.clear()
print(any(item(x) > 1 for x in range(10)), log)
def source():
    print("source evaluated")
    return [1, 2, 3]
h = (x * 10 for x in source())
print("before consuming")
print(sum(h))
it = iter(range(10))
evens = (x for x in it if x % 2 == 0)
print(next(evens), next(it), next(evens), list(it), list(evens))
