# Reading this program's own source file by its bare name and analysing it.
f = open("open_own_source.py")
lines = f.readlines()
f.close()
print(len(lines), repr(lines[0]))
code = [l for l in lines if l.strip() and not l.lstrip().startswith("#")]
print(len(code), max(len(l.rstrip("\n")) for l in lines))
f = open("open_own_source.py")
text = f.read()
f.close()
print(text.count("open"), text.count("\n"), text.splitlines()[-1])
print("last line marker")
