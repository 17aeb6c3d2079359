# **kwargs: collecting keyword arguments in call order and forwarding them.
def opts(**kw):
    return kw
print(opts(), opts(a=1), opts(z=1, a=2, m=3), opts(**{"x": 1, "y": 2}), opts(**{"b": 1}, c=2))
def both(a, *args, **kwargs):
    return a, args, kwargs
print(both(1), both(1, 2, 3), both(1, b=2), both(1, 2, c=3, d=4), both(a=0, e=5))
def config(name, **settings):
    lines = [name]
    for key, value in settings.items():
        lines.append("  " + key + "=" + repr(value))
    return "\n".join(lines)
print(config("server", host="localhost", port=8080, debug=False))
def forward(*args, **kwargs):
    return both(*args, **kwargs)
print(forward(9, 8, k="v"), forward(**{"a": "kw"}))
defaults = {"sep": "|", "end": "<\n"}
print("a", "b", **defaults)
