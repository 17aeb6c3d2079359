# sys.stdout.write and sys.stderr.write return the number of characters written.
import sys
n = sys.stdout.write("hello\n")
m = sys.stdout.write("héllo 😀\n")
sys.stdout.write("no newline")
sys.stdout.write("\n")
print(n, m)
k = sys.stderr.write("error output\n")
sys.stderr.write("second error line\n")
print(k)
for i in range(3):
    sys.stdout.write(str(i) + " ")
sys.stdout.write("\n")
print("via print", file=sys.stdout)
