#!/usr/bin/env bash
# --excel: CSV and TSV read back by Python's csv module, with the byte order
# mark, CRLF, formula-like cells defused, and quotes, commas and line breaks
# inside cells intact; plain CSV unchanged.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

# Sentences and a quotation that start like formulas; a quotation spanning
# a line break; commas and quotes inside the evidence.
cat >"$tmp/a.txt" <<'EOF'
-France strongly supports the ceasefire plan, officials said, and "firmly" so.

=HYPERLINK("http://example.org") Germany opposes the new
sanctions.

"+Peace,
now," said President Emmanuel Macron.
@Oslo: Norway supports the talks.
EOF

run extract --format csv --excel "$tmp/a.txt"
expect_rc 0
python3 - "$tmp/out" <<'PY'
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"\xef\xbb\xbfdoc,holder,"), raw[:20]
# Every line ends in CRLF (no line break sits inside a claim's cell here).
assert raw.endswith(b"\r\n") and raw.count(b"\n") == raw.count(b"\r\n"), raw
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = list(csv.DictReader(f))
by_holder = {r["holder"]: r for r in rows}
assert set(by_holder) == {"France", "Germany", "Norway"}, by_holder.keys()
france = by_holder["France"]
assert france["stance"] == "supports" and france["target"] == "ceasefire plan", france
assert france["evidence"] == \
    "'-France strongly supports the ceasefire plan, officials said, and \"firmly\" so.", france
assert france["negated"] == "false" and france["begin"] == "1", france
assert by_holder["Germany"]["evidence"] == \
    "'=HYPERLINK(\"http://example.org\") Germany opposes the new sanctions.", by_holder["Germany"]
assert by_holder["Norway"]["evidence"] == "'@Oslo: Norway supports the talks.", by_holder["Norway"]
# Nothing a spreadsheet would run is left.
for r in rows:
    for k, v in r.items():
        assert not v or v[0] not in "=+-@\t\r", (k, v)
PY

run quotes --format csv --excel "$tmp/a.txt"
expect_rc 0
python3 - "$tmp/out" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = list(csv.DictReader(f))
quotes = {r["speaker"]: r["quote"] for r in rows if r["speaker"]}
# The line break inside the quotation survives, inside a quoted cell.
assert quotes["Emmanuel Macron"] == "'+Peace,\nnow,", quotes
PY

run extract --format tsv --excel "$tmp/a.txt"
expect_rc 0
python3 - "$tmp/out" <<'PY'
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"\xef\xbb\xbfdoc\tholder\t"), raw[:20]
lines = raw.decode("utf-8-sig").split("\r\n")
assert lines[-1] == "" and all("\n" not in l and "\r" not in l for l in lines), lines
rows = list(csv.reader(lines[:-1], delimiter="\t", quoting=csv.QUOTE_NONE))
assert all(len(r) == 15 for r in rows), rows
evidence = {r[1]: r[10] for r in rows[1:]}
assert evidence["Germany"].startswith("'=HYPERLINK"), evidence
PY

# Plain CSV is as before: no mark, LF, cells untouched.
run extract --format csv "$tmp/a.txt"
expect_rc 0
python3 - "$tmp/out" <<'PY'
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"doc,holder,") and b"\r" not in raw, raw[:40]
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
assert any(r["evidence"].startswith("=HYPERLINK(") for r in rows), rows
PY

# --excel means nothing to jsonl or xlsx: refused, not ignored.
run extract --excel "$tmp/a.txt"
expect_rc 2
expect_in "$tmp/err" "--excel is for csv and tsv, not 'jsonl'"
run extract --excel --format xlsx -o "$tmp/a.xlsx" "$tmp/a.txt"
expect_rc 2
[[ ! -e $tmp/a.xlsx ]] || fail "a refused run left $tmp/a.xlsx"
echo ok
