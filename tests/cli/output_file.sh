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
# Waits until the run's temporary file exists: its signal handlers are in
# place by then (a slow start, e.g. under ASan, must not lose the signal).
wait_for_temporary() {
  for _ in $(seq 200); do
    ls -A "$tmp/out_dir" | grep -q '\.tmp-' && return
    sleep 0.05
  done
}
# A background job starts with SIGINT ignored, and stance leaves an ignored
# signal ignored: run it with the default actions back (GNU env).
for signal in TERM INT KILL; do
  env --default-signal=INT,TERM,HUP "$stance" extract -o "$tmp/out_dir/kept.jsonl" \
    "$tmp/in/a.txt" "$tmp/never.txt" 2>/dev/null &
  pid=$!
  wait_for_temporary
  kill -"$signal" "$pid"
  wait "$pid" 2>/dev/null && fail "a run killed by SIG$signal exited 0"
  [[ $(cat "$tmp/out_dir/kept.jsonl") == "old claims" ]] || fail "SIG$signal changed the output"
  if [[ $signal != KILL ]]; then
    [[ -z $(ls -A "$tmp/out_dir" | grep '\.tmp-') ]] || fail "SIG$signal left $(ls -A "$tmp/out_dir")"
  fi
done

# Under nohup, SIGHUP stays ignored: the run goes on. (The SIGKILL above may
# have left its temporary file: clear it first.)
rm -f "$tmp/out_dir"/.kept.jsonl.tmp-*
nohup "$stance" extract -o "$tmp/out_dir/kept.jsonl" "$tmp/in/a.txt" "$tmp/never.txt" \
  >/dev/null 2>&1 &
pid=$!
wait_for_temporary
kill -HUP "$pid"
sleep 0.3
kill -0 "$pid" 2>/dev/null || fail "SIGHUP stopped a run started with nohup"
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
[[ $(cat "$tmp/out_dir/kept.jsonl") == "old claims" ]] || fail "SIGHUP changed the output"
[[ -z $(ls -A "$tmp/out_dir" | grep '\.tmp-') ]] || fail "SIGTERM after SIGHUP left $(ls -A "$tmp/out_dir")"

# A missing output folder: an error naming it, exit 2.
run sentences -o "$tmp/nowhere/s.txt" "$tmp/in"
expect_rc 2
expect_in "$tmp/err" "$tmp/nowhere/s.txt"
echo ok
