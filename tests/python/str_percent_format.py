# printf-style % formatting: conversions, width, precision, flags, dict mapping and errors.
print("%s %s %s" % ("a", 1, [2]), "%r %r" % ("q", 1.5), "%d%%" % 50, "%c%c" % (72, "i"))
print("%5s|%-5s|%.2s|%5.1s|" % ("abc", "abc", "abc", "abc"), "%+d % d %05d %-5d|" % (5, 5, 5, 5))
print("%x %X %#x %o %#o %e %E %g %G" % (255, 255, 255, 8, 8, 12345.678, 0.00012, 1e-5, 2.5e20))
print("%.3f %10.4f %-10.2f| %+.1f %.0f %.0f" % (3.14159, 2.71828, 1.5, 2.25, 0.5, 1.5))
print("%(name)s is %(age)d years" % {"name": "Ada", "age": 36}, "%s" % (("tuple",),), "%s" % [1, 2])
print("%*d|%-*d|%.*f" % (5, 42, 5, 42, 2, 3.14159), "single %s" % "value", "%i" % 3.99)
print("%s" % None, "%s %s" % (True, False), "%d" % True, "%5.1f%%" % 99.44, "%s" % 2**70)
for fmt, args in (("%d", "x"), ("%s %s", ("one",)), ("%s", ("a", "b")), ("%z", 1), ("%(k)s", {"j": 1})):
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__ + ":", e)
