def f(*args, *moretry: )s
