# An uncaught MemoryError from inside a function: the traceback shows both
# frames, the message is bare "MemoryError", the status 1; output printed
# before it is kept.
def build(n):
    row = "-" * n
    print("row of", len(row))
    return [row] * (2**60 + n)

for n in (3, 5):
    try:
        build(n)
    except MemoryError as e:
        print("caught", type(e).__name__, e.args)
build(7)
print("not reached")
