compute: three nested counting loops with 246 cubed iterations of the inner loop
adding 1 to c3 and 3 to c4 each time; then print c3 and c4 as bytes and a newline
----------[>----------[>----------[>+>+++<<-]<-]<-]
>>>.>.<<<<++++++++++.
