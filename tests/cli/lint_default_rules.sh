#!/usr/bin/env bash
# The shipped rules/ folder lints clean: every file loads, every rule matches
# its own examples and none of its counter-examples.
set -euo pipefail
stance=$1
out=$("$stance" lint rules 2>&1) || { echo "$out"; echo "FAIL: stance lint rules/ is not clean"; exit 1; }
echo "$out" | tail -1
echo "$out" | tail -1 | grep -q ": ok" || { echo "FAIL: no ok line"; exit 1; }
