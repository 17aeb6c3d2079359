# sys.exit(0) and sys.exit(None) exit successfully, skipping the rest of the program.
import sys
print("start")
sys.exit(None if len(sys.argv) == 1 else 0)
print("unreachable")
