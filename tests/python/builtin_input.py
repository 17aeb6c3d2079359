# input(): prompts go to stdout, lines come from stdin without the newline; EOFError at the end.
name = input("name? ")
print("hello, " + name)
n = int(input())
total = 0
for _ in range(n):
    total += int(input())
print("sum:", total)
words = input("words: ").split()
print(len(words), words)
print(repr(input()))
print(repr(input("spaces: ")))
try:
    input("one more? ")
except EOFError as e:
    print("EOFError:", e)
