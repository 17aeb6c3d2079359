# else runs only without an exception; finally always runs, in order.
def run(fail):
    log = []
    try:
        log.append("try")
        if fail:
            raise ValueError("boom")
    except ValueError as e:
        log.append("except " + str(e))
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log
print(run(False))
print(run(True))
def ret_in_try():
    try:
        return "from try"
    finally:
        print("finally before return")
print(ret_in_try())
def else_raises():
    try:
        pass
    except ValueError:
        return "caught in except"
    else:
        raise KeyError("from else")
    finally:
        print("finally after else")
try:
    else_raises()
except KeyError as e:
    print("caught", e)
count = 0
for i in range(1000):
    try:
        if i % 7 == 0:
            raise IndexError(i)
        count += 1
    except IndexError:
        count -= 1
    else:
        count += 2
    finally:
        count += 1
print(count)
