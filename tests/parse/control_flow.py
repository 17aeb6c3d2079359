if a:
    pass
if a:
    pass
else:
    pass
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
if a: x = 1
else: x = 2
while True:
    break
while x:
    continue
else:
    pass
for x in y:
    pass
for x, y in z:
    pass
for (x, y) in z: pass
for [x, y] in z: pass
for x, in y: pass
for x.a in y: pass
for x[0] in y: pass
for *a, b in c: pass
for x in y, z: pass
for x in *y, z: pass
for x in range(10):
    pass
else:
    pass
if (n := len(a)) > 10: pass
while chunk := f.read(): pass
if x:
    if y:
        pass
    else:
        pass
pass; pass; x = 1;
