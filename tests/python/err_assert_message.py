# An assert with a message: the traceback ends with "AssertionError: message".
balance = 100
withdrawal = 150
print("checking")
assert withdrawal <= balance, "insufficient funds: " + str(balance) + " < " + str(withdrawal)
