#!/usr/bin/env python3
"""bf-reference.py — the reference Brainfuck interpreter for mtbf's golden tests.

Usage: scripts/bf-reference.py [--plain] FILE.b      (program input on stdin)

It follows mtbf's semantics exactly, so its output can be stored as a golden
expectation in tests/bf:

  * cells are bytes, wrapping mod 256, all 0 at the start;
  * the tape is unbounded in both directions (grown on demand);
  * ',' at end of input leaves the cell unchanged;
  * every byte other than + - < > [ ] . , is a comment;
  * an unbalanced program does not run: it prints
        mtbf: FILE.b:LINE:COL: unmatched '['      (or ']')
    on stderr and exits with status 2.  LINE and COL are 1-based, COL counts
    bytes.  The first ']' without an open '[' is reported; if there is none,
    the leftmost '[' that is never closed is;
  * a file that cannot be read prints "mtbf: cannot open 'FILE': REASON"
    and exits with status 2.

Speed: a straightforward op-by-op loop in Python is ~100x slower than C, too
slow for the compute-heavy tests, so by default the program (with runs of
+ - < > folded) is translated to a Python function and run with exec.
Python refuses more than ~20 nested blocks, so deeply nested programs fall
back to the op-by-op loop.  --plain forces the op-by-op loop, which is the
easiest code to audit; check-bf-golden --plain cross-checks the two.

A developer tool only: nothing in the build or in CI needs Python.
"""
import os
import sys

PROG = "mtbf"
COMMANDS = b"+-<>[].,"


class BracketError(Exception):
    def __init__(self, line, col, bracket):
        super().__init__(f"{line}:{col}: unmatched '{bracket}'")
        self.line, self.col, self.bracket = line, col, bracket


def check_brackets(src):
    """Raise BracketError for the bracket mtbf reports, if any."""
    open_stack = []          # (line, col) of each '[' not yet closed
    line, col = 1, 0
    for byte in src:
        col += 1
        if byte == ord("\n"):
            line, col = line + 1, 0
        elif byte == ord("["):
            open_stack.append((line, col))
        elif byte == ord("]"):
            if not open_stack:
                raise BracketError(line, col, "]")   # first stray ']' wins
            open_stack.pop()
    if open_stack:
        raise BracketError(*open_stack[0], "[")     # leftmost unclosed '['


# Op codes of the folded program: (op, arg).
ADD, MOVE, OUT, IN, OPEN, CLOSE = range(6)


def parse(src):
    """Fold runs of +- and <> and link brackets (program must be balanced)."""
    ops = []
    stack = []
    for byte in src:
        ch = chr(byte)
        if ch in "+-":
            delta = 1 if ch == "+" else -1
            if ops and ops[-1][0] == ADD:
                ops[-1][1] += delta
            else:
                ops.append([ADD, delta])
        elif ch in "<>":
            delta = 1 if ch == ">" else -1
            if ops and ops[-1][0] == MOVE:
                ops[-1][1] += delta
            else:
                ops.append([MOVE, delta])
        elif ch == ".":
            ops.append([OUT, 0])
        elif ch == ",":
            ops.append([IN, 0])
        elif ch == "[":
            stack.append(len(ops))
            ops.append([OPEN, None])
        elif ch == "]":
            start = stack.pop()
            ops[start][1] = len(ops)      # OPEN jumps past the matching CLOSE
            ops.append([CLOSE, start])    # CLOSE jumps back past the OPEN
    # Folding can leave zero-effect ops (e.g. "+-"); they are harmless.
    return [(op, arg % 256 if op == ADD else arg) for op, arg in ops]


class Tape:
    """A bytearray that grows at either end; `pos` indexes into it."""

    def __init__(self):
        self.cells = bytearray(64)
        self.origin = 32

    def grow_right(self, pos):
        cells = self.cells
        cells.extend(bytes(max(len(cells), pos + 1 - len(cells))))

    def grow_left(self, pos):
        """pos < 0: prepend zeros; returns pos shifted into the new array."""
        cells = self.cells
        extra = max(len(cells), -pos)
        cells[0:0] = bytes(extra)
        self.origin += extra
        return pos + extra


class IO:
    def __init__(self):
        self.out = bytearray()
        self.stdin = sys.stdin.buffer

    def read(self):
        """One byte of input, or None at end of input."""
        self.flush()              # a prompt must appear before blocking
        data = self.stdin.read(1)
        return data[0] if data else None

    def flush(self):
        if self.out:
            sys.stdout.buffer.write(self.out)
            self.out.clear()
        sys.stdout.buffer.flush()


def run_plain(ops, tape, io):
    """The op-by-op interpreter: the semantics, in the plainest form."""
    cells = tape.cells
    pos = tape.origin
    pc = 0
    n = len(ops)
    while pc < n:
        op, arg = ops[pc]
        if op == ADD:
            cells[pos] = (cells[pos] + arg) & 255
        elif op == MOVE:
            pos += arg
            if pos >= len(cells):
                tape.grow_right(pos)
            elif pos < 0:
                pos = tape.grow_left(pos)
        elif op == OUT:
            io.out.append(cells[pos])
        elif op == IN:
            byte = io.read()
            if byte is not None:          # EOF leaves the cell unchanged
                cells[pos] = byte
        elif op == OPEN:
            if cells[pos] == 0:
                pc = arg
        elif op == CLOSE:
            if cells[pos] != 0:
                pc = arg
        pc += 1


def translate(ops):
    """Python source for a function run(t, tape, io) equivalent to ops.

    Only loops open blocks (moves and input use expressions), so the nesting
    depth of the Python code is the bracket depth."""
    lines = ["def run(t, tape, io):",
             " p = tape.origin",
             " o = io.out.append",
             " rd = io.read",
             " gr = tape.grow_right",
             " gl = tape.grow_left"]
    depth = 1
    for op, arg in ops:
        ind = " " * depth
        if op == ADD:
            if arg:
                lines.append(f"{ind}t[p] = (t[p] + {arg}) & 255")
        elif op == MOVE:
            if arg > 0:
                lines.append(f"{ind}p += {arg}")
                lines.append(f"{ind}p < len(t) or gr(p)")
            elif arg < 0:
                lines.append(f"{ind}p -= {-arg}")
                lines.append(f"{ind}p = p if p >= 0 else gl(p)")
        elif op == OUT:
            lines.append(f"{ind}o(t[p])")
        elif op == IN:
            lines.append(f"{ind}c = rd()")
            lines.append(f"{ind}t[p] = t[p] if c is None else c")
        elif op == OPEN:
            lines.append(f"{ind}while t[p]:")
            depth += 1
        elif op == CLOSE:
            lines.append(f"{ind}pass")    # keeps an empty loop body valid
            depth -= 1
    lines.append(" pass")
    return "\n".join(lines) + "\n"


def run_translated(ops, tape, io):
    """Run via translate(); False if Python cannot compile it (too deep)."""
    try:
        code = compile(translate(ops), "<bf>", "exec")
    except (SyntaxError, RecursionError, MemoryError):
        return False
    namespace = {}
    exec(code, namespace)
    namespace["run"](tape.cells, tape, io)
    return True


def main(argv):
    args = argv[1:]
    plain = False
    if args and args[0] == "--plain":
        plain = True
        args = args[1:]
    if len(args) != 1:
        sys.stderr.write("usage: bf-reference.py [--plain] FILE.b\n")
        return 2
    path = args[0]
    try:
        with open(path, "rb") as f:
            src = f.read()
    except OSError as e:
        sys.stderr.write(f"{PROG}: cannot open '{path}': "
                         f"{os.strerror(e.errno) if e.errno else e}\n")
        return 2
    try:
        check_brackets(src)
    except BracketError as e:
        sys.stderr.write(f"{PROG}: {path}:{e}\n")
        return 2
    ops = parse(src)
    tape = Tape()
    io = IO()
    if plain or not run_translated(ops, tape, io):
        run_plain(ops, tape, io)
    io.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
