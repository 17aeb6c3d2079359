# inf, nan and negative zero: printing, arithmetic and comparisons.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, float("-inf"), float("Infinity"), float("-nan"), float("NaN"))
print(inf + 1, inf * -2, inf - inf, inf * 0, 1 / inf, -1 / inf, inf / inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf == inf, inf > 10**400, -inf < -10**400)
print(-0.0, 0.0 == -0.0, str(-0.0), repr(-0.0), 0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, abs(-0.0))
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10, 2.0 ** 1023 * 2)
print(max(1.0, inf), min(-inf, 3), sorted([3.0, inf, -inf, 0.0, -1.5]))
print(int(-0.0), round(-0.4), round(-0.5), -0.0 == 0)
print([nan] == [nan], nan in [nan], inf in [float("inf")])
for text in ("inf", "-inf", "nan", "1e400", "-1e400", "1e-400"):
    print(text, float(text))
