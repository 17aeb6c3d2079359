x = (a
  b)
