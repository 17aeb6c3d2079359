# raise ... from None hides the original exception in the traceback.
def first_item(items):
    try:
        return items[0]
    except IndexError:
        raise LookupError("no items") from None

print(first_item([7]))
first_item([])
