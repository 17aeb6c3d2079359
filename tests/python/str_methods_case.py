# Case conversion on ASCII and non-ASCII text.
s = "hello World 123 mIxEd"
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
print("they're bill's friends".title(), "ABC DEF".capitalize(), "".upper(), "123".title())
print("straße".upper(), "STRASSE".lower(), "ÉCOLE Élève".lower(), "ça va".upper(), "straße".casefold())
print("ﬁsh".upper(), "ÀÉÎÕÜ".lower(), "àéîõü".upper(), "ÿ".upper())
print("hello"[0].upper() + "hello"[1:], "Hello".lower() == "hello", "ß".upper(), "Σ".lower())
