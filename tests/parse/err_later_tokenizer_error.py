f() = 1
s = "unterminated
