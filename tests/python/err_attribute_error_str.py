# AttributeError on a str method that does not exist and has no close match.
def shout(text):
    return text.to_upper_case()

print(shout("hi"))
