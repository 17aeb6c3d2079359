# next() on an exhausted iterator without a default: uncaught StopIteration.
it = iter([1, 2])
print(next(it))
print(next(it))
print(next(it))
