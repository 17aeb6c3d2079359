cat: copy stdin to stdout byte for byte
Exercises: input until end of file; output of every byte value that
occurs in the input (UTF8 sequences and byte 255 included)
The cell is cleared before each read: at end of input the read leaves
it unchanged (still 0) and the loop ends  (so does a 0 byte)

[-],            clear then read the first byte
[               while the byte is not 0
  .             echo it
  [-],          clear then read the next one
]
