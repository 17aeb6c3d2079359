# An uncaught ValueError from int('x') at module level: traceback, message, status 1.
print("about to fail")
value = int("x")
print("never printed", value)
