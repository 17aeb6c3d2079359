unmatched close: a close bracket without an open one on line 3
is reported even though a later open bracket is also unclosed
+[-]]
[
