#!/usr/bin/env bash
# "-" reads standard input, as text or as JSONL.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

printf 'Hanoi backs the proposal.\n' | "$stance" sentences - >"$tmp/out"
expect_in "$tmp/out" "Hanoi backs the proposal."

printf 'Hanoi backs the proposal.\n' | "$stance" sentences --format jsonl - >"$tmp/out"
expect_in "$tmp/out" '"doc":"<stdin>"'

# From a pipe (size unknown) and from a redirected file (size known).
python3 -c 'print("Riga supports the sanctions. " * 40000)' >"$tmp/big.txt"
"$stance" sentences - <"$tmp/big.txt" >"$tmp/from_file"
cat "$tmp/big.txt" | "$stance" sentences - >"$tmp/from_pipe"
cmp -s "$tmp/from_file" "$tmp/from_pipe" || fail "stdin from a pipe and a file differ"
"$stance" sentences "$tmp/big.txt" >"$tmp/by_name"
cmp -s "$tmp/from_file" "$tmp/by_name" || fail "stdin and the named file differ"

printf '{"id":"s1","text":"Hanoi backs the proposal."}\n' |
  "$stance" sentences --input jsonl - >"$tmp/out"
expect_in "$tmp/out" '{"id":"s1","sentences":["Hanoi backs the proposal."]}'
echo ok
