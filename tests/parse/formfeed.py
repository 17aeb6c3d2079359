if x:
    pass

x = 1
if y:
    z = 1
