# sys.exit(0) exits with status 0, skipping the rest of the program.
import sys
print("start")
sys.exit(0)
print("unreachable")
