else:
    pass