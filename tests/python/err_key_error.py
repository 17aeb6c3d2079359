# Uncaught KeyError: the last line shows the repr of the missing key.
config = {"host": "localhost", "port": 8080}
print(config["host"], config["port"])
print(config["user"])
