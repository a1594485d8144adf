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

# A hard link to an input is the input; -o and --errors cannot be one file.
ln "$tmp/in/a.txt" "$tmp/hard_link.txt"
run sentences -o "$tmp/hard_link.txt" "$tmp/in"
expect_rc 2
expect_in "$tmp/err" "refusing to overwrite an input"
run extract -o "$tmp/out_dir/same.jsonl" --errors "$tmp/out_dir/same.jsonl" "$tmp/in"
expect_rc 2
[[ ! -e "$tmp/out_dir/same.jsonl" ]] || fail "nothing should be written"

# An output left in the input folder is an input the next time: refused,
# and the first output stays as it was.
run sentences -o "$tmp/in/sentences.txt" "$tmp/in"
expect_rc 0
cp "$tmp/in/sentences.txt" "$tmp/first.txt"
run sentences -o "$tmp/in/sentences.txt" "$tmp/in"
expect_rc 2
cmp -s "$tmp/in/sentences.txt" "$tmp/first.txt" || fail "the earlier output was changed"
rm "$tmp/in/sentences.txt"

# A write that fails (a full disk) is exit 1, naming the target; the error
# records are still written.
if [[ -w /dev/full ]]; then
  run extract -o /dev/full --errors "$tmp/out_dir/errors.jsonl" "$tmp/in" "$tmp/missing.txt"
  expect_rc 1
  expect_in "$tmp/err" "/dev/full: write failed"
  expect_in "$tmp/out_dir/errors.jsonl" '"stage":"input"'
fi

# Stopped half-way (one document done, the next a FIFO that never opens), a
# run leaves the old output whole: by SIGTERM with no temporary file left,
# by SIGKILL perhaps with one.
printf 'old claims\n' >"$tmp/out_dir/kept.jsonl"
mkfifo "$tmp/never.txt"
for signal in TERM INT KILL; do
  "$stance" extract -o "$tmp/out_dir/kept.jsonl" "$tmp/in/a.txt" "$tmp/never.txt" 2>/dev/null &
  pid=$!
  # Wait until the output's temporary file exists: the signal handlers are
  # in place by then (a slow start, e.g. under ASan, must not lose the
  # signal; a background job starts with SIGINT ignored).
  for _ in $(seq 200); do
    ls -A "$tmp/out_dir" | grep -q '\.tmp-' && break
    sleep 0.05
  done
  kill -"$signal" "$pid"
  wait "$pid" 2>/dev/null && fail "a run killed by SIG$signal exited 0"
  [[ $(cat "$tmp/out_dir/kept.jsonl") == "old claims" ]] || fail "SIG$signal changed the output"
  if [[ $signal != KILL ]]; then
    [[ -z $(ls -A "$tmp/out_dir" | grep '\.tmp-') ]] || fail "SIG$signal left $(ls -A "$tmp/out_dir")"
  fi
done

# A missing output folder: an error naming it, exit 2.
run sentences -o "$tmp/nowhere/s.txt" "$tmp/in"
expect_rc 2
expect_in "$tmp/err" "$tmp/nowhere/s.txt"
echo ok
