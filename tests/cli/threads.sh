#!/usr/bin/env bash
# -j N: the same records, errors and exit code as one thread, in the same
# order, for every batch command. Built with ThreadSanitizer
# (scripts/test --sanitize=thread) this is the race check of the parallel
# path: a report fails the run. Skipped (77) while stance has no -j flag.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

if ! "$stance" extract --help 2>/dev/null | grep -qE -- '(^|[ ,])-j[, ]'; then
  echo "skipped: stance extract has no -j flag yet"
  exit 77
fi

# A batch with work in every stage, and documents that fail.
mkdir "$tmp/in"
for fixture in fixtures/*/input.txt; do
  name=$(basename "$(dirname "$fixture")")
  for copy in 1 2 3 4 5; do cp "$fixture" "$tmp/in/$name-$copy.txt"; done
done
printf 'Oslo \xff backs the plan.\n' >"$tmp/in/invalid.txt"
: >"$tmp/in/empty.txt"
head -c 3000 /dev/zero | tr '\0' 'x' >"$tmp/in/too_big.txt"
ln -s loop.txt "$tmp/in/loop.txt"

for command in extract quotes sentences; do
  for jobs in 1 4; do
    run "$command" -j "$jobs" -v --max-document-bytes 2000 --format jsonl \
      --errors "$tmp/errors-$jobs.jsonl" "$tmp/in"
    expect_rc 1
    cp "$tmp/out" "$tmp/out-$jobs"
    grep -v '^stance .*: stage times' "$tmp/err" | sort >"$tmp/err-$jobs"
  done
  cmp -s "$tmp/out-1" "$tmp/out-4" || fail "$command -j 4 output differs from -j 1"
  cmp -s "$tmp/errors-1.jsonl" "$tmp/errors-4.jsonl" || fail "$command -j 4 errors differ"
  cmp -s "$tmp/err-1" "$tmp/err-4" || fail "$command -j 4 stderr differs: $(diff "$tmp/err-1" "$tmp/err-4")"
  [[ -s "$tmp/out-1" ]] || fail "$command wrote nothing"
done
echo ok
