# Recursive generation: Towers of Hanoi moves, permutations, combinations and the power set.
def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((n, src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves
moves = hanoi(4, "A", "C", "B", [])
print(len(moves), moves[:7])
print(len(hanoi(10, "A", "C", "B", [])))
def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    out = []
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            out.append([items[i]] + p)
    return out
perms = permutations([1, 2, 3, 4])
print(len(perms), perms[:4], perms[-1])
print(["".join(p) for p in permutations(list("abc"))])
def combinations(items, k):
    if k == 0:
        return [[]]
    if len(items) < k:
        return []
    first, rest = items[0], items[1:]
    return [[first] + c for c in combinations(rest, k - 1)] + combinations(rest, k)
print(combinations([1, 2, 3, 4, 5], 3))
def power_set(items):
    result = [[]]
    for x in items:
        result += [s + [x] for s in result]
    return result
ps = power_set(["a", "b", "c"])
print(len(ps), ps)
print(len(permutations(list(range(7)))))
