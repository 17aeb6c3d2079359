# IndentationError: end of file right after a def line, before any indented body.
def f():
