if x:
    pass
else:
    pass
else:
    pass