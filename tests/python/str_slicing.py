# String slicing: negative indices, steps (including negative), out-of-range bounds.
s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2], s[3:3], s[5:2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-3], s[-1:-4:-1], s[2::-1])
print(s[:100], s[100:], s[-100:3], s[3:-100], s[-100:-50], s[::100], s[::-100])
print(s[5::-2], s[:5:-2], s[-2:-9:-3], repr(s[0:0]), s[len(s) - 1:], s[1:-1][::-1])
for step in (1, 2, 3, -1, -2, -3):
    print(step, s[::step], s[1:8:step], s[8:1:step])
t = "racecar"
print(t == t[::-1], "palindrome"[::-1], "ab"[::-1] + "cd"[::-1])
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
print(s[True], s[False:True + 2])
