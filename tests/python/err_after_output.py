# Output printed before an uncaught exception is kept; stdout and stderr are separate.
import sys
for i in range(5):
    print("line", i)
print("warning on stderr", file=sys.stderr)
items = {"a": [1, 2, 3]}
print(items["a"][1])
print(items["a"][10])
