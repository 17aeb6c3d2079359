unmatched close: a close bracket with no open bracket before it
Exercises: the parse error for a stray close bracket: the first stray one
is reported  (line 10 column 10) even though a second stray close bracket and
an open bracket that is never closed come later
Nothing is printed: a program with unbalanced brackets does not run

++++++++[>++++++++<-]>+.         would print A
>+[
  >+[-]<-
] >[-<+>]]<   ]
  [
