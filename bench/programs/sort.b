sort: bubble sort of 451 bytes  (compute heavy)
Makes 451 pseudo random bytes  (x = 5x plus 17 mod 256 starting at 42)
one per group of 8 cells  then sorts them with 450 full bubble sort
passes; each compare of two neighbours copies both and counts the copies
down together with a zero test per turn  and swaps the bytes when the
left one is larger; the passes are loops that move the pointer 8 cells
per turn and the group markers are scanned to find the ends
Prints the sorted bytes in decimal one per line

Group layout  (group 0 starts at c8; c0 to c7 are group minus 1):
  m  1 in every group that holds a byte  (0 ends the array)
  v  the byte
  x y  the copies counted down by a compare
  z1 z2  zero test scratch  (0 between uses)
  g  1 if the compare found the left byte larger
  t  scratch for copying
Group minus 1 holds the loop counters: c1 = 3 and c2 = 150 per outer turn

Zero test on a cell x with the next two cells 0: set the next cell; if x
is not 0 clear it and stop there; step right: run the body  (from x)
only if that cell is set; both ways end two cells right of x

>>>>>>>>+>>++++++[<+++++++>-]           group 0: m = 1  v = 42
<<<<<<<<<+++                            c1 = 3
[                                       append 450 more bytes
  >>++++++++++[<+++++++++++++++>-]<  c2 = 150
  [
    >>>>>>[>>>>>>>>]<<<<<<<<            on m of the last group
    >[->>>>>>+>>+++++<<<<<<<<]          next v = 5 times v  (v saved in t)
    >>>>>>[-<<<<<<+>>>>>>]              v back from t
    >+                                  m of the new group = 1
    >+++++++++++++++++                  next v = next v plus 17
    <[<<<<<<<<]                         back to c0
    >>-                                 c2 = c2 minus 1
  ]
  <-                                    c1 = c1 minus 1
]
+++                                     c1 = 3
[                                       450 passes
  >>++++++++++[<+++++++++++++++>-]<  c2 = 150
  [
    >>>>>>>>>>>>>>                      on m of group 1
    [                                   while group i plus 1 exists
      <<<<<<<<                          on m of group i
      >[->+>>>>>+<<<<<<]>>>>>>[-<<<<<<+>>>>>>]
                                        x = v  (via t)
      >>[-<<<<<<+>>>>+>>]<<[->>+<<]     y = v of group i plus 1  (via t)
      <<<<<                             on x
      [                                 count x and y down together:
        ->                              x = x minus 1
        >+<[>-]>[<                      if y is 0  the left byte is larger:
          +                             y = 1  (taken away again below)
          >>>+<<<                       g = 1
          <[-]>                         x = 0 ends the loop
        >->]<<
        -<                              y = y minus 1
      ]
      >[-]                              y = 0
      >>>[                              if g: swap the two bytes
        -<<<<<[->>>>>>+<<<<<<]          v into t
        >>>>>>>>[-<<<<<<<<+>>>>>>>>]    v of group i plus 1 into v
        <<[->>+<<]<                     t into v of group i plus 1
      ]
      <<<<<<                            on m of group i
      >>>>>>>>>>>>>>>>                  on m of group i plus 2
    ]
    <<<<<<<<[<<<<<<<<]                  back to c0
    >>-                                 c2 = c2 minus 1
  ]
  <-                                    c1 = c1 minus 1
]
>>>>>>>                                 on m of group 0
[                                       print each byte  (from v)
  >
    >++++++++++<[->-[->>+<<]>>>+<[-<<+>>>[-]<]>[-<<<++++++++++>+>>]<<<<]
    ++++++++++>[-<->]
    >>++++++++++<[->-[->>+<<]>>>+<[-<<+>>>[-]<]>[-<<<++++++++++>+>>]<<<<]
    ++++++++++>[-<->]
    >[[->+<]<+>>>++++++[<++++++++>-]<.[-]<]
    <<[->>>+<<+<]>[[-]>>>++++++[<++++++++>-]<.<<]>>[-]<<<<<
    >++++++[<++++++++>-]<.[-]
  >>>>>>++++++++++.[-]<<<<<<            newline
  >>>>>>>                               on m of the next group
]
