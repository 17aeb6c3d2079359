# String literal syntax: escapes, raw strings, implicit concatenation, line continuation.
print("tab:\t|", "nl:\\n", "quote:\"", 'apos:\'', "bs:\\", "bell:\a|"[:5])
print("\x41\x42\x43", "\101\102", "\u0041", "\U00000041", "\x7e", "\0" == "\x00", len("\1"))
print(r"raw\n\t", r'C:\path\file', r"\\", R"\d+", len(r"\n"), r"a\"b")
print("abc" "def", "x" 'y' """z""", ("multi "
      "line "
      "concat"))
long_line = "first part, " \
            "second part"
print(long_line)
print("""line one
  line two\
 joined
line three""")
print('''it's "fine"''', """tab\tinside""")
