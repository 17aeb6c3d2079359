# 0/1 knapsack and coin change by dynamic programming, with reconstruction of the choice.
items = [("map", 9, 150), ("compass", 13, 35), ("water", 153, 200), ("sandwich", 50, 160),
         ("glucose", 15, 60), ("tin", 68, 45), ("banana", 27, 60), ("apple", 39, 40),
         ("cheese", 23, 30), ("beer", 52, 10), ("suntan cream", 11, 70), ("camera", 32, 30),
         ("t-shirt", 24, 15), ("trousers", 48, 10), ("umbrella", 73, 40), ("waterproofs", 42, 70),
         ("note-case", 22, 80), ("sunglasses", 7, 20), ("towel", 18, 12), ("socks", 4, 50)]
CAP = 400
best = [[0] * (CAP + 1) for _ in range(len(items) + 1)]
for i, (name, w, v) in enumerate(items, 1):
    prev = best[i - 1]
    row = best[i]
    for c in range(CAP + 1):
        row[c] = prev[c]
        if w <= c and prev[c - w] + v > row[c]:
            row[c] = prev[c - w] + v
chosen = []
c = CAP
for i in range(len(items), 0, -1):
    if best[i][c] != best[i - 1][c]:
        chosen.append(items[i - 1][0])
        c -= items[i - 1][1]
print(best[-1][CAP], CAP - c, sorted(chosen))
def coin_change(coins, amount):
    ways = [1] + [0] * amount
    fewest = [0] + [None] * amount
    for coin in coins:
        for a in range(coin, amount + 1):
            ways[a] += ways[a - coin]
            if fewest[a - coin] is not None and (fewest[a] is None or fewest[a - coin] + 1 < fewest[a]):
                fewest[a] = fewest[a - coin] + 1
    return ways[amount], fewest[amount]
for coins, amount in (([1, 2, 5], 11), ([2], 3), ([1, 5, 10, 25, 50, 100], 300), ([3, 7, 11], 1000)):
    print(coins, amount, coin_change(coins, amount))
