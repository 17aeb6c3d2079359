while True:
    pass
  break