#!/usr/bin/env bash
# Every subcommand has --help; usage errors exit 2 with one clear line.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

run --help
expect_rc 0
for command in extract sentences quotes lint test explain; do
  expect_in "$tmp/out" "$command"
done

for command in extract sentences quotes lint test explain; do
  run "$command" --help
  expect_rc 0
  expect_in "$tmp/out" "Usage: stance $command"
done
run extract --help
for flag in --format -o,--output --rules --input --errors; do expect_in "$tmp/out" "$flag"; done

run                                   # no command
expect_rc 2
expect_in "$tmp/err" "stance: "
run frobnicate x.txt                  # unknown command
expect_rc 2
expect_in "$tmp/err" "unknown command 'frobnicate'"
run extract --format xml x.txt        # bad value
expect_rc 2
expect_in "$tmp/err" "--format"
run extract --no-such-flag x.txt      # unknown flag
expect_rc 2
expect_in "$tmp/err" "--no-such-flag"
run extract                           # no inputs
expect_rc 2

run test --help
for flag in --rules --update --watch --coverage FIXTURES; do expect_in "$tmp/out" "$flag"; done
! grep -q -- "--watch-runs" "$tmp/out" || fail "--watch-runs is for tests; it should be hidden"
run test --no-such-flag                # unknown flag
expect_rc 2
expect_in "$tmp/err" "--no-such-flag"
echo ok
