# A traceback through three nested function calls, each frame with its source line.
def parse_record(line):
    name, age = line.split(",")
    return name, int(age)

def load(lines):
    records = []
    for line in lines:
        records.append(parse_record(line))
    return records

def main():
    data = ["ada,36", "bob,41", "cy,forty"]
    print(load(data[:2]))
    print(load(data))

main()
