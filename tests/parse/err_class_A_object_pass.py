class A(object:
    pass