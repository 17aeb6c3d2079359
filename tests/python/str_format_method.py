# str.format: automatic, positional and keyword fields, indexing, conversions, braces.
print("{} {} {}".format(1, "two", 3.0), "{0} {1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0[1]} {1[k]} {0[0]}".format([10, 20], {"k": "v"}), "{{literal}} {}".format(5), "{}{{".format(1))
print("{!r} {!s} {!a}".format("hi", "hi", "héllo"), "{0!r:>10}|".format("x"), "{:>{width}}|".format("r", width=6))
print("{:{fill}{align}{w}}|".format("c", fill="*", align="^", w=7), "{0:{1}}|".format(3.14159, ".2f"))
print("{:10}|{:<10}|{:>10}|{:^10}|".format("left", "left", "right", "mid"), "{:10}|".format(42))
args = ["a", "b"]
kwargs = {"name": "Ada", "year": 1815}
print("{} and {}".format(*args), "{name} ({year})".format(**kwargs))
for bad in ("{", "}", "{0} {}", "{2}"):
    try:
        print(bad.format(1, 2))
    except (ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)
try:
    "{missing}".format(a=1)
except KeyError as e:
    print("KeyError:", e)
