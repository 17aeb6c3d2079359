comment bracket: a bracket in comment text is a command like any other
Exercises: the parse error for a stray close bracket written as part of
a comment  (a smiley on line 9 column 38)
Nothing is printed: a program with unbalanced brackets does not run

++++++++[>+++++++++<-]>.         would print H
+.                               would print I
>++++++++++.                     would print a newline
It would print HI and make us happy :] but it never runs
