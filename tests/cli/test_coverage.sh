#!/usr/bin/env bash
# stance test --coverage: over the fixtures by default, or over any articles
# named: claims per rule with where the rule is defined, the rules that never
# fired, and the sentences with a stance cue word but no claim.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

run test --coverage
expect_rc 0
grep -qE '^coverage: [0-9]+ documents, [0-9]+ sentences, [0-9]+ claims; [0-9]+ rules$' "$tmp/out" ||
  fail "no summary line: $(head -3 "$tmp/out")"
grep -qE '^ +[0-9]+  oppose-joined +.*rules/stance/opposes.yaml:[0-9]+:[0-9]+$' "$tmp/out" ||
  fail "oppose-joined not counted: $(cat "$tmp/out")"
grep -qE '^never fired: [0-9]+ of [0-9]+ rules$' "$tmp/out" || fail "no never-fired list"

cp -r rules "$tmp/rules"
mkdir -p "$tmp/corpus/wire"
printf 'Chile strongly supports the new quotas.\nTurkmenistan did not oppose the proposal, officials said.\n' \
  >"$tmp/corpus/a.txt"
printf 'Norway rejected the whaling plan.\n' >"$tmp/corpus/wire/b.txt"
run test --coverage --rules "$tmp/rules" "$tmp/corpus"
expect_rc 0
expect_in "$tmp/out" "coverage: 2 documents, 3 sentences, 2 claims; "
grep -qE "^ +1  support-active +$tmp/rules/stance/supports.yaml:[0-9]+:[0-9]+$" "$tmp/out" ||
  fail "support-active not counted once: $(cat "$tmp/out")"
grep -qE "^ +1  oppose-active " "$tmp/out" || fail "oppose-active not counted once"
grep -qE "^  oppose-passive +$tmp/rules/stance/opposes.yaml:" "$tmp/out" ||
  fail "oppose-passive not among the rules that never fired"
expect_in "$tmp/out" "near misses: 1 sentence with a stance cue and no claim"
expect_in "$tmp/out" "  $tmp/corpus/a.txt:2: \"oppose\" (lexicon oppose)"
expect_in "$tmp/out" "      Turkmenistan did not oppose the proposal, officials said."

# A rule edit shows in the counts with no rebuild: no more "reject".
sed -i 's/verbs: \[oppose, reject, /verbs: [oppose, /' "$tmp/rules/lexicon/stance_cues.yaml"
run test --coverage --rules "$tmp/rules" "$tmp/corpus"
expect_rc 0
expect_in "$tmp/out" "coverage: 2 documents, 3 sentences, 1 claim; "
grep -qE "^  oppose-active " "$tmp/out" || fail "oppose-active should never fire now"

run test --coverage --rules "$tmp/rules" "$tmp/nothing-here"
expect_rc 2
echo ok
