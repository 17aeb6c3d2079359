# An exception with several arguments prints their tuple as the message.
print("raising")
raise Exception("code", 42, [1, 2])
