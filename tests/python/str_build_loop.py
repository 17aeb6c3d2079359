# Building strings in hot loops: +=, join, slicing, and character arithmetic.
s = ""
for i in range(500):
    s += str(i % 10)
print(len(s), s[:25], s[-10:])
parts = []
for i in range(300):
    parts.append(chr(ord("a") + i % 26))
joined = "".join(parts)
print(len(joined), joined[:30], joined.count("z"))
def caesar(text, shift):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + shift) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + shift) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)
msg = "Hello, World! The quick brown fox."
enc = caesar(msg, 13)
print(enc, caesar(enc, 13) == msg)
counts = [0] * 26
for ch in ("pack my box with five dozen liquor jugs " * 40):
    if ch != " ":
        counts[ord(ch) - 97] += 1
print(counts)
