# Requests larger than any machine's address space raise MemoryError at once
# (or OverflowError past an index-sized integer, as CPython); caught, the
# program goes on.
def attempt(label, make):
    try:
        make()
        print(label, "-> made")
    except (MemoryError, OverflowError) as e:
        print(label, "->", type(e).__name__, repr(e))

attempt("[0] * 10**15", lambda: [0] * 10**15)
attempt("[None, 1] * 2**62", lambda: [None, 1] * 2**62)
attempt("[0] * 2**63", lambda: [0] * 2**63)
attempt("'a' * 2**50", lambda: 'a' * 2**50)
attempt("'ab' * 2**62", lambda: 'ab' * 2**62)
attempt("'a' * 2**63", lambda: 'a' * 2**63)
attempt("(0,) * 2**47", lambda: (0,) * 2**47)
attempt("bytes(10**15)", lambda: bytes(10**15))
attempt("bytes(2**63)", lambda: bytes(2**63))
attempt("b'x' * 2**50", lambda: b'x' * 2**50)
attempt("'x'.ljust(10**15)", lambda: 'x'.ljust(10**15))
attempt("'x'.center(10**15)", lambda: 'x'.center(10**15))
attempt("'7'.zfill(10**15)", lambda: '7'.zfill(10**15))
attempt("'a\\tb'.expandtabs(2**31)", lambda: 'a\tb'.expandtabs(2**31))
attempt("format(1, '1000000000000000')", lambda: format(1, '1000000000000000'))
attempt("1 << 2**50", lambda: 1 << 2**50)

x = [1, 2, 3]
try:
    x *= 2**47
except MemoryError:
    print("x *= 2**47 -> MemoryError; x is still", x)
s = "ab"
try:
    s *= 2**50
except MemoryError:
    print("s *= 2**50 -> MemoryError; s is still", s)

total = 0
for i in range(300):
    try:
        junk = [i] * (2**50 + i)
    except MemoryError:
        total += i
print("caught in a hot loop:", total)
print("done")
