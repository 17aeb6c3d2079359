x = [1 for 2 gn y]
