#!/usr/bin/env bash
# Scale-out (docs/scale.md): a corpus cut into shards and run through GNU
# parallel, one stance per shard, gives exactly the claims of one process.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
command -v parallel >/dev/null || { echo "GNU parallel not installed; skipping"; exit 77; }

python3 - "$tmp/corpus.jsonl" fixtures/*/input.txt <<'PY'
import json, sys
out = open(sys.argv[1], "w", encoding="utf-8")
texts = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
for i in range(120):
    # Paragraphs of the fixtures in new combinations, so documents differ.
    paragraphs = texts[i % len(texts)].split("\n\n")
    k = i % max(1, len(paragraphs))
    text = "\n\n".join(paragraphs[k:] + paragraphs[:k])
    out.write(json.dumps({"id": "doc-%03d" % i, "text": text}, ensure_ascii=False) + "\n")
PY

"$stance" extract --input jsonl "$tmp/corpus.jsonl" | sort >"$tmp/one.jsonl"
[ "$(wc -l <"$tmp/one.jsonl")" -gt 200 ] || fail "too few claims in the reference run"

# Shard files, one process each (the Hadoop/Spark mapper shape).
mkdir "$tmp/shards"
split -n l/7 -d --additional-suffix=.jsonl "$tmp/corpus.jsonl" "$tmp/shards/part-"
ls "$tmp/shards"/*.jsonl | parallel -j 3 "$stance" extract --input jsonl {} \
  >"$tmp/sharded.jsonl"
sort "$tmp/sharded.jsonl" | cmp - "$tmp/one.jsonl" || fail "sharded files differ from one process"

# The corpus piped through parallel --pipe, blocks cut at line ends.
parallel --pipe --block 20k -j 3 "$stance" extract --input jsonl - \
  <"$tmp/corpus.jsonl" | sort >"$tmp/piped.jsonl"
cmp "$tmp/piped.jsonl" "$tmp/one.jsonl" || fail "parallel --pipe differs from one process"
echo ok
