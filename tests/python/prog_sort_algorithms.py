# Hand-written sorting algorithms checked against sorted(): insertion, merge, quick, heap, counting.
def insertion_sort(a):
    a = a[:]
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a
def merge_sort(a):
    if len(a) <= 1:
        return a[:]
    mid = len(a) // 2
    left, right = merge_sort(a[:mid]), merge_sort(a[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    return out + left[i:] + right[j:]
def quick_sort(a):
    if len(a) <= 1:
        return a[:]
    pivot = a[len(a) // 2]
    return quick_sort([x for x in a if x < pivot]) + [x for x in a if x == pivot] + quick_sort([x for x in a if x > pivot])
def heap_sort(a):
    a = a[:]
    n = len(a)
    def sift(start, end):
        root = start
        while 2 * root + 1 < end:
            child = 2 * root + 1
            if child + 1 < end and a[child] < a[child + 1]:
                child += 1
            if a[root] < a[child]:
                a[root], a[child] = a[child], a[root]
                root = child
            else:
                return
    for start in range(n // 2 - 1, -1, -1):
        sift(start, n)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift(0, end)
    return a
def counting_sort(a, lo, hi):
    counts = [0] * (hi - lo + 1)
    for x in a:
        counts[x - lo] += 1
    out = []
    for i, c in enumerate(counts):
        out.extend([i + lo] * c)
    return out
seed = 12345
data = []
for _ in range(400):
    seed = (seed * 1103515245 + 12345) % 2**31
    data.append(seed % 1000 - 500)
expected = sorted(data)
for name, fn in (("insertion", insertion_sort), ("merge", merge_sort), ("quick", quick_sort), ("heap", heap_sort)):
    print(name, fn(data) == expected, fn(data)[:6])
print("counting", counting_sort(data, -500, 499) == expected)
print(merge_sort([]), quick_sort([1]), heap_sort([2, 1]), insertion_sort([3, 3, 1]))
print(expected[:10], expected[-10:])
