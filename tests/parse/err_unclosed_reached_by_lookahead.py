print(t(match "hello"
