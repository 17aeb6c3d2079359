x = {a {a: *n}
