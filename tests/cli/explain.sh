#!/usr/bin/env bash
# explain: --sentence and --match select sentences; text names the rules, the
# fills and the drops; jsonl is one object per sentence (read back by
# Python); a bad index or a bad flag exits 2 with one clear line.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

cat >"$tmp/a.txt" <<'EOF'
Chile joined Peru in opposing the new fishing quotas.

Kenya did not oppose the resolution.

The weather in the capital was mild on Tuesday.
EOF

# Every sentence, as text (stdout is a file: no colour codes).
run explain "$tmp/a.txt"
expect_rc 0
expect_in "$tmp/out" "sentence 0 ["
expect_in "$tmp/out" "sentence 2 ["
expect_in "$tmp/out" "let through by the prefilter"
expect_in "$tmp/out" "oppose-joined (rules/stance/opposes.yaml:"
expect_in "$tmp/out" "dropped by negation"
if grep -q $'\x1b\[' "$tmp/out"; then fail "colour codes in piped output"; fi

# On a terminal the text is coloured, unless NO_COLOR is set.
if command -v script >/dev/null; then
  command=$(printf '%q explain --sentence 0 %q' "$stance" "$tmp/a.txt")
  script -qec "$command" /dev/null >"$tmp/tty" </dev/null || fail "explain on a terminal failed"
  grep -q $'\x1b\[' "$tmp/tty" || fail "no colour on a terminal: $(cat "$tmp/tty")"
  NO_COLOR=1 script -qec "$command" /dev/null >"$tmp/tty" </dev/null
  expect_in "$tmp/tty" "sentence 0 ["
  if grep -q $'\x1b\[' "$tmp/tty"; then fail "colour despite NO_COLOR"; fi
fi

# --sentence N: that sentence only.
run explain --sentence 1 "$tmp/a.txt"
expect_rc 0
expect_in "$tmp/out" "sentence 1 ["
expect_in "$tmp/out" "Kenya did not oppose the resolution."
expect_in "$tmp/out" "negated by 'not'"
if grep -q "sentence 0 \[" "$tmp/out"; then fail "--sentence 1 printed sentence 0"; fi

# --match TEXT, ignoring case.
run explain --match "FISHING QUOTAS" "$tmp/a.txt"
expect_rc 0
expect_in "$tmp/out" "sentence 0 ["
expect_in "$tmp/out" "lost"
expect_in "$tmp/out" "lost to oppose-joined"
if grep -q "sentence 1 \[" "$tmp/out"; then fail "--match printed a sentence without the text"; fi

run explain --match "no such words anywhere" "$tmp/a.txt"
expect_rc 1
expect_in "$tmp/err" "no sentence contains 'no such words anywhere'"

# jsonl: one object per sentence, parsed back.
run explain --format jsonl "$tmp/a.txt"
expect_rc 0
python3 - "$tmp/out" "$tmp/a.txt" <<'PY'
import json, sys
raw = open(sys.argv[2], "rb").read()
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
objs = [json.loads(l) for l in lines]
assert [o["sentence"] for o in objs] == [0, 1, 2], [o["sentence"] for o in objs]
for o in objs:
    assert raw[o["begin"]:o["end"]].decode("utf-8") == o["text"], o
    assert set(o) >= {"doc", "actors", "quotes", "rules", "matches", "claims"}, o.keys()
first, second, third = objs
assert sorted(a["name"] for a in first["actors"]) == ["Chile", "Peru"], first["actors"]
assert "oppose-joined" in first["rules"]["let_through"], first["rules"]
assert sorted(c["holder"] for c in first["claims"]) == ["Chile", "Peru"], first["claims"]
lost = [c for m in first["matches"] for c in m["candidates"] if not c["kept"]]
assert lost and all(c["lost_to"]["rule"] == "oppose-joined" for c in lost), lost
negated = [m for m in second["matches"] if m["outcome"] == "negated"]
assert negated and "not" in negated[0]["detail"], second["matches"]
assert second["claims"] == [], second["claims"]
assert third["matches"] == [] and third["rules"]["skipped"] > 0, third
PY

# jsonl with --sentence: exactly one object.
run explain --format jsonl --sentence 0 "$tmp/a.txt"
expect_rc 0
[[ $(wc -l <"$tmp/out") -eq 1 ]] || fail "expected one line: $(cat "$tmp/out")"

# A bad index is a usage error naming the range.
run explain --sentence 99 "$tmp/a.txt"
expect_rc 2
expect_in "$tmp/err" "--sentence 99 is out of range: it has 3 sentences (0 to 2)"
run explain --sentence -1 "$tmp/a.txt"
expect_rc 2
expect_in "$tmp/err" "--sentence"
run explain --sentence two "$tmp/a.txt"
expect_rc 2
run explain --sentence 0 --match Kenya "$tmp/a.txt"
expect_rc 2
run explain --format xml "$tmp/a.txt"
expect_rc 2
expect_in "$tmp/err" "--format"

# Rules that do not load: nothing is explained, exit 2.
run explain --rules "$tmp/no-such-rules" "$tmp/a.txt"
expect_rc 2
expect_in "$tmp/err" "failed to load"

# A missing file among good ones: reported, the rest explained, exit 1.
run explain --sentence 0 "$tmp/missing.txt" "$tmp/a.txt"
expect_rc 1
expect_in "$tmp/err" "missing.txt"
expect_in "$tmp/out" "sentence 0 ["

# Standard input.
printf 'Brazil firmly rejected the tariff plan on steel.\n' >"$tmp/b.txt"
set +e
"$stance" explain - <"$tmp/b.txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
expect_rc 0
expect_in "$tmp/out" "Brazil opposes 'tariff plan on steel'"
echo ok
