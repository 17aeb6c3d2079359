# divmod and pow (two and three arguments) with ints, floats, negatives and bignums.
for a, b in ((17, 5), (-17, 5), (17, -5), (-17, -5), (2**70, 12345), (-2**70, 12345), (7.5, 2), (-7.5, 2), (1, 2**80)):
    print(a, b, divmod(a, b))
print(pow(2, 10), pow(2, -2), pow(2.5, 2), pow(-2, 3), pow(0, 0), pow(2, 0.5), pow(10, 20))
print(pow(7, 128, 13), pow(2, 10**6, 10**9 + 7), pow(-7, 3, 5), pow(7, -2, 11), pow(5, 0, 1), pow(5, 0, 7))
print(pow(2**100, 2**100, 10**20 + 39), pow(3, 1000, 2**64) == (3**1000) % 2**64)
for bad in (lambda: pow(2, 3, 0), lambda: pow(2, -1, 4), lambda: pow(2.0, 3, 5), lambda: divmod(1, 0), lambda: divmod(1.0, 0.0)):
    try:
        print(bad())
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)
