# Defaults are evaluated once, when def runs: a shared mutable default, and a captured value.
def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def append_safe(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket
print(append_safe(1), append_safe(2))
x = 10
def show(value=x):
    return value
x = 20
print(show(), x)
counter = [0]
def next_id():
    counter[0] += 1
    return counter[0]
def make(tag=next_id()):
    return tag
print(make(), make(), counter[0], next_id(), make())
fns = []
for i in range(3):
    def f(i=i):
        return i * 100
    fns.append(f)
print([g() for g in fns])
