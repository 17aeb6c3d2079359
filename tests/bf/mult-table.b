mult table: the 9 by 9 multiplication table in decimal
Exercises: three levels of nested loops; a divide by 10 loop with a data
dependent branch inside; cells used as flags and cleared by a loop that
runs at most once
Prints 9 rows of 9 products; each product right aligned in 3 columns

Cells: c0 rows left   c1 row number i   c2 columns left   c3 product
       c4 scratch     c5 to c10 used to print the product:
       c5 n  c6 d  c7 quotient  c8 ones digit  c9 flag  c10 char

+++++++++                       c0 = 9 rows
[
  >+                            i = i plus 1
  >>[-]<                        product = 0
  +++++++++                     c2 = 9 columns
  [
    <[->>+>+<<<]>>>[-<<<+>>>]   product = product plus i  (via c4)
    <[->+>+<<]>[-<+>]           copy the product to c5  (via c4)

    divide c5 by 10: each step takes 1 from n and from the countdown d;
    when d reaches 0 it is reset to 10 and the quotient goes up by 1
    >>++++++++++<
    [->-[->>+<<]>>>+<[-<<+>>>[-]<]>[-<<<++++++++++>+>>]<<<<]
    >>>++++++++++<<[->>-<<]     ones digit c8 = 10 minus d

    >>>++++[>++++++++<-]>.      print a space; c10 stays 32
    <<<[[->>>+<<<]>>>++++++++++++++++<<<]
                                if the tens digit is not 0 then c10 = tens plus 48
    >>>.[-]                     print the tens digit or a space
    <++++++[<++++++++>-]<.[-]   print the ones digit (c8 plus 48)
    <<<<<<-                     one column fewer
  ]
  >>++++++++++.[-]              newline
  <<<<-                         one row fewer
]
