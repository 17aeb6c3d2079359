# Matrix arithmetic with nested lists: multiply, transpose, power by squaring, integer determinant,
# and a float Gaussian elimination solve.
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    out = [[0] * p for _ in range(n)]
    for i in range(n):
        row = a[i]
        orow = out[i]
        for k in range(m):
            aik = row[k]
            bk = b[k]
            for j in range(p):
                orow[j] += aik * bk[j]
    return out

def transpose(a):
    return [list(col) for col in zip(*a)]

def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]

def matpow(a, e):
    result = identity(len(a))
    while e:
        if e & 1:
            result = matmul(result, a)
        a = matmul(a, a)
        e >>= 1
    return result

def det(a):
    n = len(a)
    if n == 1:
        return a[0][0]
    total = 0
    for c in range(n):
        minor = [row[:c] + row[c + 1:] for row in a[1:]]
        total += (-1) ** c * a[0][c] * det(minor)
    return total

def solve(a, b):
    n = len(a)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            for c in range(col, n + 1):
                m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x

a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
print(matmul(a, b), transpose(a), matmul(transpose(a), a))
fib = matpow([[1, 1], [1, 0]], 90)
print(fib[0][1], matpow([[1, 1], [1, 0]], 300)[0][1])
m = [[(i * 7 + j * 3) % 11 - 5 for j in range(5)] for i in range(5)]
print(m, det(m))
big = [[(i + 1) * (j + 2) % 10 for j in range(20)] for i in range(20)]
sq = matmul(big, big)
print(sum(map(sum, sq)), sq[0][:5], sq[19][-3:])
x = solve([[2.0, 1.0, -1.0], [-3.0, -1.0, 2.0], [-2.0, 1.0, 2.0]], [8.0, -11.0, -3.0])
print([round(v, 10) for v in x])
