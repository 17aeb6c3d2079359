# A small interpreter: tokenizer, recursive-descent parser to tuples, and an evaluator with
# variables, while loops, if/else and print, run on a few programs.
def tokenize(src):
    toks = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            toks.append(("num", int(src[i:j])))
            i = j
        elif c.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            toks.append(("id", src[i:j]))
            i = j
        elif src[i:i + 2] in ("==", "!=", "<=", ">="):
            toks.append(("op", src[i:i + 2]))
            i += 2
        else:
            toks.append(("op", c))
            i += 1
    toks.append(("end", None))
    return toks

def parse(src):
    toks = tokenize(src)
    pos = [0]
    def peek():
        return toks[pos[0]]
    def take(expected=None):
        tok = toks[pos[0]]
        if expected is not None and tok[1] != expected:
            raise SyntaxError("expected " + repr(expected) + " but found " + repr(tok[1]))
        pos[0] += 1
        return tok
    def block():
        take("{")
        stmts = []
        while peek()[1] != "}":
            stmts.append(statement())
        take("}")
        return ("block", stmts)
    def statement():
        kind, val = peek()
        if val == "while":
            take()
            cond = expr()
            return ("while", cond, block())
        if val == "if":
            take()
            cond = expr()
            then = block()
            other = ("block", [])
            if peek()[1] == "else":
                take()
                other = block()
            return ("if", cond, then, other)
        if val == "print":
            take()
            e = expr()
            take(";")
            return ("print", e)
        name = take()[1]
        take("=")
        e = expr()
        take(";")
        return ("set", name, e)
    def expr():
        left = arith()
        while peek()[1] in ("<", ">", "==", "!=", "<=", ">="):
            op = take()[1]
            left = ("bin", op, left, arith())
        return left
    def arith():
        left = term()
        while peek()[1] in ("+", "-"):
            op = take()[1]
            left = ("bin", op, left, term())
        return left
    def term():
        left = atom()
        while peek()[1] in ("*", "/", "%"):
            op = take()[1]
            left = ("bin", op, left, atom())
        return left
    def atom():
        kind, val = take()
        if kind == "num":
            return ("num", val)
        if kind == "id":
            return ("var", val)
        if val == "(":
            e = expr()
            take(")")
            return e
        if val == "-":
            return ("bin", "-", ("num", 0), atom())
        raise SyntaxError("unexpected " + repr(val))
    stmts = []
    while peek()[0] != "end":
        stmts.append(statement())
    return ("block", stmts)

OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
       "/": lambda a, b: a // b, "%": lambda a, b: a % b, "<": lambda a, b: int(a < b),
       ">": lambda a, b: int(a > b), "==": lambda a, b: int(a == b), "!=": lambda a, b: int(a != b),
       "<=": lambda a, b: int(a <= b), ">=": lambda a, b: int(a >= b)}

def evaluate(node, env, out):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        if node[1] not in env:
            raise NameError("undefined variable " + node[1])
        return env[node[1]]
    if kind == "bin":
        return OPS[node[1]](evaluate(node[2], env, out), evaluate(node[3], env, out))
    if kind == "set":
        env[node[1]] = evaluate(node[2], env, out)
    elif kind == "print":
        out.append(evaluate(node[1], env, out))
    elif kind == "block":
        for s in node[1]:
            evaluate(s, env, out)
    elif kind == "while":
        while evaluate(node[1], env, out):
            evaluate(node[2], env, out)
    elif kind == "if":
        evaluate(node[2] if evaluate(node[1], env, out) else node[3], env, out)

PROGRAMS = [
    "x = 2 + 3 * 4; print x; print (2 + 3) * 4; print -7 / 2; print -7 % 3;",
    "n = 10; a = 0; b = 1; while n > 0 { t = a + b; a = b; b = t; n = n - 1; } print a;",
    "i = 0; s = 0; while i < 1000 { if i % 3 == 0 { s = s + i; } else { s = s - 1; } i = i + 1; } print s;",
    "n = 97; d = 2; p = 1; while d * d <= n { if n % d == 0 { p = 0; } d = d + 1; } print p;",
    "f = 1; k = 1; while k <= 30 { f = f * k; k = k + 1; } print f;",
    "print y;",
    "x = (1 + 2;",
]
for src in PROGRAMS:
    out = []
    try:
        evaluate(parse(src), {}, out)
        print(out)
    except (SyntaxError, NameError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e, out)
