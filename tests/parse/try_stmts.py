try:
    pass
except:
    pass
try:
    pass
except E:
    pass
try:
    pass
except E as e:
    pass
except (A, B) as e:
    pass
except (A, B):
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* E:
    pass
except* (A, B) as g:
    pass
else:
    pass
finally:
    pass
raise
raise E
raise E(1)
raise E from None
raise E from e
try: x
except: y
