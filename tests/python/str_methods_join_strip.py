# str.join and the strip family.
print(", ".join(["a", "b", "c"]), "".join(["x", "y"]), "-".join("abc"), "|".join([]))
print(" ".join(str(i) for i in range(5)), "\n".join(["l1", "l2"]), "ab".join(("1", "2", "3")))
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
print(repr("  pad  ".strip()), repr("  pad  ".lstrip()), repr("  pad  ".rstrip()))
print(repr("\t\n x \r\n".strip()), repr("xxhixx".strip("x")), repr("abcHIcba".strip("abc")))
print(repr("..a..".lstrip(".")), repr("..a..".rstrip(".")), repr("".strip()), repr("aaa".strip("a")))
print(repr("prefix_body".removeprefix("prefix_")), repr("body.py".removesuffix(".py")),
      repr("abc".removeprefix("x")), repr("abc".removesuffix("")))
