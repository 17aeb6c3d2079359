# round(): half-to-even for ints and floats, ndigits positive and negative, float representation effects.
for v in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.4999999999999999, 2.675, 1.005, 0.125, 0.375):
    print(v, round(v), round(v, 2), type(round(v)))
print(round(1234.5678, 1), round(1234.5678, -1), round(1234.5678, -2), round(1234.5678, 0))
print(round(250, -2), round(350, -2), round(-250, -2), round(12345, -1), round(15, -1), round(25, -1))
print(round(7, 2), round(-7), round(2**70 + 1, -1), round(5e-324, 3), round(1e20, -19))
print(round(float("inf"), 2), round(float("nan"), 1), round(-0.0), round(-0.0, 1))
for text in ("inf", "nan"):
    try:
        round(float(text))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
