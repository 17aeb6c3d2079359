x = a n{ ot b
