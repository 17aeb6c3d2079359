try:
x
except:
  1forrss
