# An assert without a message fails with a bare AssertionError.
def check(x):
    assert x > 0
    return x

print(check(5))
print(check(-1))
