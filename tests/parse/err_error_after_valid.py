def f():
    return 1

class A:
    def g(self):
        x = [1, 2
        return x
