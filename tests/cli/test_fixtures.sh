#!/usr/bin/env bash
# stance test fixtures/: every fixture of the checkout passes with the
# default rules, so every change to rules or code is regression-tested here.
# Plain output (not a terminal): no colour codes.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

run test fixtures/
if [[ $rc -ne 0 ]]; then
  cat "$tmp/out" >&2
  fail "stance test fixtures/ exited $rc"
fi
grep -qE '^[0-9]+ fixtures: ([0-9]+) passed, 0 failed$' "$tmp/out" || fail "no verdict: $(cat "$tmp/out")"
expect_in "$tmp/out" "ok   fixtures/sahel-summit  claims: precision 100.0%"
expect_in "$tmp/out" "ok   fixtures/quotes-mixed  quotes: precision 100.0%"
expect_in "$tmp/out" "overall claims: precision 100.0%"
! grep -q $'\033' "$tmp/out" || fail "colour codes in output to a file"
echo ok
