# Huffman coding with a hand-written priority queue and deterministic tie-breaking:
# build the code, encode, decode, and report the compression.
TEXT = "this is an example of a huffman tree, built by hand for a golden test of mtpy"

def push(heap, item):
    heap.append(item)
    i = len(heap) - 1
    while i and heap[(i - 1) // 2][:2] > heap[i][:2]:
        heap[(i - 1) // 2], heap[i] = heap[i], heap[(i - 1) // 2]
        i = (i - 1) // 2

def pop(heap):
    top = heap[0]
    last = heap.pop()
    if heap:
        heap[0] = last
        i = 0
        while True:
            small = i
            for c in (2 * i + 1, 2 * i + 2):
                if c < len(heap) and heap[c][:2] < heap[small][:2]:
                    small = c
            if small == i:
                break
            heap[i], heap[small] = heap[small], heap[i]
            i = small
    return top

freq = {}
for ch in TEXT:
    freq[ch] = freq.get(ch, 0) + 1
heap = []
order = 0
for ch in sorted(freq):
    push(heap, (freq[ch], order, ch))
    order += 1
while len(heap) > 1:
    a = pop(heap)
    b = pop(heap)
    push(heap, (a[0] + b[0], order, (a[2], b[2])))
    order += 1
codes = {}
def assign(node, prefix):
    if isinstance(node, str):
        codes[node] = prefix or "0"
        return
    assign(node[0], prefix + "0")
    assign(node[1], prefix + "1")
tree = heap[0][2]
assign(tree, "")
for ch in sorted(codes, key=lambda c: (len(codes[c]), c)):
    print(repr(ch), freq[ch], codes[ch])
bits = "".join(codes[ch] for ch in TEXT)
print(len(bits), len(TEXT) * 8, "%.3f" % (len(bits) / (len(TEXT) * 8)))
decoded = []
node = tree
for b in bits:
    node = node[0] if b == "0" else node[1]
    if isinstance(node, str):
        decoded.append(node)
        node = tree
print("".join(decoded) == TEXT, bits[:40])
