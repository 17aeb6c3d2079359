# Conditional expressions, if/elif/else chains, and truthiness in conditions.
def sign(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"
print([sign(n) for n in (-2, 0, 3)])
def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    else:
        return "F"
print([grade(s) for s in (95, 85, 75, 65, 90, 80)])
x = []
print("empty" if not x else "full", "yes" if [0] else "no", 1 if 0 else 2 if "" else 3)
if 0:
    print("no")
elif None:
    print("no")
elif "text":
    print("text is true")
n = 17
kind = ("big" if n > 100 else "medium") if n > 10 else "small"
print(kind)
