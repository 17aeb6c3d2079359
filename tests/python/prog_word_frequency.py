# Word frequency of an embedded text and of this program's own source: normalize, count, rank, format.
TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair, we had everything
before us, we had nothing before us, we were all going direct to Heaven, we were
all going direct the other way."""

def words_of(text):
    words = []
    current = []
    for ch in text.lower():
        if ch.isalpha() or ch == "'":
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words

def frequencies(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts

def report(counts, top):
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    width = max(len(w) for w, _ in ranked[:top])
    for rank, (word, n) in enumerate(ranked[:top], 1):
        print("%2d. %s %3d %s" % (rank, word.ljust(width), n, "#" * n))

words = words_of(TEXT)
counts = frequencies(words)
print(len(words), "words,", len(counts), "distinct")
report(counts, 10)
print(sorted(w for w, n in counts.items() if n == 1))
f = open("prog_word_frequency.py")
source = f.read()
f.close()
src_counts = frequencies(words_of(source))
report(src_counts, 5)
lengths = {}
for w in counts:
    lengths.setdefault(len(w), []).append(w)
for length in sorted(lengths):
    print(length, sorted(lengths[length]))
