x = 1
y = "abÿc"
