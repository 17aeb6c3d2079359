  x = 1abc
