# SyntaxError: invalid character '–' (U+2013) in the source.
x = 5 – 3
