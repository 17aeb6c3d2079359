# Closures with nonlocal: counters and accumulators with independent state.
def make_counter(start=0):
    count = start
    def step(by=1):
        nonlocal count
        count += by
        return count
    return step
a = make_counter()
b = make_counter(100)
print(a(), a(), a(5), b(), a(), b(-50))
def make_account(balance):
    def deposit(x):
        nonlocal balance
        balance += x
        return balance
    def withdraw(x):
        nonlocal balance
        if x > balance:
            return "insufficient"
        balance -= x
        return balance
    def get():
        return balance
    return deposit, withdraw, get
dep, wd, get = make_account(10)
print(dep(5), wd(3), wd(100), get(), dep(0))
def averager():
    total = 0
    n = 0
    def add(x):
        nonlocal total, n
        total += x
        n += 1
        return total / n
    return add
avg = averager()
print([avg(x) for x in (10, 20, 30, 40)])
c = make_counter()
for i in range(1000):
    c()
print(c(0))
