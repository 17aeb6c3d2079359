eof unchanged: reading at EOF leaves the cell as it was: set 65 (A) then read
from empty input and print the cell
++++++++[>++++++++<-]>+,.
