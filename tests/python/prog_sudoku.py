# A Sudoku solver with constraint propagation (naked singles) plus backtracking.
PUZZLE = ("53..7...."
          "6..195..."
          ".98....6."
          "8...6...3"
          "4..8.3..1"
          "7...2...6"
          ".6....28."
          "...419..5"
          "....8..79")
def parse(s):
    return [0 if ch == "." else int(ch) for ch in s]
def candidates(board, i):
    r, c = divmod(i, 9)
    used = set()
    for k in range(9):
        used.add(board[r * 9 + k])
        used.add(board[k * 9 + c])
    br, bc = r - r % 3, c - c % 3
    for dr in range(3):
        for dc in range(3):
            used.add(board[(br + dr) * 9 + bc + dc])
    return [v for v in range(1, 10) if v not in used]
stats = {"guesses": 0, "forced": 0}
def solve(board):
    progress = True
    while progress:
        progress = False
        for i in range(81):
            if board[i] == 0:
                cands = candidates(board, i)
                if not cands:
                    return None
                if len(cands) == 1:
                    board[i] = cands[0]
                    stats["forced"] += 1
                    progress = True
    empties = [i for i in range(81) if board[i] == 0]
    if not empties:
        return board
    best = min(empties, key=lambda i: len(candidates(board, i)))
    for v in candidates(board, best):
        stats["guesses"] += 1
        trial = board[:]
        trial[best] = v
        result = solve(trial)
        if result:
            return result
    return None
solution = solve(parse(PUZZLE))
for r in range(9):
    row = solution[r * 9:(r + 1) * 9]
    print(" ".join(str(v) for v in row[:3]), "|", " ".join(str(v) for v in row[3:6]), "|", " ".join(str(v) for v in row[6:]))
print(stats)
ok = all(sorted(solution[r * 9:(r + 1) * 9]) == list(range(1, 10)) for r in range(9))
ok = ok and all(sorted(solution[c::9]) == list(range(1, 10)) for c in range(9))
print("valid", ok)
