# The headline seed loop (smaller count): a hot while loop that calls a function each iteration.
def f(): return 1
def main():
    i = 100000
    while i: i -= f()
    print(i)
main()
