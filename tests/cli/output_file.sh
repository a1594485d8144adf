#!/usr/bin/env bash
# -o writes atomically (same bytes as stdout, no temporary file left) and
# refuses to overwrite an input.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

mkdir "$tmp/in" "$tmp/out_dir"
printf 'Ankara opposes the plan.\n' >"$tmp/in/a.txt"
printf 'Tunis supports the plan.\n' >"$tmp/in/b.txt"

run sentences --format jsonl "$tmp/in"
expect_rc 0
cp "$tmp/out" "$tmp/stdout.jsonl"
run sentences --format jsonl -o "$tmp/out_dir/s.jsonl" "$tmp/in"
expect_rc 0
[[ ! -s "$tmp/out" ]] || fail "-o should leave stdout empty"
cmp -s "$tmp/out_dir/s.jsonl" "$tmp/stdout.jsonl" || fail "-o differs from stdout"
[[ $(ls -A "$tmp/out_dir") = s.jsonl ]] || fail "litter left: $(ls -A "$tmp/out_dir")"

# Replacing an existing file.
printf 'old\n' >"$tmp/out_dir/c.csv"
run extract --format csv -o "$tmp/out_dir/c.csv" "$tmp/in/a.txt"
expect_rc 0
expect_in "$tmp/out_dir/c.csv" "doc,holder,"

# Refusals: the output is an input, by name, via a folder, or spelt otherwise.
for target in "$tmp/in/a.txt" "$tmp/in/../in/b.txt"; do
  cp "$tmp/in/a.txt" "$tmp/a.before"
  run sentences -o "$target" "$tmp/in"
  expect_rc 2
  expect_in "$tmp/err" "refusing to overwrite an input"
  cmp -s "$tmp/in/a.txt" "$tmp/a.before" || fail "an input was changed"
done
run extract --errors "$tmp/in/a.txt" "$tmp/in/a.txt"
expect_rc 2

# A missing output folder: an error naming it, exit 2.
run sentences -o "$tmp/nowhere/s.txt" "$tmp/in"
expect_rc 2
expect_in "$tmp/err" "$tmp/nowhere/s.txt"
echo ok
