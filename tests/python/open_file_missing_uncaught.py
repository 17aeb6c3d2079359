# An uncaught FileNotFoundError from open(): the traceback's last line carries errno and path.
def load(name):
    f = open(name)
    data = f.read()
    f.close()
    return data
print("loading")
load("does-not-exist.txt")
