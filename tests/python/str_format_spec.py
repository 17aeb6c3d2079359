# Format specs for strings and numbers: fill, align, sign, width, precision, grouping, type.
print("[{:<6}] [{:>6}] [{:^6}] [{:*^7}] [{:.2}] [{:6.3}] [{:_<4}]".format("ab", "ab", "ab", "ab", "abcdef", "abcdef", ""))
print("[{:5}] [{:<5}] [{:^5}] [{:+}] [{:+}] [{: }] [{:-}] [{:=6}] [{:0=6}]".format(42, 42, 42, 42, -42, 42, 42, -42, -42))
print("[{:06.2f}] [{:+08.3f}] [{:,}] [{:,.3f}] [{:_d}] [{:e}] [{:.0e}] [{:G}]".format(3.14159, 2.5, 10**9, 1234.5, 10**6, 0.000123, 5e10, 1e-10))
print("[{:%}] [{:.0%}] [{:>8.1%}] [{:#x}] [{:#X}] [{:#o}] [{:#b}] [{:o}]".format(0.5, 1 / 3, 0.125, 3054, 3054, 8, 10, 64))
print("[{:d}] [{:5d}] [{:<5d}] [{:c}] [{:s}] [{:>3s}] [{:n}]".format(True, -3, 7, 65, "s", "s", 1234))
for spec in ("<10", ">10", "^10", "=+10", "010", "+.3e", ",.2f", ".5g", "#.5g", "x", "%"):
    try:
        print(spec, "[" + ("{:" + spec + "}").format(12.5 if spec not in ("x",) else 255) + "]")
    except ValueError as e:
        print(spec, "ValueError:", e)
try:
    "{:d}".format("s")
except ValueError as e:
    print("ValueError:", e)
try:
    "{:d}".format(1.5)
except ValueError as e:
    print("ValueError:", e)
