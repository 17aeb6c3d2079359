deep nesting: loops nested 40 and 36 and 32 deep
Exercises: deep bracket nesting; inner loops entered many times; a 36 deep
nest that is skipped as a whole; the loop stack of a tracing JIT
Prints 8 x then a newline then 54 and a newline

Part A: 40 nested loops; cell k is the counter of loop k; levels 7 and 19
and 33 run twice and all others once so the innermost body runs 8 times
and prints x each time  (c40 and c41 are its scratch cells)
+[>+[>+[>+[>+[>+[>+[>++[>+[>+[>+[>+[>+[>+[>+[>+[>+[>+[>+[>++[>+[>+[>+[>+[>+[>+[>+[>+[>+[>+[>+[>+[>+[>++[>+[>+[>+[>+[>+[>+[>
++++++++++[>++++++++++++<-]>.[-]<
<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]
++++++++++.[-]
Part B: c0 is 0 so this 36 deep nest never runs  (it would print)
[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[+.>.<]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
Part C: 32 nested loops; levels 3 and 13 and 23 run three times and level
30 twice: the innermost body adds 1 to c32 for 54 in all
+[>+[>+[>+++[>+[>+[>+[>+[>+[>+[>+[>+[>+[>+++[>+[>+[>+[>+[>+[>+[>+[>+[>+[>+++[>+[>+[>+[>+[>+[>+[>++[>+[>
+
<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]<-]
Then print c32 in decimal  (divide by 10 twice; c33 to c38 are scratch)
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>
  >++++++++++<[->-[->>+<<]>>>+<[-<<+>>>[-]<]>[-<<<++++++++++>+>>]<<<<]
  ++++++++++>[-<->]
  >>++++++++++<[->-[->>+<<]>>>+<[-<<+>>>[-]<]>[-<<<++++++++++>+>>]<<<<]
  ++++++++++>[-<->]
  >[[->+<]<+>>>++++++[<++++++++>-]<.[-]<]
  <<[->>>+<<+<]>[[-]>>>++++++[<++++++++>-]<.<<]>>[-]<<<<<
  >++++++[<++++++++>-]<.[-]
++++++++++.
