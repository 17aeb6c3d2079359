# An uncaught KeyboardInterrupt (a BaseException, not an Exception): traceback, then CPython exits by SIGINT (status 130).
def handler():
    try:
        raise KeyboardInterrupt
    except Exception:
        print("not caught by except Exception")

print("start")
handler()
