# Lists as stacks and queues in hot loops: balanced brackets and a BFS over a grid.
def balanced(s):
    stack = []
    pairs = {")": "(", "]": "[", "}": "{"}
    for ch in s:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack
for s in ("([]{})", "([)]", "((((", "", "{[()()]}" * 50, "}"):
    print(len(s), balanced(s))
rows = ["S..#......", ".#.#.####.", ".#...#....", ".####.#.#.", "......#.#E"]
h, w = len(rows), len(rows[0])
dist = [[-1] * w for _ in range(h)]
queue = [(0, 0)]
dist[0][0] = 0
head = 0
while head < len(queue):
    r, c = queue[head]
    head += 1
    for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < h and 0 <= nc < w and rows[nr][nc] != "#" and dist[nr][nc] < 0:
            dist[nr][nc] = dist[r][c] + 1
            queue.append((nr, nc))
print(dist[h - 1][w - 1], head)
for row in dist:
    print(" ".join("%2d" % d for d in row))
