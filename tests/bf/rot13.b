rot13: apply ROT13 to stdin
Exercises: input until end of file; range tests on each byte done by
counting down with a zero test in every step  (26 steps per letter range)
All bytes other than ASCII letters pass through unchanged

Cells: c0 the byte   c1 y = byte minus base   c2 c3 zero test scratch
       c4 step counter   c5 add 13 flag   c6 subtract 13 flag   c7 scratch

Zero test used below  (pointer on y with c2 and c3 zero):
  set c2  if y then clear c2 and stop on c2  then if c2 is set run the body
  and stop on c3  so both ways end on c3

[-],
[
  [->+>>>>>>+<<<<<<<]>>>>>>>[-<<<<<<<+>>>>>>>]   copy the byte into c1 (via c7)
  <<<++++++++[<<<-------->>>-]<<<-                y = byte minus 65 (A)
  >>>+++++++++++++                                13 steps
  [-<<< >+<[>-]>[<>>>>+<<<<>->]<<  ->>>]          if y was 0 then add 13
  +++++++++++++
  [-<<< >+<[>-]>[<>>>>>+<<<<<>->]<< ->>>]         if y was 0 then subtract 13
  <<<------>>>                                    y = byte minus 97 (a)
  +++++++++++++
  [-<<< >+<[>-]>[<>>>>+<<<<>->]<<  ->>>]          if y was 0 then add 13
  +++++++++++++
  [-<<< >+<[>-]>[<>>>>>+<<<<<>->]<< ->>>]         if y was 0 then subtract 13
  <<<[-]                                          clear y
  >>>>[-<<<<<+++++++++++++>>>>>]                  apply the add flag
  >[-<<<<<<------------->>>>>>]                   apply the subtract flag
  <<<<<<.                                         print the byte
  [-],                                            and read the next one
]
