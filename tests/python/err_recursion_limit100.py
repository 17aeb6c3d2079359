# After sys.setrecursionlimit(100), recursion fails much earlier; the caught depth shows where.
import sys
sys.setrecursionlimit(100)
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print("caught at depth", depth(0))
def walk(n):
    return [walk(n + 1)]
walk(0)
