#!/usr/bin/env bash
# stance test --watch re-runs on each saved edit of a rule file, reloading the
# rules (no rebuild): run 1 passes; one verb out of the lexicon, run 2 shows
# the claim it made as missing; a broken rule file, run 3 prints the error and
# the watch goes on; fixed, run 4 runs again. --watch-runs (hidden, for tests)
# stops it after 4 runs.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

cp -r rules "$tmp/rules"
fx="$tmp/fixtures/talks"
mkdir -p "$fx"
printf 'Ecuador rejected the proposed catch limits.\n\nChile strongly supports the new quotas.\n' \
  >"$fx/input.txt"
run test --rules "$tmp/rules" --update "$tmp/fixtures"
expect_rc 0

timeout 120 "$stance" test --watch --watch-runs 4 --rules "$tmp/rules" "$tmp/fixtures" \
  >"$tmp/watch.out" 2>"$tmp/watch.err" &
pid=$!

# wait_for FILE PATTERN N: until FILE has N lines matching PATTERN.
wait_for() {
  for _ in $(seq 600); do
    [[ $(grep -cE -- "$2" "$1" 2>/dev/null || true) -ge $3 ]] && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  fail "waited for $3 x '$2' in $1: $(cat "$tmp/watch.out" "$tmp/watch.err")"
}

wait_for "$tmp/watch.out" '^1 fixture: 1 passed, 0 failed$' 1
wait_for "$tmp/watch.err" 'watching .* for changes' 1
sed -i 's/verbs: \[oppose, reject, /verbs: [oppose, /' "$tmp/rules/lexicon/stance_cues.yaml"
wait_for "$tmp/watch.out" '^1 fixture: 0 passed, 1 failed$' 1
wait_for "$tmp/watch.err" 'watching .* for changes' 2
cp "$tmp/rules/stance/opposes.yaml" "$tmp/opposes.yaml"
sed -i 's/stance: opposes/stance: oposes/' "$tmp/rules/stance/opposes.yaml"
wait_for "$tmp/watch.err" 'failed to load' 1
wait_for "$tmp/watch.err" 'watching .* for changes' 3
cp "$tmp/opposes.yaml" "$tmp/rules/stance/opposes.yaml"
set +e
wait "$pid"
rc=$?
set -e
[[ $rc -eq 1 ]] || fail "watch exited $rc: $(cat "$tmp/watch.err")"

out=$(cat "$tmp/watch.out")
expect_in "$tmp/watch.out" "=== run 2 after a change to $tmp/rules/lexicon/stance_cues.yaml ==="
expect_in "$tmp/watch.out" "=== run 3 after a change to $tmp/rules/stance/opposes.yaml ==="
expect_in "$tmp/watch.out" "=== run 4 after a change to $tmp/rules/stance/opposes.yaml ==="
# Runs 2 and 4 report the claim that the lexicon edit lost, and its rule.
[[ $(grep -cF '  missing       Ecuador opposes "proposed catch limits"  (rule oppose-active)' \
  "$tmp/watch.out") -eq 2 ]] || fail "missing claim not reported twice: $out"
expect_in "$tmp/watch.err" "unknown stance label 'oposes'"
[[ $(grep -c '^1 fixture:' "$tmp/watch.out") -eq 3 ]] || fail "expected 3 test runs: $out"
echo ok
