# An inventory report: records as dicts, grouping, totals, and a formatted table using
# f-strings, str.format and % formatting with widths, alignment and thousands separators.
ITEMS = [
    ("widget", "hardware", 1200, 2.5),
    ("gadget", "hardware", 85, 19.99),
    ("sprocket", "hardware", 0, 0.75),
    ("manual", "books", 40, 12.0),
    ("novel", "books", 310, 8.49),
    ("atlas", "books", 3, 45.0),
    ("café au lait", "food", 57, 3.2),
    ("crème brûlée", "food", 12, 6.75),
]
records = [{"name": n, "category": c, "qty": q, "price": p} for n, c, q, p in ITEMS]
by_category = {}
for r in records:
    by_category.setdefault(r["category"], []).append(r)

header = f"{'Item':<14}{'Qty':>7}{'Price':>9}{'Value':>12}"
print(header)
print("=" * len(header))
grand = 0.0
for category in sorted(by_category):
    rows = sorted(by_category[category], key=lambda r: (-r["qty"] * r["price"], r["name"]))
    print("[{}]".format(category.upper()))
    subtotal = 0.0
    for r in rows:
        value = r["qty"] * r["price"]
        subtotal += value
        flag = " (out of stock)" if r["qty"] == 0 else ""
        print(f"  {r['name']:<12}{r['qty']:>7,}{r['price']:>9.2f}{value:>12,.2f}{flag}")
    print("%-14s%28s" % ("  subtotal", "{:,.2f}".format(subtotal)))
    grand += subtotal
print("-" * len(header))
print("{:<14}{:>28,.2f}".format("TOTAL", grand))
low = [r["name"] for r in records if r["qty"] < 50]
print("low stock:", ", ".join(sorted(low)))
share = {c: sum(r["qty"] * r["price"] for r in rs) / grand for c, rs in by_category.items()}
for c, s in sorted(share.items(), key=lambda kv: -kv[1]):
    print(f"{c:>10}: {s:6.1%} {'#' * round(s * 40)}")
