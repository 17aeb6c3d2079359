# NameError with 3.11's "Did you mean" suggestion (shown only in the traceback, not in str(e)).
def compute():
    length = 10
    width = 3
    try:
        return lenght * width
    except NameError as e:
        print("str(e):", e)
    return lenght * width

compute()
