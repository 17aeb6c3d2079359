# sys.exit raises SystemExit, which except Exception does not catch but except SystemExit does.
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("SystemExit", e.code, e.args, isinstance(e, Exception), isinstance(e, BaseException))
try:
    sys.exit("text")
except SystemExit as e:
    print("SystemExit", repr(e.code))
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit", e.code)
try:
    try:
        sys.exit(1)
    except Exception:
        print("not caught here")
except SystemExit:
    print("caught by SystemExit handler")
def cleanup():
    try:
        sys.exit(2)
    finally:
        print("finally runs on exit")
try:
    cleanup()
except SystemExit as e:
    print("code", e.code)
