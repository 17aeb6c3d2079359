# Dijkstra's shortest paths with a hand-written binary heap over a generated weighted grid.
def heap_push(heap, item):
    heap.append(item)
    i = len(heap) - 1
    while i > 0:
        parent = (i - 1) // 2
        if heap[parent] <= heap[i]:
            break
        heap[parent], heap[i] = heap[i], heap[parent]
        i = parent

def heap_pop(heap):
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    heap[0] = last
    i = 0
    n = len(heap)
    while True:
        left = 2 * i + 1
        right = left + 1
        smallest = i
        if left < n and heap[left] < heap[smallest]:
            smallest = left
        if right < n and heap[right] < heap[smallest]:
            smallest = right
        if smallest == i:
            return top
        heap[i], heap[smallest] = heap[smallest], heap[i]
        i = smallest

N = 15
weights = [[(r * 31 + c * 17) % 9 + 1 for c in range(N)] for r in range(N)]

def neighbors(r, c):
    out = []
    for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < N and 0 <= nc < N:
            out.append((nr, nc))
    return out

def dijkstra(start):
    dist = {start: 0}
    prev = {}
    heap = [(0, start)]
    while heap:
        d, node = heap_pop(heap)
        if d > dist[node]:
            continue
        for nxt in neighbors(*node):
            nd = d + weights[nxt[0]][nxt[1]]
            if nd < dist.get(nxt, 10**9):
                dist[nxt] = nd
                prev[nxt] = node
                heap_push(heap, (nd, nxt))
    return dist, prev

dist, prev = dijkstra((0, 0))
goal = (N - 1, N - 1)
path = [goal]
while path[-1] != (0, 0):
    path.append(prev[path[-1]])
path.reverse()
print(dist[goal], len(path), path[:6])
print(max(dist.values()), sum(dist.values()), len(dist))
grid = [["."] * N for _ in range(N)]
for r, c in path:
    grid[r][c] = "*"
for row_w, row_g in zip(weights, grid):
    print("".join(str(w) for w in row_w), "".join(row_g))
h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heap_push(h, x)
print([heap_pop(h) for _ in range(7)])
