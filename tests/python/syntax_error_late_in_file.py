# SyntaxError: a mismatched closing bracket late in the file means no earlier line runs.
print("line 2")
def ok():
    return 1
print(ok())
for i in range(3):
    print(i)
x = [
    1,
    2,
}
