triangle: a centred triangle of stars
Exercises: nested loops whose trip counts change from one outer iteration
to the next; copying a cell through a temporary; loops that print
Prints 8 rows: row k has 8 minus k spaces then 2k minus 1 stars

Cells: c0 rows left   c1 spaces in this row   c2 stars in this row
       c3 star char   c4 space char           c5 newline
       c6 c7 scratch copies of c1 or c2

++++++++                c0 = 8 rows
>+++++++                c1 = 7 spaces in the first row
>+                      c2 = 1 star in the first row
>>>>++++++++            c6 = 8
[<<<+++++>++++>+>-]     c3 = 40  c4 = 32  c5 = 8
<<<++>>++               c3 = 42 (star)  c5 = 10 (newline)
<<<<<                   back to c0

[                       for each row
  >[->>>>>+>+<<<<<<]      move c1 into c6 and c7
  >>>>>>[-<<<<<<+>>>>>>]  c7 back into c1
  <[-<<.>>]               print c6 spaces (c4)
  <<<<[->>>>+>+<<<<<]     move c2 into c6 and c7
  >>>>>[-<<<<<+>>>>>]     c7 back into c2
  <[-<<<.>>>]             print c6 stars (c3)
  <.                      newline (c5)
  <<<<-                   one space fewer
  >++                     two stars more
  <<-                     one row fewer
]
