#!/usr/bin/env python3
"""bf-golden.py — writes tests/bf: each golden Brainfuck program, its stdin and
its expected stdout / stderr / status.  Expected output comes from ./mtbf
--jit off and must agree with the small reference interpreter below, so a
regenerated expectation is checked twice.  Developer tool; the build and the
tests never need Python.  Usage: scripts/bf-golden.py (after building mtbf)."""
import os, subprocess
ROOT=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
D=os.path.join(ROOT,'tests','bf')
MTBF=os.path.join(ROOT,'mtbf')

def run(src, inp):
    """Reference semantics: byte cells, unbounded tape, EOF leaves the cell."""
    code=[c for c in src if c in '+-<>[].,']
    # match
    st=[]; m={}
    for i,c in enumerate(code):
        if c=='[': st.append(i)
        elif c==']': j=st.pop(); m[i]=j; m[j]=i
    tape={}; p=0; ip=0; out=bytearray(); k=0
    while ip<len(code):
        c=code[ip]
        if c=='+': tape[p]=(tape.get(p,0)+1)&255
        elif c=='-': tape[p]=(tape.get(p,0)-1)&255
        elif c=='>': p+=1
        elif c=='<': p-=1
        elif c=='.': out.append(tape.get(p,0))
        elif c==',':
            if k<len(inp): tape[p]=inp[k]; k+=1
        elif c=='[' and not tape.get(p,0): ip=m[ip]
        elif c==']' and tape.get(p,0): ip=m[ip]
        ip+=1
    return bytes(out)
def text_printer(s):
    out=[]; cur=0
    for ch in s.encode():
        d=ch-cur; sign='+' if d>0 else '-'
        if abs(d)>=16:
            f=abs(d)//8
            out.append('++++++++[>'+sign*f+'<-]>'+sign*(abs(d)-8*f)+'.<')
        else:
            out.append('>'+sign*abs(d)+'.<')
        cur=ch
    return '\n'.join(out)+'\n'
T={}
CMD=set('+-<>[].,')
def P(comment, code, inp=None):
    comment = comment.replace("-", " ")
    assert not (set(comment)&CMD), comment
    return (comment+'\n'+code, inp)

T['hello.b']=P("hello: print a greeting; cell 1 walks from one character code to the next\nwith a multiply loop on cell 0 for large steps", text_printer("Hello, metatrace!\n"))
T['triangle.b']=P("triangle: nested loops print a right triangle of stars in 9 rows\nlayout: c0 rows left; c1 stars in this row; c2 star char; c3 newline; c4 scratch",
"+++++++++\n>>>>++++++[<<+++++++>>-]<++++++++++<<<\n[>+[->>>+<<<]>>>[-<<<+>.>>]<.<<<-]\n")
T['cat.b']=P("cat: copy stdin to stdout; EOF leaves the cleared cell at zero and ends the loop",
",[.[-],]\n", b"line one\nline two: \xc3\xa9t\xc3\xa9 (UTF8 bytes pass through)\n\tlast line without newline")
big=bytes((i*7+13)%250+1 for i in range(150000))
T['reverse.b']=P("reverse: read all of stdin (150000 bytes) onto the tape; growing it to the right\nwell past its initial size; then print it backwards", ">,[>,]<[.<]\n", big)
def nest(depth, times, payload):
    s=''
    for _ in range(depth): s+='+'*times+'[>'
    s+=payload
    for _ in range(depth): s+='<-]'
    return s
T['deep-nesting.b']=P("deep nesting: 40 nested loops each entered once print A at the innermost level\nthen 10 nested loops each run twice print 1024 digits 2",
   nest(40,1,'++++++++[>++++++++<-]>+.[-]<')+'\n'+nest(10,2,'++++++[>++++++++<-]>++.[-]<')+'\n++++++++++.\n')
T['tape-left.b']=P("tape-left: set c1 to 100 then move 70000 cells left of the start so the tape\ngrows to the left; print C there; walk back and print c1 (d)",
   "++++++++++[>++++++++++<-]>\n"+'<'*70000+"\n++++++++[>++++++++<-]>+++.[-]<\n"+'>'*70000+"\n.[-]++++++++++.\n")
T['wrap.b']=P("wrap: cells are bytes: 0 minus 1 is 255 and 255 plus 1 is 0; prints byte 255\nthen Z only if the cell wrapped back to 0",
   "-.+>+<[>-<[-]]>[[-]++++++++++[<+++++++++>-]<.[-]>]++++++++++.\n")
T['compute.b']=P("compute: three nested counting loops with 246 cubed iterations of the inner loop\nadding 1 to c3 and 3 to c4 each time; then print c3 and c4 as bytes and a newline",
"----------[>----------[>----------[>+>+++<<-]<-]<-]\n>>>.>.<<<<++++++++++.\n")
T['io-interleaved.b']=P("io-interleaved: write a prompt before each of three reads; echo each byte plus one",
"++++++++[>++++++++<-]>--.[-]<,+.[-]\n++++++++[>++++++++<-]>--.[-]<,+.[-]\n++++++++[>++++++++<-]>--.[-]<,+.[-]++++++++++.\n", b"abc")
T['unmatched-open.b']=P("unmatched-open: the first open bracket on line 4 (column 5) is never closed", "+++[>+<-]\n>[-]\n  ++[ [ - ]\n>>\n")
T['unmatched-close.b']=P("unmatched-close: a close bracket without an open one on line 3\nis reported even though a later open bracket is also unclosed", "+[-]]\n[\n")
T['brackets-in-comments.b']=P("brackets-in-comments: brackets in prose are code too", "like this] one\n+.\n")
T['eof-unchanged.b']=P("eof-unchanged: reading at EOF leaves the cell as it was: set 65 (A) then read\nfrom empty input and print the cell", "++++++++[>++++++++<-]>+,.\n")
os.makedirs(D, exist_ok=True)
for name,(src,inp) in T.items():
    p=os.path.join(D,name)
    open(p,'w').write(src)
    if inp is not None: open(p+'.stdin','wb').write(inp)
    r=subprocess.run([MTBF,'--jit','off',name],cwd=D,input=inp or b'',capture_output=True)
    # reference check for runnable programs
    code=[c for c in src if c in '+-<>[].,']
    depth=0; ok=True
    for c in code:
        depth+= c=='['; depth-= c==']'
        if depth<0: ok=False
    ok = ok and depth==0
    if ok:
        ref=run(src, inp or b'')
        assert ref==r.stdout, (name, ref[:50], r.stdout[:50])
        assert r.returncode==0 and r.stderr==b'', (name, r)
    else:
        assert r.returncode==2, name
        open(p+'.stderr','wb').write(r.stderr.splitlines()[-1]+b'\n')
        open(p+'.status','w').write('2\n')
    open(p+'.stdout','wb').write(r.stdout)
    print(name, r.returncode, r.stdout[:60], r.stderr)
