#!/usr/bin/env bash
# The daily loop as a new user tries it: change one word in a rule file and
# `stance test` shows exactly the claims that changed and the rule
# responsible, exit 1; --update rewrites the expected file and says what it
# changed; then the test passes again. Done on copies of rules/ and of a
# fixture written here.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

cp -r rules "$tmp/rules"
fx="$tmp/fixtures/fisheries"
mkdir -p "$fx"
cat >"$fx/input.txt" <<'TEXT'
LIMA, May 2 - Talks on Pacific fishing quotas ended without agreement on Thursday.

Ecuador rejected the proposed catch limits, calling them a threat to its coastal towns. Chile strongly supports the new quotas for anchovy fleets. Peru may back a compromise on the patrol zones next month, officials said.

Japan condemned the delay in the talks.
TEXT

# A new fixture fails until its expected file is written.
run test --rules "$tmp/rules" "$tmp/fixtures"
expect_rc 1
run test --rules "$tmp/rules" --update "$tmp/fixtures"
expect_rc 0
expect_in "$tmp/out" "updated $fx/expected.jsonl: created with 4 records"
run test --rules "$tmp/rules" "$tmp/fixtures"
expect_rc 0
expect_in "$tmp/out" "1 fixture: 1 passed, 0 failed"
cp "$fx/expected.jsonl" "$tmp/expected.before"

# One verb out of the lexicon: exactly Ecuador's claim goes, named with its rule.
sed -i 's/verbs: \[oppose, reject, /verbs: [oppose, /' "$tmp/rules/lexicon/stance_cues.yaml"
# One word out of a pattern: "condemned" no longer fires criticize-active.
sed -i 's/(@criticize.s | @criticize.ed | @criticize.ing)/(@criticize.s | @criticize.ing)/' \
  "$tmp/rules/stance/criticizes.yaml"
[[ $(diff -r rules "$tmp/rules" | grep -c '^>') -eq 2 ]] || fail "the edits did not apply"
run test --rules "$tmp/rules" "$tmp/fixtures"
expect_rc 1
diffs=$(grep -E '^  (missing|unexpected|changed) ' "$tmp/out")
expected_diffs='  missing       Ecuador opposes "proposed catch limits"  (rule oppose-active)
  missing       Japan criticizes "delay in the talks"  (rule criticize-active)'
[[ $diffs == "$expected_diffs" ]] || fail "differences were: $diffs"
expect_in "$tmp/out" 'in "Ecuador rejected the proposed catch limits, calling them a threat to its coastal towns."'
expect_in "$tmp/out" "FAIL $fx  claims: precision 100.0% (2/2), recall 50.0% (2/4)"
cmp -s "$fx/expected.jsonl" "$tmp/expected.before" || fail "a plain run changed the expected file"

# A changed claim: field by field, with its rule.
cp rules/stance/criticizes.yaml "$tmp/rules/stance/criticizes.yaml"
cp rules/lexicon/stance_cues.yaml "$tmp/rules/lexicon/stance_cues.yaml"
sed -i 's/    phrases: \[may, might, could,/    phrases: [might, could,/' "$tmp/rules/lexicon/stance_cues.yaml"
run test --rules "$tmp/rules" "$tmp/fixtures"
expect_rc 1
diffs=$(grep -E '^  (missing|unexpected|changed) ' "$tmp/out")
[[ $diffs == '  changed       Peru supports: hedged true -> false  (rule support-active)' ]] ||
  fail "differences were: $diffs"

# --update after review: says what it changed; then all pass.
run test --rules "$tmp/rules" --update "$tmp/fixtures"
expect_rc 0
expect_in "$tmp/out" "updated $fx/expected.jsonl: 0 added, 0 removed, 1 changed"
expect_in "$tmp/out" "--update: 1 file written (0 added, 0 removed, 1 changed); 1 fixture checked"
grep -q '"holder": "Peru".*"hedged"' "$fx/expected.jsonl" && fail "Peru is still hedged"
run test --rules "$tmp/rules" "$tmp/fixtures"
expect_rc 0

# Colour on a terminal (script gives one), none with NO_COLOR.
if command -v script >/dev/null; then
  sed -i 's/"holder": "Chile"/"holder": "Chili"/' "$fx/expected.jsonl"
  script -qec "'$stance' test --rules '$tmp/rules' '$tmp/fixtures'" /dev/null >"$tmp/tty" || true
  grep -q $'\033\\[31mFAIL' "$tmp/tty" || fail "no colour on a terminal: $(cat -v "$tmp/tty")"
  NO_COLOR=1 script -qec "'$stance' test --rules '$tmp/rules' '$tmp/fixtures'" /dev/null >"$tmp/tty" || true
  grep -q 'FAIL' "$tmp/tty" || fail "no verdict: $(cat "$tmp/tty")"
  ! grep -q $'\033' "$tmp/tty" || fail "colour despite NO_COLOR"
fi

# Usage and rules errors exit 2.
run test --rules "$tmp/rules" "$tmp/no-such-fixture"
expect_rc 2
expect_in "$tmp/err" "no such fixture or folder"
run test --rules "$tmp/rules" --update --watch "$tmp/fixtures"
expect_rc 2
printf 'name: broken\nversion: 1\nlexicons: [unclosed\n' >"$tmp/rules/lexicon/zz.yaml"
run test --rules "$tmp/rules" "$tmp/fixtures"
expect_rc 2
grep -qE "^$tmp/rules/lexicon/zz.yaml:[0-9]+:[0-9]+: error: " "$tmp/err" ||
  fail "no path:line:col diagnostic: $(cat "$tmp/err")"
echo ok
