pow2: 2 to the power 7000 in decimal  (2108 digits)
Doubles a decimal number 7000 times; the number is kept one digit per
group of 5 cells  (least significant first) and grows by a group when
the top digit carries; per digit and doubling: about 9 turns of a loop
that adds 1 to the digit with a zero test for the carry in every turn
Prints the 2108 digits and a newline

Group layout  (group 0 starts at c5; c0 to c4 are group minus 1):
  m   1 in every group that holds a digit  (0 ends the number)
  v   the digit minus 10  (so adding 1 to 9 gives 0: the carry test is a
      plain zero test)
  z1 z2  zero test scratch  (0 between uses)
  w   the count of 1s still to add to this digit  (the carry from the
      digit below arrives here)
Group minus 1 holds the loop counters: c1 = 28  c2 = 250 per outer turn

Zero test on a cell x with the next two cells 0: set the next cell; if x
is not 0 clear it and stop there; step right: run the body  (from x)
only if that cell is set; both ways end two cells right of x

>>>>>+>---------                        group 0: m = 1  v = 1 minus 10
<<<<<++++++++++++++++++++++++++++        c1 = 28
[
  >++++++++++++++++++++++++++++++++++++++++++++++++++  c2 = 250
  ++++++++++++++++++++++++++++++++++++++++++++++++++
  ++++++++++++++++++++++++++++++++++++++++++++++++++
  ++++++++++++++++++++++++++++++++++++++++++++++++++
  ++++++++++++++++++++++++++++++++++++++++++++++++++
  [
    >>>                                 on m of group 0
    [                                   for each digit  (on m)
      >++++++++++                       v = the digit
      [->>>++<<<]                       w = w plus 2 times the digit; v = 0
      ----------                        digit 0
      >>>[                              w times:
        -<<<+                           add 1 to the digit
        >+<[>-]>[<                      if it became 10  (v is 0):
          ----------                    digit 0
          >>>>>>>>+<<<<<<<<             carry 1 into w of the next group
        >->]<<
        >>>
      ]
      >                                 on m of the next group
    ]
    >>>>[-<<<<+>--------->>>]           a carry out of the top: new digit 1
    <<<<<<<<<[<<<<<]>>>>>               back to group 0
    <<<-                                c2 = c2 minus 1
  ]
  <-                                    c1 = c1 minus 1
]
>>>>[>>>>>]<<<<<                        on m of the top digit
[                                       print the digits from the top
  >>+++++++[<++++++++>-]<++.            v plus 58 is the digit in ASCII
  <<<<<<                                on m of the group below
]
++++++++++.                             newline
