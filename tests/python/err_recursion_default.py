# Unbounded recursion hits the default limit (1000): RecursionError with a repeated-line summary.
def countdown(n):
    return countdown(n - 1) + 1

print("start")
countdown(10)
