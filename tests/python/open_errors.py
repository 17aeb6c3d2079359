# File errors: opening a missing file, a bad mode, using a closed file, writing a read-only file.
try:
    open("/tmp/mtpy-test-open_errors-missing/none.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e, e.args, isinstance(e, OSError))
try:
    open("no_such_file.txt")
except OSError as e:
    print(type(e).__name__ + ":", e)
path = "/tmp/mtpy-test-open_errors.txt"
f = open(path, "w")
f.write("data\n")
f.close()
try:
    f.write("more")
except ValueError as e:
    print("ValueError:", e)
f = open(path)
try:
    f.write("x")
except OSError as e:
    print("OSError:", e)
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
try:
    open(path, "q")
except ValueError as e:
    print("ValueError:", e)
try:
    f = open(path, "w")
    f.write(5)
except TypeError as e:
    print("TypeError:", e)
f.close()
