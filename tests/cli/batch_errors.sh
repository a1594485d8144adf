#!/usr/bin/env bash
# A missing file, an empty folder, an unreadable file: one line each naming
# it, exit 1, and the good documents of the batch are still written.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

printf 'Lisbon praises the ceasefire.\n' >"$tmp/good.txt"
mkdir "$tmp/empty"
run sentences "$tmp/missing.txt" "$tmp/good.txt" "$tmp/empty"
expect_rc 1
expect_in "$tmp/err" "$tmp/missing.txt: no such file or folder"
expect_in "$tmp/err" "$tmp/empty: folder holds no *.txt files"
[[ $(wc -l <"$tmp/err") -eq 2 ]] || fail "one line per error expected: $(cat "$tmp/err")"
expect_in "$tmp/out" "Lisbon praises the ceasefire."

# The same for extract, with error records.
run extract --errors "$tmp/errors.jsonl" "$tmp/good.txt" "$tmp/missing.txt"
expect_rc 1
python3 - "$tmp/errors.jsonl" "$tmp/missing.txt" <<'PY'
import json, sys
records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert len(records) == 1, records
r = records[0]
assert list(r) == ["doc", "stage", "message"], r
assert r["doc"] == sys.argv[2] and r["stage"] == "input", r
PY

# A file that cannot be read (root reads everything, so only as a user).
if [[ $(id -u) -ne 0 ]]; then
  printf 'Secret.\n' >"$tmp/locked.txt"
  chmod 000 "$tmp/locked.txt"
  run sentences "$tmp/locked.txt" "$tmp/good.txt"
  expect_rc 1
  expect_in "$tmp/err" "$tmp/locked.txt: cannot read"
  expect_in "$tmp/out" "Lisbon praises the ceasefire."
fi

# Warnings and errors never mix into stdout.
run extract --format jsonl "$tmp/missing.txt"
expect_rc 1
[[ ! -s "$tmp/out" ]] || fail "stdout should be empty: $(cat "$tmp/out")"
echo ok
