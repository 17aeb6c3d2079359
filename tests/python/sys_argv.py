# sys.argv holds the script name as given on the command line.
import sys
print(sys.argv, len(sys.argv), sys.argv[0], type(sys.argv))
print(sys.argv[1:])
