# Searching in strings: find/rfind/index/rindex/count/startswith/endswith.
s = "hello world, hello python"
print(s.find("hello"), s.find("hello", 1), s.rfind("hello"), s.find("xyz"), s.find(""))
print(s.find("o", 5, 10), s.rfind("o", 0, 10), s.find("l", -5), s.rfind(""), s.find("", 100))
print(s.index("world"), s.rindex("o"), s.count("l"), s.count("hello"), s.count(""), "aaaa".count("aa"))
print(s.count("l", 3, 12), s.startswith("hello"), s.startswith("world", 6), s.endswith("python"))
print(s.startswith(("x", "he")), s.endswith(("on", "zz")), s.startswith(""), s.endswith("n", 0, 5))
try:
    s.index("zzz")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("q")
except ValueError as e:
    print("ValueError:", e)
text = "abracadabra" * 50
positions = []
i = text.find("cad")
while i != -1:
    positions.append(i)
    i = text.find("cad", i + 1)
print(len(positions), positions[:4], positions[-1])
