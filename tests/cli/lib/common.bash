# Sourced by tests/cli/*.sh (this folder is not globbed, so it is no test of
# its own). Sets $stance (absolute) and $tmp (removed on exit), and gives:
#   run ARGS...          runs stance; stdout in $tmp/out, stderr in $tmp/err, status in $rc
#   expect_rc N          the last run exited with N
#   expect_in FILE TEXT  FILE holds TEXT (fixed string)
#   fail MESSAGE
stance=${1:?usage: bash tests/cli/SCRIPT.sh path/to/stance}
[[ $stance = /* ]] || stance=$PWD/$stance
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
  echo "FAIL (${BASH_SOURCE[1]}:${BASH_LINENO[0]}): $*" >&2
  exit 1
}

run() {
  set +e
  "$stance" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  set -e
  # Whatever happened, it must not be a crash or an escaped exception.
  # Sanitizer builds (scripts/test --sanitize) report here too.
  if grep -qE 'terminate called|what\(\):|Segmentation fault|Aborted|internal error|Sanitizer|runtime error:' "$tmp/err"; then
    fail "stance $* crashed: $(cat "$tmp/err")"
  fi
}

expect_rc() {
  [[ $rc -eq $1 ]] || fail "expected exit $1, got $rc; stderr: $(cat "$tmp/err")"
}

expect_in() {
  grep -qF -- "$2" "$1" || fail "expected '$2' in $1, which holds: $(head -c 2000 "$1")"
}
