triangle: nested loops print a right triangle of stars in 9 rows
layout: c0 rows left; c1 stars in this row; c2 star char; c3 newline; c4 scratch
+++++++++
>>>>++++++[<<+++++++>>-]<++++++++++<<<
[>+[->>>+<<<]>>>[-<<<+>.>>]<.<<<-]
