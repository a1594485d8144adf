#!/usr/bin/env bash
# CSV and TSV read back by Python: header, column count, fields intact.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

printf 'Oslo said: "We back it, firmly."\nCairo, in turn, opposes the “plan”.\nZürich hosts the talks\ttoday.\n' \
  >"$tmp/a.txt"

run extract --format csv "$tmp/a.txt"
expect_rc 0
python3 - "$tmp/out" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
want = ["doc", "holder", "holder_type", "holder_affiliation", "stance", "target", "negated",
        "hedged", "speaker", "quote", "evidence", "sentence", "begin", "end", "rule"]
assert rows[0] == want, rows[0]
assert all(len(r) == len(want) for r in rows), [len(r) for r in rows]
PY

run quotes --format csv "$tmp/a.txt"
expect_rc 0
python3 - "$tmp/out" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert rows[0][:4] == ["doc", "quote", "begin", "end"] and len(rows[0]) == 13, rows[0]
assert all(len(r) == 13 for r in rows), rows
PY

# Sentences carry real text: commas, quotes, tabs and non-ASCII survive CSV.
run sentences --format csv "$tmp/a.txt"
expect_rc 0
python3 - "$tmp/out" "$tmp/a.txt" <<'PY'
import csv, sys
raw = open(sys.argv[2], "rb").read()
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
assert rows[0] == ["doc", "index", "begin", "end", "text"], rows[0]
assert len(rows) > 1
for r in rows[1:]:
    assert len(r) == 5, r
    begin, end = int(r[2]), int(r[3])
    assert raw[begin:end].decode("utf-8") == r[4], (r, raw[begin:end])
texts = " ".join(r[4] for r in rows[1:])
assert '"We back it, firmly."' in texts and "“plan”" in texts, texts
PY

run sentences --format tsv "$tmp/a.txt"
expect_rc 0
python3 - "$tmp/out" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
assert lines[-1] == "" and lines[0] == "doc\tindex\tbegin\tend\ttext", lines[0]
assert all(len(l.split("\t")) == 5 for l in lines[:-1]), lines
assert any("talks today." in l for l in lines), lines
PY
echo ok
