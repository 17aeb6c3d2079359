fib: the Fibonacci number F(7001) in decimal  (1463 digits)
Steps the pair  (a  b)  to  (b  a plus b)  7000 times starting from
(F0  F1) = (0  1); both numbers are kept one digit per group of 6 cells
(least significant first) and grow by a group when the top digit of the
sum carries; per digit and step: two move loops and about 9 turns of a
loop that adds 1 to the digit of b with a zero test for the carry
Prints the 1463 digits of b = F(7001) and a newline

Group layout  (group 0 starts at c6; c0 to c5 are group minus 1):
  m   1 in every group that holds a digit  (0 ends the numbers)
  a   the digit of a
  b   the digit of b minus 10  (so adding 1 to 9 gives 0: the carry test
      is a plain zero test)
  z1 z2  zero test scratch  (0 between uses)
  w   the count of 1s still to add to the digit of b  (the carry from the
      digit below arrives here)
Group minus 1 holds the loop counters: c1 = 28  c2 = 250 per outer turn

Zero test on a cell x with the next two cells 0: set the next cell; if x
is not 0 clear it and stop there; step right: run the body  (from x)
only if that cell is set; both ways end two cells right of x

>>>>>>+>>---------                      group 0: m = 1  a = 0  b = 1 minus 10
<<<<<<<++++++++++++++++++++++++++++   c1 = 28
[
  >++++++++++++++++++++++++++++++++++++++++++++++++++  c2 = 250
  ++++++++++++++++++++++++++++++++++++++++++++++++++
  ++++++++++++++++++++++++++++++++++++++++++++++++++
  ++++++++++++++++++++++++++++++++++++++++++++++++++
  ++++++++++++++++++++++++++++++++++++++++++++++++++
  [
    >>>>                                on m of group 0
    [                                   for each digit  (on m)
      >[->>>>+<<<<]                     w = w plus a; a = 0
      >++++++++++                       b = the digit of b
      [-<+>>>>+<<<]                     a = b; w = w plus b; b = 0
      ----------                        digit 0
      >>>[                              w times:
        -<<<+                           add 1 to the digit of b
        >+<[>-]>[<                      if it became 10  (b is 0):
          ----------                    digit 0
          >>>>>>>>>+<<<<<<<<<           carry 1 into w of the next group
        >->]<<
        >>>
      ]
      >                                 on m of the next group
    ]
    >>>>>[-<<<<<+>>--------->>>]        a carry out of the top: new digit 1
    <<<<<<<<<<<[<<<<<<]>>>>>>           back to group 0
    <<<<-                               c2 = c2 minus 1
  ]
  <-                                    c1 = c1 minus 1
]
>>>>>[>>>>>>]<<<<<<                     on m of the top digit
[                                       print the digits of b from the top
  >>>+++++++[<++++++++>-]<++.           b plus 58 is the digit in ASCII
  <<<<<<<<                              on m of the group below
]
++++++++++.                             newline
