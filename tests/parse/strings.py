'single'
"double"
'''triple
single'''
"""triple
double"""
'it''s' "concat" 'ok'
'a' "b"
"quote ' inside"
'quote " inside'
'both \' and "'
"both ' and \""
r'raw \n \t \\ \''
R"raw"
u'unicode'
U"upper u"
u'kind' 'second'
'x' u'not first'
b'bytes'
B"bytes"
br'raw bytes \x'
Rb'\d'
rB"\w"
bR'\s'
b'\x00\x7f\x80\xff'
b"\n\t\r\\\'\""
b'\101\102'
b'\777'
b'unknown \q escape'
'\a\b\f\n\r\t\v'
'\0\01\012\101\777'
'\x41\x7f\x80\xff'
'\u0041\u00e9\u20ac\uffff'
'\U0001F600\U00000041\U0010FFFF'
'\ud800'
'unknown \q escape \8 \9'
'line \
continued'
'''multi \
line'''
'é ü ß € 中文 😀'
'tab	char'
'\x00 nul'
'\x1b escape'
'\x7f del'
'\xa0 nbsp \xad shy'
'\u2028 \u200b'
"'"
'"'
"'\""
''
""
''''''
""""""
b''
'''a'b"c'''
"""a'b"c"""
'\\'
'\\\\'
