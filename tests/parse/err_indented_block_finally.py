try:
  x
finally:
pass
