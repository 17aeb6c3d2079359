# Conversions between int and float, parsing float strings, and their errors.
print(float(3), float(-7), float(2**100), float("  1.5  "), float("1e3"), float("-.5"), float("1_0.5"))
print(float("+3"), float("1E-3"), float(".5e1"), float("5."), float(True), float(" inf "))
print(int(2.999), int(-2.999), int(1e18), int(1.5e30), int(-0.9), int(float(2**63)))
print(float(2**1024 - 2**971), float(-2**1024 + 2**971 + 1))
for bad in ("x", "", "1.2.3", "1e", "--1", "1_", "0x10"):
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
for v in (float("inf"), float("-inf")):
    try:
        int(v)
    except OverflowError as e:
        print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    float(2**1024)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(2**1024 + 0.5)
except OverflowError as e:
    print("OverflowError:", e)
