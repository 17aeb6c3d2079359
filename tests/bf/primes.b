primes: the primes below 256 by trial division  (compute heavy)
Exercises: about 5 million turns of a small inner loop with a data
dependent branch in every turn  (a zero test) and a rarely taken one
(resetting a countdown); four levels of loops with varying trip counts
Prints each prime from 2 to 251 in decimal on its own line

For every n from 2 to 255 and every d from 2 to n minus 1 it counts n down
while a countdown r runs from d to 0 and is reset to d; d divides n when
the last step of n reset r  (flag z); n is prime if no d divides it
(no early exit: every pair is tried)

Cells: c0 candidates left  c1 n  c2 divisors found  c3 d
       c4 divisors left to try  c5 steps left  c6 r  c7 c8 zero test
       c9 z  c10 scratch  c11 to c17 print n in decimal

Zero test on a cell x with the next two cells 0: set the next cell; if x
is not 0 clear it and stop there; step right: run the body  (from x) only
if that cell is set; both ways end two cells right of x

-->+<                           c0 = 254 candidates  c1 = 1
[
  >+                            n = n plus 1
  [->>>+>>>>>>+<<<<<<<<<]>>>>>>>>>[-<<<<<<<<<+>>>>>>>>>]
  <<<<<<--                      c4 = n minus 2 divisors to try
  <+>                           d = 1  (the loop below starts with d plus 1)
  [
    <+                          d = d plus 1
    <<[->>>>+>>>>>+<<<<<<<<<]>>>>>>>>>[-<<<<<<<<<+>>>>>>>>>]
                                steps = n
    <<<<<<<[->>>+>>>>+<<<<<<<]>>>>>>>[-<<<<<<<+>>>>>>>]
                                r = d
    <<<<<
    [                           for each step
      -                         one step fewer
      >>>>[-]                   z = 0
      <<<-                      r = r minus 1
      >+<[>-]>[<                if r is 0:
        <<<[->>>+>>>>+<<<<<<<]>>>>>>>[-<<<<<<<+>>>>>>>]
                                r = d again
        <+                      z = 1
        <<<                     back on r
      >->]<<
      <
    ]
    >>>>[-<<<<<<<+>>>>>>>]      divisors found = that plus z
    <<<[-]                      r = 0
    <<-                         one divisor fewer to try
  ]
  <[-]                          d = 0
  <                             on c2
  >+<[>-]>[<                    if no divisor was found: print n
    <[->>>>>>>>>+>+<<<<<<<<<<]>>>>>>>>>[-<<<<<<<<<+>>>>>>>>>]
    >
      >++++++++++<[->-[->>+<<]>>>+<[-<<+>>>[-]<]>[-<<<++++++++++>+>>]<<<<]
      ++++++++++>[-<->]
      >>++++++++++<[->-[->>+<<]>>>+<[-<<+>>>[-]<]>[-<<<++++++++++>+>>]<<<<]
      ++++++++++>[-<->]
      >[[->+<]<+>>>++++++[<++++++++>-]<.[-]<]
      <<[->>>+<<+<]>[[-]>>>++++++[<++++++++>-]<.<<]>>[-]<<<<<
      >++++++[<++++++++>-]<.[-]
    ++++++++++.[-]              newline
    <<<<<<<<<
  >->]<<
  [-]                           divisors found = 0
  <<-                           one candidate fewer
]
