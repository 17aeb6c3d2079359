# A traceback through a lambda, a list comprehension and a dict lookup in nested calls.
def lookup(table, key):
    return table[key]

def transform(items, table):
    return [lookup(table, x) * 2 for x in items]

def run():
    table = {"a": 1, "b": 2}
    convert = lambda items: transform(items, table)
    print(convert(["a", "b"]))
    return convert(["a", "zzz", "b"])

run()
