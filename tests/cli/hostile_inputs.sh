#!/usr/bin/env bash
# Hostile input, the kind a scraper hands over: every file is processed or
# reported in an error record {doc, stage, message}, the batch goes on, the
# exit code says whether anything failed, and documents in = documents
# written + errors, as the -v summary line states. The files are made here,
# in a temporary folder (the 100 MB one too), never committed.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
umask 022  # the runs below may be as nobody, who must read what is made here

in=$tmp/in
mkdir "$in"
ok_docs=()    # processed and written
bad_docs=()   # one error record each

ok() { ok_docs+=("$in/$1"); }
bad() { bad_docs+=("$in/$1"); }

printf 'Lisbon praises the ceasefire.\n' >"$in/good.txt"; ok good.txt
printf 'Kyiv \xff\xfe welcomes \xc3( the talks. Rome \xed\xa0\x80 agrees.\n' \
  >"$in/invalid_utf8.txt"; ok invalid_utf8.txt
printf 'Oslo\0backs\0the plan.\0\0\n' >"$in/nul.txt"; ok nul.txt
python3 -c 'import random, sys; r = random.Random(7)
sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(200000)))' \
  >"$in/binary.txt"; ok binary.txt
: >"$in/empty.txt"; ok empty.txt
printf ' \n\t\r\n   \n\n' >"$in/blank.txt"; ok blank.txt
python3 - "$in" <<'PY'
import sys
d = sys.argv[1]
def write(name, text):
    open(f"{d}/{name}", "w", encoding="utf-8", newline="").write(text)
# 10,000 quote marks: nested, unbalanced, opening only, around real words.
write("quotes_nested.txt",
      "Cairo said " + "“‘" * 2500 + "we back it" + "’”" * 2500 + ".\n")
write("quotes_unbalanced.txt", 'Accra said "' * 9999 + " no.\n")
write("quotes_open.txt", "«" * 10000 + " Paris backs the plan.\n")
write("quotes_mixed.txt",
      "".join('"“”«»‹›‘’'[(i * 7) % 9] for i in range(10000)) + "\n")
write("crlf.txt", "Quito backs the deal.\r\nLima opposes it.\r\n")
write("lone_cr.txt", "Quito backs the deal.\rLima opposes it.\rBogota agrees.")
write("bom.txt", "\ufeffMadrid supports the accord.\n")
write("rtl.txt", "قالت مصر إنها تدعم الاتفاق. "
      "ישראל מתנגדת לתוכנית. Cairo backs the \u202eplan\u202c.\n")
# One sentence of 5,000 words.
write("long_sentence.txt",
      "Ankara " + " ".join(["very"] * 4996) + " firmly opposes the plan.\n")
PY
ok quotes_nested.txt; ok quotes_unbalanced.txt; ok quotes_open.txt
ok quotes_mixed.txt; ok crlf.txt; ok lone_cr.txt; ok bom.txt; ok rtl.txt
ok long_sentence.txt
# One 100 MB line without punctuation: over the default 64 MiB limit, so it
# fails at once (its size is known before reading it).
python3 -c 'import sys; sys.stdout.write("lorem " * (100_000_000 // 6))' \
  >"$in/huge_line.txt"; bad huge_line.txt
# A symlink loop, and a folder link back up (not followed: no duplicates).
ln -s loop.txt "$in/loop.txt"; bad loop.txt
mkdir "$in/sub"
printf 'Doha backs the talks.\n' >"$in/sub/nested.txt"; ok sub/nested.txt
ln -s .. "$in/sub/up"

# Unreadable files and folders. Root reads everything, so as root the runs
# drop to nobody (setpriv) when nobody can run stance here; otherwise, and
# wherever chmod 000 does not keep a reader out, that case is skipped.
runner=()
lock=yes
if [[ $(id -u) -eq 0 ]]; then
  chmod 755 "$tmp"
  runner=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  if ! "${runner[@]}" "$stance" extract "$in/good.txt" >/dev/null 2>&1; then
    echo "note: root, and nobody cannot run $stance here: unreadable files skipped"
    runner=()
    lock=no
  fi
fi
if [[ $lock == yes ]]; then
  printf 'Secret.\n' >"$in/locked.txt"
  mkdir "$in/locked_dir"
  printf 'Secret too.\n' >"$in/locked_dir/inside.txt"
  chmod 000 "$in/locked.txt" "$in/locked_dir"
  if "${runner[@]}" cat "$in/locked.txt" >/dev/null 2>&1; then
    echo "note: chmod 000 does not keep a reader out here: unreadable files skipped"
    chmod 755 "$in/locked_dir"
    rm -rf "$in/locked.txt" "$in/locked_dir"
  else
    bad locked.txt; bad locked_dir
  fi
fi
mkdir "$tmp/w" && chmod 1777 "$tmp/w"

run_as() {
  set +e
  "${runner[@]}" "$stance" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  set -e
  if grep -qE 'terminate called|what\(\):|Sanitizer|runtime error|internal error' "$tmp/err"; then
    fail "stance $* crashed: $(head -c 3000 "$tmp/err")"
  fi
}

run_as extract -v --errors "$tmp/w/errors.jsonl" "$in"
expect_rc 1
n_in=$((${#ok_docs[@]} + ${#bad_docs[@]}))
expect_in "$tmp/err" \
  "stance extract: $n_in documents: ${#ok_docs[@]} written, ${#bad_docs[@]} failed;"
expect_in "$tmp/err" "$in/invalid_utf8.txt:1:6: warning: invalid UTF-8 at byte 5"
python3 - "$tmp/w/errors.jsonl" "$in" "${bad_docs[@]}" <<'PY'
import json, sys
errors = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
d = sys.argv[2]
by_doc = {e["doc"]: e for e in errors}
assert all(list(e) == ["doc", "stage", "message"] for e in errors), errors
assert sorted(by_doc) == sorted(sys.argv[3:]), (sorted(by_doc), sys.argv[3:])
assert len(errors) == len(by_doc), errors
huge = by_doc[f"{d}/huge_line.txt"]
assert huge["stage"] == "read", huge
assert huge["message"] == ("document is 99999996 bytes, over the limit of "
                           "67108864 (--max-document-bytes)"), huge
loop = by_doc[f"{d}/loop.txt"]
assert loop["stage"] == "read" and "symbolic links" in loop["message"], loop
if f"{d}/locked.txt" in by_doc:
    e = by_doc[f"{d}/locked.txt"]
    assert e["stage"] == "read" and "cannot read" in e["message"], e
    e = by_doc[f"{d}/locked_dir"]
    assert e["stage"] == "input" and "cannot list folder" in e["message"], e
PY

# The sentences of every readable file cite the original bytes: spans in
# order and in bounds, and for valid UTF-8 the span is the text.
run_as sentences --format jsonl "$in"
expect_rc 1
python3 - "$tmp/out" "$in" <<'PY'
import json, sys
from collections import defaultdict
d = sys.argv[2]
spans = defaultdict(list)
for line in open(sys.argv[1], encoding="utf-8"):
    s = json.loads(line)
    spans[s["doc"]].append(s)
assert f"{d}/empty.txt" not in spans and f"{d}/blank.txt" not in spans
assert not any("/up/" in doc for doc in spans), sorted(spans)
for doc, sentences in spans.items():
    raw = open(doc, "rb").read()
    last = 0
    for s in sentences:
        assert last <= s["begin"] < s["end"] <= len(raw), (doc, s)
        last = s["end"]
        piece = raw[s["begin"]:s["end"]]
        try:
            text = piece.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if "\0" not in text and "\r" not in text:
            assert text == s["text"], (doc, s, text)
texts = {doc: [s["text"] for s in ss] for doc, ss in spans.items()}
assert texts[f"{d}/bom.txt"] == ["Madrid supports the accord."], texts[f"{d}/bom.txt"]
assert texts[f"{d}/lone_cr.txt"] == ["Quito backs the deal.", "Lima opposes it.",
                                     "Bogota agrees."], texts[f"{d}/lone_cr.txt"]
assert texts[f"{d}/crlf.txt"] == ["Quito backs the deal.", "Lima opposes it."]
assert any("مصر" in t for t in texts[f"{d}/rtl.txt"]), texts[f"{d}/rtl.txt"]
words = sum(len(t.split()) for t in texts[f"{d}/long_sentence.txt"])
assert words == 5001, words
PY

# The good files alone: exit 0. The 100 MB line under a raised limit is
# processed (in about two seconds), the splitter cutting it into pieces of
# at most 16 KiB.
run_as sentences "$in/good.txt" "$in/crlf.txt" "$in/empty.txt"
expect_rc 0
run_as extract -v --max-document-bytes 100000000 "$in/huge_line.txt"
expect_rc 0
expect_in "$tmp/err" "stance extract: 1 document: 1 written, 0 failed; 0 claims"
head -c 3000000 "$in/huge_line.txt" >"$tmp/w/three_mb_line.txt"
run_as sentences -v --format jsonl "$tmp/w/three_mb_line.txt"
expect_rc 0
expect_in "$tmp/err" "1 document: 1 written, 0 failed;"
python3 - "$tmp/out" <<'PY'
import json, sys
pieces = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert len(pieces) > 100 and pieces[-1]["end"] == 2999999, pieces[-1]  # the last space is trimmed
assert max(p["end"] - p["begin"] for p in pieces) <= 16384
PY

# No flag lifts the limit past 1 GiB (spans are 32-bit); a sparse file shows
# it without a gigabyte on disk or in memory.
truncate -s 1073741825 "$tmp/w/sparse.txt"
run_as sentences --max-document-bytes 4000000000 "$tmp/w/sparse.txt"
expect_rc 1
expect_in "$tmp/err" "document is 1073741825 bytes, over the limit of 1073741824"

# Standard input over the limit: read up to the limit, then refused.
set +e
"$stance" sentences -v --max-document-bytes 1000 - <"$tmp/w/three_mb_line.txt" \
  >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
expect_rc 1
expect_in "$tmp/err" "<stdin>: document is 3000000 bytes, over the limit of 1000"
cat "$tmp/w/three_mb_line.txt" | "$stance" sentences --max-document-bytes 1000 - \
  >"$tmp/out" 2>"$tmp/err" && fail "a pipe over the limit must fail"
expect_in "$tmp/err" "<stdin>: document is over the limit of 1000 bytes"

# JSONL: a broken line, raw invalid UTF-8, a line of quote marks, a missing
# text; one output line per good line, one error record per bad one.
python3 - "$tmp/w/batch.jsonl" <<'PY'
import json, sys
lines = [
    json.dumps({"id": "ok-1", "text": "Seoul welcomes the summit."}).encode(),
    b'{"id": "broken", "text": "no end',
    b'{"id": "raw", "text": "caf\xe9 \xff"}',
    json.dumps({"id": "quotes", "text": '"' * 10000}).encode(),
    json.dumps({"id": "no-text"}).encode(),
    b"[1, 2, 3]",
    b"",
    json.dumps({"id": 5, "text": "\ufeffA BOM\r\nand CRLF."}).encode(),
    b"\x00\x01\x02",
]
open(sys.argv[1], "wb").write(b"\n".join(lines) + b"\n")
PY
run_as sentences -v --input jsonl --errors "$tmp/w/jsonl_errors.jsonl" "$tmp/w/batch.jsonl"
expect_rc 1
expect_in "$tmp/err" "stance sentences: 8 documents: 3 written, 5 failed;"
python3 - "$tmp/out" "$tmp/w/jsonl_errors.jsonl" "$tmp/w/batch.jsonl" <<'PY'
import json, sys
out = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
errors = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
assert [o["id"] for o in out] == ["ok-1", "quotes", "5"], out
assert out[2]["sentences"] == ["A BOM\r\nand CRLF."], out[2]
where = [e["doc"] for e in errors]
assert where == [f"{sys.argv[3]}:{n}" for n in (2, 3, 5, 6, 9)], where
assert all(e["stage"] == "parse" for e in errors), errors
PY
echo ok
