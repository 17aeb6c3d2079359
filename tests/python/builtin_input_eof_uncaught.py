# input() at end of input with nothing to read raises EOFError, here uncaught.
print("reading")
line = input("prompt> ")
print("never printed", line)
