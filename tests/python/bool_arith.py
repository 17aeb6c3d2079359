# bool is a subclass of int: arithmetic, printing and identity of True/False.
print(True, False, True + True, True * 10, -True, ~True, True / 2, False ** 0)
print(True & False, True | False, True ^ True, True & 3, False | 4)
print(str(True), repr(False), int(True), float(False), bool(1), bool(0), bool(-1))
print(isinstance(True, int), isinstance(1, bool), type(True), type(True + 1))
print(True == 1, False == 0, True is True, (1 == 1) is True, not True, not 0)
print(sum([True, True, False, True]), [1, 2, 3].count(True), {True: "a", 1: "b"})
print(True < 2, max(True, False), sorted([True, False, 0, 1]), abs(True))
print(hash(True), hash(False), f"{True}", "%d %s" % (True, False), "{}".format(True))
