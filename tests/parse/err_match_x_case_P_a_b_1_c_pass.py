match x:
    case P(a, b=1, c): pass