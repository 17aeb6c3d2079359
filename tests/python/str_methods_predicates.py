# String predicates: isdigit, isalpha, isalnum, isspace, isupper, islower, istitle, isdecimal, isnumeric, isidentifier.
samples = ["abc", "ABC", "Abc", "abc123", "123", "", " ", "\t\n", "a b", "12.5", "-1",
           "é", "Ünïcödé", "٣", "½", "²", "Hello World", "hello_world", "_x1", "1x"]
for s in samples:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(),
          s.islower(), s.istitle(), s.isdecimal(), s.isnumeric(), s.isidentifier(), s.isascii())
