# Reading all of stdin line by line with input() until EOFError, then summarizing.
lines = []
while True:
    try:
        lines.append(input())
    except EOFError:
        break
print(len(lines), "lines")
numbers = []
for line in lines:
    for tok in line.split(","):
        tok = tok.strip()
        if tok:
            numbers.append(int(tok))
print(sum(numbers), min(numbers), max(numbers), sorted(numbers)[:5])
