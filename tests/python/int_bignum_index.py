# Big integers where a machine index is expected: indexing, repetition, slicing and range bounds.
a = [1, 2, 3]
print(a[:2**70], a[-2**70:], a[2**70:], "hello"[1:2**100], "hello"[-2**65:2], a[::2**64])
print(range(2**70)[2**69], range(0, 2**80, 2**70)[5], (2**70 - 1) in range(2**70), range(-2**70, 0)[-1])
print(a[2 - 2**0], a[True], a[-1 + 2**0 - 1])
tests = [
    lambda: a[2**70],
    lambda: a[-2**70],
    lambda: "ab" * 2**70,
    lambda: [0] * 2**70,
    lambda: "abc"[2**64],
    lambda: chr(2**70),
    lambda: (1, 2)[2**63],
]
for t in tests:
    try:
        print(t())
    except (IndexError, OverflowError, MemoryError, ValueError) as e:
        print(type(e).__name__ + ":", e)
