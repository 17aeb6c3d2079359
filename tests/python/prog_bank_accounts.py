# Bank-account simulation with dicts and functions: transactions validated by exceptions,
# a transfer that rolls back on failure, and an audit report.
accounts = {}
ledger = []

def open_account(owner, initial=0):
    if owner in accounts:
        raise KeyError("account exists: " + owner)
    if initial < 0:
        raise ValueError("initial balance must be non-negative")
    accounts[owner] = {"balance": initial, "history": [("open", initial)]}

def deposit(owner, amount):
    if amount <= 0:
        raise ValueError("deposit must be positive, got " + str(amount))
    acct = accounts[owner]
    acct["balance"] += amount
    acct["history"].append(("deposit", amount))

def withdraw(owner, amount):
    acct = accounts[owner]
    if amount > acct["balance"]:
        raise RuntimeError("insufficient funds in %s: balance %d, requested %d" % (owner, acct["balance"], amount))
    acct["balance"] -= amount
    acct["history"].append(("withdraw", amount))

def transfer(src, dst, amount):
    snapshot = {k: (v["balance"], len(v["history"])) for k, v in accounts.items()}
    try:
        withdraw(src, amount)
        deposit(dst, amount)
    except Exception:
        for k, (bal, n) in snapshot.items():
            accounts[k]["balance"] = bal
            del accounts[k]["history"][n:]
        raise
    else:
        ledger.append((src, dst, amount))
    finally:
        ledger.append(("attempt", src, dst, amount))

def run(op, *args):
    try:
        op(*args)
        return "ok"
    except KeyError as e:
        return "KeyError " + str(e)
    except (ValueError, RuntimeError) as e:
        return type(e).__name__ + " " + str(e)

steps = [
    (open_account, "alice", 100), (open_account, "bob"), (open_account, "alice", 5),
    (open_account, "carol", -1), (deposit, "bob", 50), (deposit, "bob", 0),
    (withdraw, "alice", 30), (withdraw, "bob", 500), (transfer, "alice", "bob", 20),
    (transfer, "bob", "alice", 1000), (transfer, "alice", "dave", 10), (deposit, "eve", 5),
]
for step in steps:
    print(step[0].__name__, step[1:], "->", run(*step))
for i in range(500):
    run(transfer, "alice" if i % 2 else "bob", "bob" if i % 2 else "alice", i % 7 + 1)
for owner in sorted(accounts):
    acct = accounts[owner]
    print(owner, acct["balance"], len(acct["history"]), acct["history"][:4])
total = sum(a["balance"] for a in accounts.values())
print("total", total, "ledger entries", len(ledger), ledger[:4])
