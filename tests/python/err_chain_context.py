# An exception raised inside an except block: both tracebacks, joined by "During handling ...".
def read_setting(settings, name):
    try:
        return settings[name]
    except KeyError:
        raise ValueError("missing setting " + repr(name))

print(read_setting({"a": 1}, "a"))
read_setting({"a": 1}, "b")
