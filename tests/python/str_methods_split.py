# str.split, rsplit and splitlines with separators, maxsplit and whitespace runs.
print("a b  c   d".split(), "  lead and trail  ".split(), "".split(), "   ".split())
print("a,b,,c,".split(","), ",a,".split(","), "".split(","), "abc".split(","))
print("a::b::c".split("::"), "a b c d".split(" ", 2), "a b c d".split(maxsplit=1))
print("a b c d".rsplit(" ", 2), "a b c d".rsplit(maxsplit=1), "  x  y  ".rsplit(None, 1))
print("one\ttwo\nthree\r\nfour  five".split(), "x-y-z".split("-", 0), "x-y-z".rsplit("-", -1))
print("line1\nline2\r\nline3\rline4".splitlines(), "a\n\nb\n".splitlines(), "".splitlines())
print("keep\nends\n".splitlines(True), "no newline".splitlines(), "trail\n".split("\n"))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
text = "the quick brown fox jumps over the lazy dog " * 20
words = text.split()
print(len(words), words[:5], len(text.split("o")))
