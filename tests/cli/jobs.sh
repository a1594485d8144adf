#!/usr/bin/env bash
# -j N: worker threads over documents write exactly what -j 1 writes, errors
# and warnings included, in the same order.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

# A batch with every kind of document: fixture articles (many claims), a
# missing file, a broken JSONL line, an oversized one, invalid UTF-8.
python3 - "$tmp/batch.jsonl" fixtures/*/input.txt <<'PY'
import json, sys
out = open(sys.argv[1], "wb")
texts = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
# More documents than -j 2 holds in flight (2 * 2 jobs of up to 32), so
# jobs are refilled and finish out of order.
for i in range(150):
    if i == 17:
        out.write(b'{"id": "broken", "text": \n')
        continue
    if i == 31:
        out.write(json.dumps({"id": "big", "text": "x" * 300000}).encode() + b"\n")
        continue
    text = texts[i % len(texts)]
    if i == 44:
        text = text[:200] + "@BAD@" + text[200:]
    line = json.dumps({"id": "doc-%02d" % i, "text": text}, ensure_ascii=False)
    out.write(line.encode().replace(b"@BAD@", b"\xff") + b"\n")
PY

for j in 1 2 3 0; do
  run extract -j "$j" --input jsonl --max-document-bytes 100000 \
    --errors "$tmp/errors-$j.jsonl" "$tmp/batch.jsonl" "$tmp/missing.jsonl"
  expect_rc 1
  cp "$tmp/out" "$tmp/out-$j"
  cp "$tmp/err" "$tmp/err-$j"
done
[ "$(grep -c '"holder"' "$tmp/out-1")" -gt 100 ] || fail "too few claims: $(wc -l <"$tmp/out-1")"
for j in 2 3 0; do
  cmp "$tmp/out-1" "$tmp/out-$j" || fail "-j $j output differs from -j 1"
  cmp "$tmp/err-1" "$tmp/err-$j" || fail "-j $j stderr differs from -j 1"
  cmp "$tmp/errors-1.jsonl" "$tmp/errors-$j.jsonl" || fail "-j $j error records differ"
done
python3 - "$tmp/errors-1.jsonl" "$tmp/batch.jsonl" <<'PY'
import json, sys
errors = [json.loads(line) for line in open(sys.argv[1])]
docs = [e["doc"] for e in errors]
# JSON must be UTF-8: the line with a bad byte is refused, not mangled.
assert docs == [sys.argv[2].replace("batch", "missing"), sys.argv[2] + ":18", "big",
                sys.argv[2] + ":45"], docs
PY

# Text files and csv: the same, with a warning (invalid UTF-8) in the middle.
mkdir "$tmp/articles"
cp -r fixtures "$tmp/articles/"
printf 'Tehran rejects the \xff proposal.\n' >"$tmp/articles/fixtures/m.txt"
run extract -j 1 --format csv "$tmp/articles"
expect_rc 0
expect_in "$tmp/err" "m.txt"
cp "$tmp/out" "$tmp/csv-1"
cp "$tmp/err" "$tmp/csv-err-1"
run extract -j 2 --format csv "$tmp/articles"
cmp "$tmp/csv-1" "$tmp/out" || fail "-j 2 csv differs"
cmp "$tmp/csv-err-1" "$tmp/err" || fail "-j 2 warnings differ"

run extract -j -1 fixtures/
expect_rc 2
echo ok
