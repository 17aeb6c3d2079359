match = 1
case = 2
_ = 3
match, case = case, match
match(1, 2)
match[0]
match.attr
match: int = 5
match -1
match * 2
x = match if case else _
def f(match, case, _): return match + case + _
class match: pass
import match
from match import case as _
match (x):
    case _:
        pass
