# A hand-written tokenizer for a small C-like language: numbers, names, strings, operators, comments.
KEYWORDS = {"if", "else", "while", "return", "fn", "let"}
OPERATORS = ["==", "!=", "<=", ">=", "&&", "||", "->", "+", "-", "*", "/", "%", "=", "<", ">", "!",
             "(", ")", "{", "}", ",", ";"]

def tokenize(src):
    tokens = []
    i = 0
    line = 1
    n = len(src)
    while i < n:
        ch = src[i]
        if ch == "\n":
            line += 1
            i += 1
        elif ch in " \t\r":
            i += 1
        elif ch == "/" and i + 1 < n and src[i + 1] == "/":
            while i < n and src[i] != "\n":
                i += 1
        elif ch.isdigit():
            start = i
            while i < n and (src[i].isdigit() or src[i] == "."):
                i += 1
            text = src[start:i]
            value = float(text) if "." in text else int(text)
            tokens.append(("NUMBER", value, line))
        elif ch.isalpha() or ch == "_":
            start = i
            while i < n and (src[i].isalnum() or src[i] == "_"):
                i += 1
            word = src[start:i]
            kind = "KEYWORD" if word in KEYWORDS else "NAME"
            tokens.append((kind, word, line))
        elif ch == '"':
            i += 1
            chars = []
            while i < n and src[i] != '"':
                if src[i] == "\\" and i + 1 < n:
                    esc = src[i + 1]
                    chars.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(esc, esc))
                    i += 2
                else:
                    chars.append(src[i])
                    i += 1
            if i >= n:
                raise SyntaxError("unterminated string on line " + str(line))
            i += 1
            tokens.append(("STRING", "".join(chars), line))
        else:
            for op in OPERATORS:
                if src.startswith(op, i):
                    tokens.append(("OP", op, line))
                    i += len(op)
                    break
            else:
                raise SyntaxError("unexpected character " + repr(ch) + " on line " + str(line))
    tokens.append(("EOF", None, line))
    return tokens

PROGRAM = '''
// compute things
fn fact(n) -> {
    if (n <= 1) { return 1; }
    return n * fact(n - 1);
}
let x = 3.25 * (2 + 10) % 7;
let s = "tab\\there \\"quoted\\"";
while (x != 0 && !done) { x = x - 1; }
'''

tokens = tokenize(PROGRAM)
for kind, value, line in tokens:
    print(line, kind, repr(value))
counts = {}
for kind, _, _ in tokens:
    counts[kind] = counts.get(kind, 0) + 1
print(counts)
for bad in ('let s = "open', "let a = 5 @ 3;"):
    try:
        tokenize(bad)
    except SyntaxError as e:
        print("SyntaxError:", e)
big = "let v = a + b * 123;\n" * 200
print(len(tokenize(big)))
