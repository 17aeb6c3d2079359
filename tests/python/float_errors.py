# Float error messages: division by zero, modulo by zero, overflowing powers.
tests = [lambda: 1.0 / 0, lambda: 1 / 0.0, lambda: 1.0 // 0.0, lambda: 1.0 % 0.0,
         lambda: divmod(1.5, 0), lambda: 10.0 ** 400, lambda: 0.0 ** -1, lambda: 2.0 ** 10000]
for t in tests:
    try:
        print(t())
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__ + ":", e, e.args)
print((-8.0) ** 2, 0.0 ** 0, 1e-300 ** 2)
