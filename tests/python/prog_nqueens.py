# N-queens: count all solutions for n = 1..8 by backtracking, and print the first solution for n = 6.
def solve(n):
    cols = [False] * n
    diag1 = [False] * (2 * n)
    diag2 = [False] * (2 * n)
    placement = [0] * n
    solutions = []
    def place(row):
        if row == n:
            solutions.append(placement[:])
            return
        for c in range(n):
            if cols[c] or diag1[row + c] or diag2[row - c + n]:
                continue
            cols[c] = diag1[row + c] = diag2[row - c + n] = True
            placement[row] = c
            place(row + 1)
            cols[c] = diag1[row + c] = diag2[row - c + n] = False
    place(0)
    return solutions

for n in range(1, 9):
    sols = solve(n)
    print(n, len(sols), sols[0] if sols else None)
first = solve(6)[0]
for r in range(6):
    print(" ".join("Q" if first[r] == c else "." for c in range(6)))
