#!/usr/bin/env bash
# sentences --format jsonl: every span slices the original bytes exactly
# (multi-byte letters, CRLF, curly quotes), and the text format is the same
# sentences with line breaks turned into spaces.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

printf 'Brasília backs the “accord”.\r\nThe minister said: "It is good."\nMünchen, however,\nis wary.\n\nA last line without a break' \
  >"$tmp/a.txt"
run sentences --format jsonl "$tmp/a.txt"
expect_rc 0
cp "$tmp/out" "$tmp/spans.jsonl"
run sentences "$tmp/a.txt"
expect_rc 0
python3 - "$tmp/spans.jsonl" "$tmp/a.txt" "$tmp/out" <<'PY'
import json, sys
raw = open(sys.argv[2], "rb").read()
spans = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert spans, "no sentences"
last = 0
for i, s in enumerate(spans):
    assert list(s) == ["doc", "index", "begin", "end", "text"], s
    assert s["index"] == i and s["doc"] == sys.argv[2], s
    assert last <= s["begin"] < s["end"] <= len(raw), s
    assert raw[s["begin"]:s["end"]].decode("utf-8") == s["text"], (s, raw[s["begin"]:s["end"]])
    last = s["end"]
text_lines = open(sys.argv[3], "rb").read().decode("utf-8").split("\n")
assert text_lines[-1] == ""
flat = [s["text"].replace("\r", " ").replace("\n", " ") for s in spans]
assert text_lines[:-1] == flat, (text_lines, flat)
PY
echo ok
