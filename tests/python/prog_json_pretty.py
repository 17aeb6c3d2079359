# A JSON-like serializer and pretty printer written by hand, with string escaping,
# plus a parser that reads the output back.
def escape(s):
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)

def dump(value, indent=0, step=2):
    pad = " " * (indent + step)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        items = [pad + dump(v, indent + step, step) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [pad + escape(str(k)) + ": " + dump(v, indent + step, step) for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    raise TypeError("cannot serialize " + type(value).__name__)

def parse(text):
    pos = [0]
    def ws():
        while pos[0] < len(text) and text[pos[0]] in " \n\t":
            pos[0] += 1
    def value():
        ws()
        c = text[pos[0]]
        if c == "{":
            pos[0] += 1
            d = {}
            ws()
            if text[pos[0]] == "}":
                pos[0] += 1
                return d
            while True:
                ws()
                k = value()
                ws()
                pos[0] += 1
                d[k] = value()
                ws()
                c = text[pos[0]]
                pos[0] += 1
                if c == "}":
                    return d
        if c == "[":
            pos[0] += 1
            items = []
            ws()
            if text[pos[0]] == "]":
                pos[0] += 1
                return items
            while True:
                items.append(value())
                ws()
                c = text[pos[0]]
                pos[0] += 1
                if c == "]":
                    return items
        if c == '"':
            pos[0] += 1
            chars = []
            while text[pos[0]] != '"':
                if text[pos[0]] == "\\":
                    e = text[pos[0] + 1]
                    if e == "u":
                        chars.append(chr(int(text[pos[0] + 2:pos[0] + 6], 16)))
                        pos[0] += 6
                        continue
                    chars.append({"n": "\n", "t": "\t"}.get(e, e))
                    pos[0] += 2
                else:
                    chars.append(text[pos[0]])
                    pos[0] += 1
            pos[0] += 1
            return "".join(chars)
        for word, val in (("null", None), ("true", True), ("false", False)):
            if text.startswith(word, pos[0]):
                pos[0] += len(word)
                return val
        start = pos[0]
        while pos[0] < len(text) and text[pos[0]] in "+-0123456789.eE":
            pos[0] += 1
        num = text[start:pos[0]]
        return float(num) if any(ch in num for ch in ".eE") else int(num)
    return value()

doc = {"name": "metatrace", "version": [0, 1, 2], "stable": False, "ratio": 0.1 + 0.2,
       "nested": {"empty_list": [], "empty_obj": {}, "none": None, "big": 2**70},
       "text": 'quote " backslash \\ newline \n tab \t bell \x07 é 😀',
       "matrix": [[1, 2], [3, 4.5e-7]], "flags": (True, None)}
text = dump(doc)
print(text)
back = parse(text)
print(back == {**doc, "flags": [True, None]}, back["text"] == doc["text"], back["nested"]["big"])
print(dump([]), dump({}), dump("x"), dump([[[]]]))
try:
    dump({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
