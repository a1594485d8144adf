#!/usr/bin/env bash
# --input jsonl: one {"id","text"} per line; a broken line is an error record
# with its line number and the batch goes on.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

cat >"$tmp/batch.jsonl" <<'JSONL'
{"id": "first", "text": "Seoul welcomes the summit.\nTokyo urges restraint."}
{"id": "second", "text": "broken
{"id": 3, "text": "Lima rejects the tariff."}

{"id": "fourth", "text": "Accra endorses the plan, \"fully\"."}
JSONL
run sentences --input jsonl --errors "$tmp/errors.jsonl" "$tmp/batch.jsonl"
expect_rc 1
expect_in "$tmp/err" "$tmp/batch.jsonl:2:"
python3 - "$tmp/out" "$tmp/errors.jsonl" "$tmp/batch.jsonl" <<'PY'
import json, sys
out = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert [o["id"] for o in out] == ["first", "3", "fourth"], out
assert all(list(o) == ["id", "sentences"] for o in out), out
joined = " ".join(out[0]["sentences"])
assert "Seoul welcomes the summit." in joined and "Tokyo urges restraint." in joined, out[0]
assert "Accra endorses the plan, \"fully\"." in " ".join(out[2]["sentences"]), out[2]
errors = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
assert len(errors) == 1, errors
assert errors[0]["doc"] == sys.argv[3] + ":2" and errors[0]["stage"] == "parse", errors
PY

# Claims from JSONL carry the JSONL ids; a folder gives its *.jsonl files.
mkdir "$tmp/dir"
printf '{"id":"x1","text":"Doha backs the talks."}\n' >"$tmp/dir/part.jsonl"
run extract --input jsonl --format csv "$tmp/dir"
expect_rc 0
expect_in "$tmp/out" "doc,holder,"
echo ok
