# Order of finally blocks when exceptions and returns pass through nested functions and loops.
def inner():
    try:
        print("inner try")
        raise ValueError("deep")
    finally:
        print("inner finally")
def middle():
    try:
        inner()
    finally:
        print("middle finally")
def outer():
    try:
        middle()
    except ValueError as e:
        print("outer caught", e)
    finally:
        print("outer finally")
outer()
def loop():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("finally", i)
    print("loop done")
loop()
def nested_finally():
    try:
        try:
            return "value"
        finally:
            print("first finally")
    finally:
        print("second finally")
print(nested_finally())
