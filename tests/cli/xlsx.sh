#!/usr/bin/env bash
# --format xlsx: the workbook unzipped and read back by Python (zipfile and
# ElementTree), cell by cell; never written to standard output; atomic.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
lib=$(cd "$(dirname "$0")/lib" && pwd)
# The workbook is assembled in $TMPDIR: check that nothing is left there.
export TMPDIR=$tmp/scratch
mkdir "$TMPDIR"

cat >"$tmp/a.txt" <<'EOF'
France strongly supports the ceasefire plan, officials said, and "firmly" so.
Germany opposes the new sanctions.

"We will not sign it," said President Emmanuel Macron.
EOF
# Invalid UTF-8 and a literal _x0041_ in the text must not spoil the file.
printf 'Norway supports the caf\xe9 talks _x0041_.\n' >"$tmp/b.txt"

run extract --format xlsx -o "$tmp/claims.xlsx" "$tmp/a.txt" "$tmp/b.txt"
expect_rc 0
[[ ! -s $tmp/out ]] || fail "xlsx wrote to stdout: $(head -c 200 "$tmp/out")"
python3 - "$lib" "$tmp/claims.xlsx" "$tmp/a.txt" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from read_xlsx import Workbook
book = Workbook(sys.argv[2])
assert book.sheet_names == ["claims", "quotes"], book.sheet_names

claims = book.rows("claims")
header = ["doc", "holder", "holder_type", "holder_affiliation", "stance", "target", "negated",
          "hedged", "speaker", "quote", "evidence", "sentence", "begin", "end", "rule"]
assert claims[0] == header, claims[0]
by_holder = {r[1]: dict(zip(header, r + [None] * (15 - len(r)))) for r in claims[1:]}
france = by_holder["France"]
assert france["doc"] == sys.argv[3], france
assert (france["stance"], france["target"]) == ("supports", "ceasefire plan"), france
assert france["holder_type"] == "country", france
assert france["negated"] is False and france["hedged"] is False, france
assert france["evidence"] == \
    'France strongly supports the ceasefire plan, officials said, and "firmly" so.', france
assert france["begin"] == 0 and isinstance(france["end"], int), france
raw = open(sys.argv[3], "rb").read()
assert raw[france["begin"]:france["end"]].decode().startswith("France strongly supports"), france
assert france["sentence"] == 0 and france["rule"] == "support-active", france
germany = by_holder["Germany"]
assert (germany["stance"], germany["target"]) == ("opposes", "new sanctions"), germany
assert germany["speaker"] is None and germany["quote"] is None, germany
norway = by_holder["Norway"]
assert norway["evidence"] == "Norway supports the caf\ufffd talks _x0041_.", norway

assert book.frozen_rows("claims") == 1
assert book.autofilter("claims") == "A1:O%d" % len(claims), book.autofilter("claims")
widths = book.widths("claims")
assert set(widths) == set(range(15)), widths
assert all(6 <= w <= 61 for w in widths.values()), widths
assert widths[10] > widths[6], widths  # evidence is wider than negated

quotes = book.rows("quotes")
assert quotes[0][:4] == ["doc", "quote", "begin", "end"], quotes[0]
spoken = [r for r in quotes[1:] if len(r) > 4 and r[4] == "Emmanuel Macron"]
assert len(spoken) == 1 and spoken[0][1] == "We will not sign it,", quotes
assert isinstance(spoken[0][2], int) and spoken[0][9] is False, spoken
assert book.frozen_rows("quotes") == 1 and book.autofilter("quotes") == "A1:M%d" % len(quotes)
PY

# quotes: one sheet.
run quotes --format xlsx -o "$tmp/quotes.xlsx" "$tmp/a.txt"
expect_rc 0
python3 - "$lib" "$tmp/quotes.xlsx" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from read_xlsx import Workbook
book = Workbook(sys.argv[2])
assert book.sheet_names == ["quotes"], book.sheet_names
assert book.rows("quotes")[0][:2] == ["doc", "quote"]
PY

# A quotation longer than a cell holds is cut, with a warning, exit 0.
python3 -c "print('\"We back it' + ', and more words here' * 2000 + ',\" said President Emmanuel Macron.')" \
  >"$tmp/long.txt"
run quotes --format xlsx -o "$tmp/long.xlsx" "$tmp/long.txt"
expect_rc 0
expect_in "$tmp/err" "$tmp/long.txt: warning: 'quote' in row 2 of sheet 'quotes' was cut to 32,767 characters"
python3 - "$lib" "$tmp/long.xlsx" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from read_xlsx import Workbook
row = Workbook(sys.argv[2]).rows("quotes")[1]
assert len(row[1]) == 32767 and row[1].startswith("We back it, and more"), len(row[1])
assert row[3] - row[2] > 32767, row[2:4]  # the span still covers all of it
PY

# A workbook is never written to the console.
for out in "" "-o -"; do
  # shellcheck disable=SC2086
  run extract --format xlsx $out "$tmp/a.txt"
  expect_rc 2
  expect_in "$tmp/err" "--format xlsx writes a binary workbook, never to the console"
  [[ ! -s $tmp/out ]] || fail "binary on stdout"
done

# Atomic: a failed run leaves the old file as it was and no temporary file.
echo old >"$tmp/keep.xlsx"
run extract --format xlsx -o "$tmp/keep.xlsx" --rules "$tmp/no-such-rules" "$tmp/a.txt"
expect_rc 2
[[ $(cat "$tmp/keep.xlsx") = old ]] || fail "a failed run changed keep.xlsx"
run extract --format xlsx -o "$tmp/keep.xlsx" "$tmp/a.txt"
expect_rc 0
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).testzip()' "$tmp/keep.xlsx"
leftovers=$(find "$tmp" -name '.keep.xlsx.tmp-*'; ls -A "$TMPDIR")
[[ -z $leftovers ]] || fail "temporary files left: $leftovers"
echo ok
