# a comment
x = 1  # trailing comment

# blank lines and comments

if x:
    # comment at other indentation
        # even deeper
    y = 2
  # dedented comment
    z = 3
a = (1 +
     2)
b = [1,
  2,
      3]
c = {
    'k': 'v',
}
d = 1 + \
    2
e = \
  3
if a and \
   b:
    pass
def f(
    a,
    b,
):
    pass
f = 'implicit' \
    'join'
g = """string with
    indentation
  inside"""
if x:
	tabbed = 1
	if y:
		more = 2
if x:
        eight = 1
if x:
    pass
# comment at end
