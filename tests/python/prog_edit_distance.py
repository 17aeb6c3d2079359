# Dynamic programming on strings: edit distance with the edit script, and longest common subsequence.
def edit_distance(a, b):
    rows, cols = len(a) + 1, len(b) + 1
    d = [[0] * cols for _ in range(rows)]
    for i in range(rows):
        d[i][0] = i
    for j in range(cols):
        d[0][j] = j
    for i in range(1, rows):
        for j in range(1, cols):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
    ops = []
    i, j = len(a), len(b)
    while i or j:
        if i and j and d[i][j] == d[i - 1][j - 1] + (a[i - 1] != b[j - 1]):
            if a[i - 1] != b[j - 1]:
                ops.append("sub %s->%s" % (a[i - 1], b[j - 1]))
            i, j = i - 1, j - 1
        elif i and d[i][j] == d[i - 1][j] + 1:
            ops.append("del " + a[i - 1])
            i -= 1
        else:
            ops.append("ins " + b[j - 1])
            j -= 1
    return d[-1][-1], ops[::-1]
def lcs(a, b):
    prev = [""] * (len(b) + 1)
    for ca in a:
        cur = [""]
        for j, cb in enumerate(b):
            if ca == cb:
                cur.append(prev[j] + ca)
            else:
                cur.append(max(prev[j + 1], cur[j], key=len))
        prev = cur
    return prev[-1]
pairs = [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("same", "same"), ("intention", "execution"),
         ("héllo", "hello"), ("abcdefghij" * 3, "acegi" * 5)]
for a, b in pairs:
    dist, ops = edit_distance(a, b)
    print(repr(a), repr(b), dist, ops[:6], repr(lcs(a, b)))
