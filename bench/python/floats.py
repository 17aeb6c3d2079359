# Float arithmetic in a loop: a Leibniz series for pi.
def leibniz(terms):
    s = 0.0
    sign = 1.0
    k = 0
    while k < terms:
        s += sign / (2 * k + 1)
        sign = -sign
        k += 1
    return 4 * s


print(leibniz(5000000))
