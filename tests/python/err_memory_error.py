# Allocating an impossibly large list raises MemoryError instead of crashing; caught, then uncaught.
try:
    big = [0] * (2**62)
except MemoryError as e:
    print("MemoryError caught:", repr(e))
try:
    big = "ab" * (2**62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__, "caught:", e)
print("still running")
huge = [None] * (2**61)
