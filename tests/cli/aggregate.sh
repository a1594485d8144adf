#!/usr/bin/env bash
# --aggregate: one row per (holder, stance, target, negated) with counts, on a
# batch of our own; read back from CSV, JSONL and XLSX.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
lib=$(cd "$(dirname "$0")/lib" && pwd)

# The default rules drop negated claims; a copy whose oppose-active rule
# marks them instead gives "did not oppose" a row of its own.
cp -r rules "$tmp/rules"
python3 - "$tmp/rules/stance/opposes.yaml" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
old = "  - id: oppose-active\n    stance: opposes\n"
assert old in text
open(path, "w").write(text.replace(old, old + "    negation: mark\n", 1))
PY

mkdir "$tmp/in"
cat >"$tmp/in/a.txt" <<'EOF'
France strongly supports the ceasefire plan. Germany opposes the new sanctions.
EOF
cat >"$tmp/in/b.txt" <<'EOF'
France supports the ceasefire plan, officials said. Germany opposes the new sanctions.
Later, France again supports the ceasefire plan.
EOF
cat >"$tmp/in/c.txt" <<'EOF'
Germany did not oppose the new sanctions. Norway supports the talks.
EOF

run extract --rules "$tmp/rules" --aggregate --format csv "$tmp/in"
expect_rc 0
python3 - "$tmp/out" "$tmp/in" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
d = sys.argv[2]
key = lambda r: (r["holder"], r["stance"], r["target"], r["negated"])
got = [(key(r), r["count"], r["documents"], r["doc_ids"]) for r in rows]
want = [
    (("France", "supports", "ceasefire plan", "false"), "3", "2", f"{d}/a.txt; {d}/b.txt"),
    (("Germany", "opposes", "new sanctions", "false"), "2", "2", f"{d}/a.txt; {d}/b.txt"),
    # The denial is a row of its own, not one more "opposes".
    (("Germany", "opposes", "new sanctions", "true"), "1", "1", f"{d}/c.txt"),
    (("Norway", "supports", "talks", "false"), "1", "1", f"{d}/c.txt"),
]
assert got == want, got
france = rows[0]
assert france["first_doc"] == f"{d}/a.txt", france
assert france["first_evidence"] == "France strongly supports the ceasefire plan.", france
assert (france["first_begin"], france["first_end"]) == ("0", "44"), france
assert france["first_rule"] == "support-active" and france["hedged_count"] == "0", france
text = open(f"{d}/a.txt", "rb").read()
assert text[0:44].decode() == france["first_evidence"]
PY

# JSONL: the same rows, typed.
run extract --rules "$tmp/rules" --aggregate "$tmp/in"
expect_rc 0
python3 - "$tmp/out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert [r["count"] for r in rows] == [3, 2, 1, 1], rows
assert [r["negated"] for r in rows] == [False, False, True, False], rows
assert list(rows[0])[:5] == ["holder", "stance", "target", "negated", "count"], rows[0]
PY

# XLSX: the aggregate sheet first, then every claim and quote.
run extract --rules "$tmp/rules" --aggregate --format xlsx -o "$tmp/summary.xlsx" "$tmp/in"
expect_rc 0
python3 - "$lib" "$tmp/summary.xlsx" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from read_xlsx import Workbook
book = Workbook(sys.argv[2])
assert book.sheet_names == ["aggregate", "claims", "quotes"], book.sheet_names
rows = book.rows("aggregate")
assert rows[0][:7] == ["holder", "stance", "target", "negated", "count", "hedged_count",
                       "documents"], rows[0]
assert rows[1][:7] == ["France", "supports", "ceasefire plan", False, 3, 0, 2], rows[1]
assert rows[3][:5] == ["Germany", "opposes", "new sanctions", True, 1], rows[3]
assert book.frozen_rows("aggregate") == 1 and book.autofilter("aggregate") == "A1:M5"
assert len(book.rows("claims")) == 1 + 7, book.rows("claims")
PY

# Only claims can be aggregated.
run quotes --aggregate "$tmp/in"
expect_rc 2
echo ok
