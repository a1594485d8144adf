#!/usr/bin/env bash
# The review page (--format html) in headless Chromium: the marked-up
# articles, the claim table against the JSONL of the same run, filter, sort
# and selection (from the URL hash and from real clicks), and that a hostile
# article runs nothing. Saves build/review.png (and review.html) beside the
# binary. Skipped (77) only when Chromium is not installed: scripts/test
# installs it (STANCE_TEST_PACKAGES in scripts/lib/setup.sh).
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

browser=$(command -v chromium || true)
if [[ -z $browser ]]; then
  echo "skipped: chromium is not installed (scripts/test installs it)"
  exit 77
fi
python3 "$(dirname "$0")/lib/html_review.py" "$stance" "$browser" "$tmp" \
  "$(dirname "$stance")/review.png"
