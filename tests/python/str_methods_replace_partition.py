# replace, partition and rpartition.
s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("x", "y"), s.replace("", "-"))
print("aaa".replace("a", "aa"), "abc".replace("", "|", 2), "mississippi".replace("ss", "SS"))
print("a.b.c".replace(".", ""), "tab\there".replace("\t", "    "), s.replace("one", "1", 0))
print("key=value=more".partition("="), "key=value=more".rpartition("="), "novalue".partition("="))
print("novalue".rpartition("="), "=x".partition("="), "x=".rpartition("="))
try:
    "abc".partition("")
except ValueError as e:
    print("ValueError:", e)
line = "name: Ada Lovelace ; born: 1815"
fields = {}
for part in line.split(";"):
    k, _, v = part.partition(":")
    fields[k.strip()] = v.strip()
print(fields)
