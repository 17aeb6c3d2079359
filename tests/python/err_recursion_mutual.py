# Mutual recursion without a base case (limit lowered to 40): the traceback alternates between two functions.
import sys
sys.setrecursionlimit(40)
def ping(n):
    return pong(n + 1)

def pong(n):
    return ping(n + 1)

ping(0)
