# NameError for a name with no close match: no suggestion in the traceback.
counter = 0
for i in range(3):
    counter += i
print(counter)
print(completely_unknown_identifier_xyz)
