f(x for x in y ffor)
