# sys.getrecursionlimit and sys.setrecursionlimit, and how deep recursion can go under each.
import sys
print(sys.getrecursionlimit())
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth(0))
sys.setrecursionlimit(200)
print(sys.getrecursionlimit(), depth(0))
sys.setrecursionlimit(3000)
print(sys.getrecursionlimit(), depth(0))
sys.setrecursionlimit(1000)
def sum_to(n):
    return 0 if n == 0 else n + sum_to(n - 1)
print(sum_to(900))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
