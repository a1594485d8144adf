#!/usr/bin/env bash
# A folder stands for its *.txt files, recursively, sorted; ids are paths.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

mkdir -p "$tmp/wire/2024/march" "$tmp/wire/.cache"
printf 'Canberra backs the treaty.\n' >"$tmp/wire/b.txt"
printf 'Nairobi welcomes the vote.\n' >"$tmp/wire/a.txt"
printf 'Quito condemns the raid.\n' >"$tmp/wire/2024/march/c.txt"
printf 'Not an article.\n' >"$tmp/wire/readme.md"
printf 'Hidden.\n' >"$tmp/wire/.cache/d.txt"
printf 'Given by name.\n' >"$tmp/single.txt"

cd "$tmp"
run sentences --format jsonl wire/ single.txt
expect_rc 0
python3 - "$tmp/out" <<'PY'
import json, sys
docs = []
for line in open(sys.argv[1], encoding="utf-8"):
    doc = json.loads(line)["doc"]
    if not docs or docs[-1] != doc:
        docs.append(doc)
want = ["wire/2024/march/c.txt", "wire/a.txt", "wire/b.txt", "single.txt"]
assert docs == want, docs
PY

# Twice the same: the same bytes (deterministic).
cp "$tmp/out" "$tmp/first"
run sentences --format jsonl wire/ single.txt
cmp -s "$tmp/out" "$tmp/first" || fail "two runs differ"
echo ok
