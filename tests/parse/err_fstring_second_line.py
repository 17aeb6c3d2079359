x = 1
y = (f"ok"
     f"{a b}")
