# raise ... from ...: both tracebacks, joined by "The above exception was the direct cause ...".
def parse_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError("bad port number: " + text) from e

print(parse_port("8080"))
parse_port("eighty")
