# input() reading a last line that has no trailing newline, and unicode input.
first = input()
print(repr(first), len(first))
last = input()
print(repr(last), len(last))
try:
    input()
except EOFError as e:
    print("EOFError:", repr(e))
