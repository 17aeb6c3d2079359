class A: pass
class A(): pass
class A(B): pass
class A(B, C): pass
class A(B, metaclass=M): pass
class A(*bases, **kw): pass
class A(B, x=1, *c, **d): pass
@decorator
class A:
    x = 1
    def method(self):
        return self.x
    @property
    def prop(self): return 1
    class Inner:
        pass
class A:
    """docstring"""
