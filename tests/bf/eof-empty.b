eof empty: reading when stdin is empty  (no stdin file: the runner gives
/dev/null)
Exercises: end of input on the very first read; a read loop that only
stops because the cell was cleared before reading
Prints OK then a newline

++++++++[>++++++++++<-]>-       c1 = 79 (O)
,.                              end of input: still O
----,.                          K  (75)
[-],[.[-],]                     a read loop that reads nothing
++++++++++.                     newline
