# return, break and continue inside finally discard the exception in flight.
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally return"
print(swallow())
def override():
    try:
        return "try"
    finally:
        return "finally"
print(override())
def count_returns():
    n = 0
    for i in range(5):
        try:
            if i % 2:
                raise KeyError(i)
            n += 10
        finally:
            n += 1
            continue
    return n
print(count_returns())
def break_in_finally():
    for i in range(3):
        try:
            raise IndexError("gone")
        finally:
            break
    return "loop broken at " + str(i)
print(break_in_finally())
def value_snapshot():
    x = 1
    try:
        return x
    finally:
        x = 2
print(value_snapshot())
