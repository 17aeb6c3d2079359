eof: reading past the end of input leaves the cell unchanged
Exercises: input that runs out while the program keeps reading
stdin holds the two bytes h and i  (no newline)
Prints h i i j then a newline: the third and fourth reads hit the end of
input  so the cell keeps i and then i plus 1

,.              h
,.              i
,.              end of input: still i
+,.             j: the cell was changed before the read and keeps it
>++++++++++     c1 = 10
,,,.            three more reads at end of input: still a newline
