# Hot recursive calls: naive Fibonacci, a recursive sum over a nested list, and memoized partitions.
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(n) for n in range(20)])
def nested_sum(x):
    if isinstance(x, list):
        total = 0
        for item in x:
            total += nested_sum(item)
        return total
    return x
tree = [i if i % 3 else [i, [i + 1, [i + 2]]] for i in range(300)]
print(nested_sum(tree))
memo = {}
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    key = (n, k)
    if key not in memo:
        memo[key] = partitions(n - k, k) + partitions(n, k - 1)
    return memo[key]
print(partitions(100, 100), partitions(200, 200), len(memo))
