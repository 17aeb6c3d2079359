# Raising an exception class without arguments: the last line is just the type name.
def validate(x):
    if x < 0:
        raise ValueError
    return x

print(validate(1))
validate(-1)
