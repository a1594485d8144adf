#!/usr/bin/env bash
# lint: a clean rules folder exits 0; a malformed YAML file is reported at
# path:line:col with its line and a caret, and exits 1.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

cp -r rules "$tmp/rules"
run lint "$tmp/rules"
expect_rc 0
expect_in "$tmp/err" "$tmp/rules: ok"

printf 'name: broken\nversion: 1\nentries:\n  - first\n   second: [unclosed\n' \
  >"$tmp/rules/zz_broken.yaml"
run lint "$tmp/rules"
expect_rc 1
grep -qE "^$tmp/rules/zz_broken.yaml:[0-9]+:[0-9]+: error: " "$tmp/err" ||
  fail "no path:line:col diagnostic: $(cat "$tmp/err")"
expect_in "$tmp/err" "$tmp/rules: "
tail -n 1 "$tmp/err" | grep -qE "[0-9]+ errors?, [0-9]+ warnings? \([0-9]+ files?\)" ||
  fail "no count line: $(cat "$tmp/err")"

# --rules names the folder too.
run lint --rules "$tmp/rules"
expect_rc 1
run lint "$tmp/no-such-folder"
expect_rc 2
expect_in "$tmp/err" "no such rules folder"
echo ok
