# An exception raised in finally while another propagates: the first becomes the context.
def work():
    try:
        raise KeyError("during work")
    finally:
        print("cleaning up")
        raise OSError("cleanup failed")

work()
