# Uncaught TypeError for a call missing a required argument, raised inside a nested call.
def greet(name, greeting):
    return greeting + ", " + name

def welcome(names):
    return [greet(n) for n in names]

print(welcome(["ada"]))
