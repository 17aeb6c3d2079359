unmatched open: the first open bracket on line 4 (column 5) is never closed
+++[>+<-]
>[-]
  ++[ [ - ]
>>
