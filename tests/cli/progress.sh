#!/usr/bin/env bash
# The progress bar: forced on, it is drawn on stderr and never on stdout, and
# erased at the end; off by default when stderr is not a terminal.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

for name in a b c; do
  echo "France supports the ceasefire plan. Germany opposes the new sanctions." \
    >"$tmp/$name.txt"
done

run extract --progress --format csv "$tmp/a.txt" "$tmp/b.txt" "$tmp/c.txt"
expect_rc 0
python3 - "$tmp/out" "$tmp/err" <<'PY'
import sys
out = open(sys.argv[1], "rb").read()
err = open(sys.argv[2], "rb").read()
assert b"docs" not in out and b"\r" not in out and b"#" not in out, out
assert out.count(b"\n") == 1 + 6, out  # header and six claims, nothing else
# The first document draws at once (forced), later ones are throttled.
assert err.startswith(b"\r[########................]  33%  1/3 docs  0.0 MB"), err
# Erased at the end: the last thing on stderr blanks the line and returns.
last = err.rsplit(b"\r", 2)
assert last[-1] == b"" and last[-2].strip(b" ") == b"", err
assert b"\n" not in err, err
PY

# Errors in the middle of the batch still reach stderr whole, on a line of
# their own: the bar is erased before them.
head -c 300 /dev/zero | tr '\0' 'x' >"$tmp/big.txt"
run extract --progress --max-document-bytes 200 "$tmp/a.txt" "$tmp/big.txt" "$tmp/c.txt"
expect_rc 1
python3 - "$tmp/err" "$tmp/big.txt" <<'PY'
import sys
err = open(sys.argv[1], newline="").read()
at = err.index(sys.argv[2] + ": ")
assert err[:at].startswith("\r[########") and err[:at].endswith("\r"), repr(err)
assert err[:at].rstrip("\r").endswith(" " * 20), repr(err)  # blanked
assert "\n" in err[at:], repr(err)
PY

# Not a terminal (stderr is a file here): no bar unless asked for.
run extract "$tmp/a.txt" "$tmp/b.txt" "$tmp/c.txt"
expect_rc 0
[[ ! -s $tmp/err ]] || fail "stderr not empty: $(cat -A "$tmp/err")"
run extract --no-progress --input text "$tmp/a.txt" "$tmp/b.txt"
expect_rc 0
[[ ! -s $tmp/err ]] || fail "stderr not empty: $(cat -A "$tmp/err")"

run extract --progress --no-progress "$tmp/a.txt"
expect_rc 2
echo ok
