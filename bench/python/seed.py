# The seed loop: a call in a hot loop (the headline case without coverage).
def f():
    return 1


def main():
    i = 10000000
    while i:
        i -= f()
    print(i)


main()
