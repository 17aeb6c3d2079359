# True division of ints gives correctly rounded floats, even for big operands.
print(7 / 2, -7 / 2, 6 / 3, 1 / 3, 2 / 3, -1 / 3, 0 / 5, 10 / 4)
print(10**30 / 3, 2**1000 / 2**999, (2**64 + 1) / 2, 2**53 / 3)
print((10**400) / (10**399), 1 / 10**300, 10**310 // 10**300 / 7)
print(9007199254740993 / 1, 2**63 / 2**62, -(2**70) / 3)
try:
    print(10**400 / 3)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(5 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(5 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(5 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(divmod(2**70, 0))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
