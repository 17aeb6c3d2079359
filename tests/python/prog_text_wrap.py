# Text formatting by hand: greedy word wrap, full justification, centering and a boxed paragraph.
TEXT = ("Meta-tracing JIT compilers trace the interpreter rather than the user program. "
        "The interpreter author writes an ordinary interpreter loop with a few hints, and the "
        "framework records what the interpreter does while it runs a hot loop of the user's "
        "program, optimizes the recorded trace, and turns it into machine code.")

def wrap(text, width):
    lines = []
    current = []
    length = 0
    for word in text.split():
        if current and length + 1 + len(word) > width:
            lines.append(current)
            current = []
            length = 0
        if current:
            length += 1
        current.append(word)
        length += len(word)
    if current:
        lines.append(current)
    return lines

def justify(words, width):
    if len(words) == 1:
        return words[0].ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    base, extra = divmod(spaces, gaps)
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (base + (1 if i < extra else 0))
    return out + words[-1]

for width in (30, 45):
    lines = wrap(TEXT, width)
    print("width", width, "lines", len(lines))
    for words in lines[:-1]:
        print("|" + justify(words, width) + "|")
    print("|" + " ".join(lines[-1]).ljust(width) + "|")
print()
title = "A Boxed Title"
box_width = 40
print("+" + "-" * box_width + "+")
print("|" + title.center(box_width) + "|")
print("+" + "=" * box_width + "+")
for words in wrap(TEXT, box_width - 2):
    print("| " + " ".join(words).ljust(box_width - 2) + " |")
print("+" + "-" * box_width + "+")
