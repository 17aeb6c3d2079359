# sys.exit(3) ends the program with status 3 and no traceback; finally blocks still run.
import sys
print("before exit")
try:
    sys.exit(3)
finally:
    print("finally on the way out")
print("never printed")
