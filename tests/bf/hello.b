hello world
Exercises: the basics: runs of plus and minus; pointer moves; one
multiplication loop that sets up five cells at once; output
Prints: Hello COMMA world and a newline

++++++++++                              c0 = 10 (loop counter)
[>+++++++>++++++++++>+++++++++++>+++>+<<<<<-]
                                        c1 = 70  c2 = 100  c3 = 110
                                        c4 = 30  c5 = 10
>++.                                    H   (c1 = 72)
>+.                                     e   (c2 = 101)
+++++++..                               l l (c2 = 108)
+++.                                    o   (c2 = 111)
>>++++++++++++++.                       comma (c4 = 44)
------------.                           space (c4 = 32)
<+++++++++.                             w   (c3 = 119)
<.                                      o   (c2 = 111)
>-----.                                 r   (c3 = 114)
<---.                                   l   (c2 = 108)
--------.                               d   (c2 = 100)
>>+.                                    !   (c4 = 33)
>.                                      newline (c5 = 10)
