elif x:
    pass