reverse: read all of stdin (150000 bytes) onto the tape; growing it to the right
well past its initial size; then print it backwards
>,[>,]<[.<]
