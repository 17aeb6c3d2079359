# A Brainfuck interpreter in Python with precomputed jumps, running hello world and a small loop program.
def run(code, data=""):
    jumps = {}
    stack = []
    for i, c in enumerate(code):
        if c == "[":
            stack.append(i)
        elif c == "]":
            j = stack.pop()
            jumps[i] = j
            jumps[j] = i
    tape = [0] * 300
    ptr = pc = 0
    inp = 0
    out = []
    steps = 0
    while pc < len(code):
        c = code[pc]
        if c == "+":
            tape[ptr] = (tape[ptr] + 1) % 256
        elif c == "-":
            tape[ptr] = (tape[ptr] - 1) % 256
        elif c == ">":
            ptr += 1
        elif c == "<":
            ptr -= 1
        elif c == ".":
            out.append(chr(tape[ptr]))
        elif c == ",":
            tape[ptr] = ord(data[inp]) if inp < len(data) else 0
            inp += 1
        elif c == "[" and tape[ptr] == 0:
            pc = jumps[pc]
        elif c == "]" and tape[ptr] != 0:
            pc = jumps[pc]
        pc += 1
        steps += 1
    return "".join(out), steps
hello = "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++."
print(run(hello))
reverse = ">,[>,]<[.<]"
print(run(reverse, "metatrace"))
add = ",>,[<+>-]<."
out, steps = run(add, chr(30) + chr(35))
print(ord(out), steps)
