# Each MemoryError is its own: one raised while handling another exception
# keeps that one as its context, a later one starts with none.
try:
    try:
        1 / 0
    except ZeroDivisionError:
        [0] * 2**60
except MemoryError as e:
    first = e
    print("first:", type(e.__context__).__name__, e.__cause__, e.__suppress_context__)
try:
    "ab" * 2**61
except MemoryError as e:
    print("second:", type(e.__context__).__name__, e.__cause__, e.__suppress_context__)
    print("first still has", type(first.__context__).__name__)
try:
    try:
        {}["k"]
    except KeyError as k:
        raise MemoryError("explicit") from k
except MemoryError as e:
    print("explicit:", e.args, type(e.__cause__).__name__, e.__suppress_context__)
