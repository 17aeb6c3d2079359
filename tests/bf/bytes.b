bytes: output every byte value
Exercises: output of byte 0 and of bytes above 127; a loop that ends when
its counter wraps from 255 to 0
Prints the bytes 0 to 255 in order then a newline (10) then the bytes 255
down to 0

.+[.+]          0 then 1 to 255; the cell wraps back to 0
>++++++++++.<   newline
-[.-].          255 down to 1 then 0
