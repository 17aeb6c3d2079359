wrap: cells are bytes: 0 minus 1 is 255 and 255 plus 1 is 0; prints byte 255
then Z only if the cell wrapped back to 0
-.+>+<[>-<[-]]>[[-]++++++++++[<+++++++++>-]<.[-]>]++++++++++.
