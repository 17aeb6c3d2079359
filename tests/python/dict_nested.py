# Nested dicts and lists as records: building, updating and walking them.
db = {"users": [], "index": {}}
for i, name in enumerate(["ann", "ben", "cid", "dee"]):
    user = {"id": i, "name": name, "tags": [], "meta": {"score": i * 10}}
    db["users"].append(user)
    db["index"][name] = i
db["users"][1]["tags"].append("admin")
db["users"][db["index"]["dee"]]["meta"]["score"] += 5
print(db["users"][1])
print([u["meta"]["score"] for u in db["users"]], db["index"])
tree = {}
for path in ["a/b/c", "a/b/d", "a/e", "f"]:
    node = tree
    for part in path.split("/"):
        node = node.setdefault(part, {})
print(tree)
def depth(t):
    if not t:
        return 0
    return 1 + max(depth(v) for v in t.values())
print(depth(tree), len(tree["a"]), list(tree["a"]["b"]))
