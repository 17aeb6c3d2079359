unmatched open: an open bracket that is never closed
Exercises: the parse error for an unclosed loop: which bracket is reported
and its line and column (columns count bytes: the tab and the two byte
UTF8 letter below count as 1 and 2)
Two open brackets are never closed; the leftmost one is reported  (line 11
column 8) and not the last one or the first bracket of the file
Nothing is printed: a program with unbalanced brackets does not run

++++++++[>++++++++<-]>+.         would print A
[-]
	café [
  >[+] [ - ]
  +++   [
  >>.
