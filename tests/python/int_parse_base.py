# int() with a base: prefixes, base 0, base 36, whitespace, underscores and the error messages.
print(int("  12  "), int("-12"), int("+12"), int("1_000_000"))
print(int("z", 36), int("Z", 36), int("zz", 36), int("10", 2), int("777", 8))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0o17", 8), int("0b101", 2))
print(int("0x1F", 0), int("0o17", 0), int("0b11", 0), int("123", 0), int("0", 0))
print(int("-0x10", 16), int("  -0b11  ", 0), int("1_0", 0), int("10", base=3))
print(int(3.99), int(-3.99), int(True), int(False), int(1e20))
print(int("123456789abcdef", 16), int("helloworld", 36))
for text, base in (("x", 10), ("12a", 10), ("", 10), ("1__0", 10), ("_1", 10),
                   ("08", 0), ("9", 8), ("0x", 16), ("1.5", 10), ("  ", 10)):
    try:
        print(int(text, base))
    except ValueError as e:
        print("ValueError:", e)
for base in (1, 37, -1):
    try:
        print(int("1", base))
    except ValueError as e:
        print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int("5", 10.0)
except TypeError as e:
    print("TypeError:", e)
