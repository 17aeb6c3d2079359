# SyntaxError: unterminated triple-quoted string literal.
x = 1
doc = """starts here
and never
ends
