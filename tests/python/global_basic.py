# global declarations: reading, rebinding and creating module-level names from functions.
counter = 0
config = {"mode": "a"}
def bump():
    global counter
    counter += 1
def read():
    return counter
def mutate():
    config["mode"] = "b"
def create():
    global created
    created = "made"
for _ in range(500):
    bump()
mutate()
create()
print(counter, read(), config, created)
def local_shadow():
    counter = -1
    return counter
print(local_shadow(), counter)
def nested():
    def inner():
        global counter
        counter = 1000
    inner()
    return counter
print(nested(), counter)
