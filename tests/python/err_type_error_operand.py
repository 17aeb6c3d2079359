# Uncaught TypeError from adding an int and a str; the caret line marks the operator.
count = 3
label = "items: "
message = label + str(count)
print(message)
message = count + label
