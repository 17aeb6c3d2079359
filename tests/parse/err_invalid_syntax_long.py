x = 1
foo barbaz qux
