#!/usr/bin/env python3
"""The review page (stance extract --format html) in headless Chromium.

Usage: html_review.py STANCE CHROMIUM WORKDIR SCREENSHOT

Builds a folder of 100 articles (the fixtures, copied, and one hostile
article), writes the page and, from the same inputs, the claims and quotes as
JSONL. Then, in the browser:
  1. the page as written, opened with a URL hash that filters, sorts and
     selects: the markup of every claim, quotation and actor, the claim table,
     the filter and sort applied on load, and that the hostile article ran
     nothing;
  2. a copy with a test driver appended (using the page's own CSP nonce) that
     clicks rows, headers and marks and types into the filters;
  3. a screenshot, saved to SCREENSHOT.
Exits 1 with a message on the first failed check. Standard library only.
"""

import codecs
import html.parser
import json
import os
import re
import shutil
import struct
import subprocess
import sys

ROOT = os.getcwd()
FIXTURES = ["maritime-claims", "quotes-mixed", "sahel-summit", "tashkent-envoys"]
ARTICLES = 100

# Our own invented text: markup, handlers, quotes, ampersands, bad bytes, a
# claim whose quotation holds "</script>", an actor inside a target.
HOSTILE = (
    "Moscow, May 2 \u2014 Russia opposes the \"<script>document.title='pwned'"
    "</script>\" plan & the <img src=x onerror=\"document.title='pwned-img';"
    "document.body.setAttribute('data-pwned','1')\"> deal, officials said.\n"
).encode() + b"Bad bytes \xff\xfe here in Z\xc3\xbcrich.\n\n" + (
    "\"We reject </script><script>document.title='pwned-json'</script> "
    "sanctions & threats against Ukraine,\" Russian Foreign Minister Sergei "
    "Lavrov said.\n").encode()


def fail(message):
    print("FAIL (html_review.py): " + message, file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


# --- The text the page must show: the original, as the writer escapes it.

def _one_replacement_per_byte(error):
    return ("\ufffd", error.start + 1)


codecs.register_error("stance-per-byte", _one_replacement_per_byte)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def shown(data):
    """`data` (bytes) as the page shows it: bad bytes and controls U+FFFD."""
    return CONTROL.sub("\ufffd", data.decode("utf-8", "stance-per-byte"))


# --- A small DOM from Chromium's --dump-dom output.

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "param", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []

    def classes(self):
        return self.attrs.get("class", "").split()

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.walk()

    def find_all(self, tag=None, cls=None, **attrs):
        for n in self.walk():
            if tag and n.tag != tag:
                continue
            if cls and cls not in n.classes():
                continue
            if any(n.attrs.get(k.replace("_", "-")) != v for k, v in attrs.items()):
                continue
            yield n

    def find(self, *args, **kwargs):
        return next(self.find_all(*args, **kwargs), None)

    def claims(self):
        return [int(c) for c in self.attrs.get("data-c", "").split()]


class DomBuilder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", [], None)
        self.node = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.node)
        self.node.children.append(node)
        if tag not in VOID:
            self.node = node

    def handle_startendtag(self, tag, attrs):
        self.node.children.append(Node(tag, attrs, self.node))

    def handle_endtag(self, tag):
        node = self.node
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.node = node.parent

    def handle_data(self, data):
        self.node.children.append(data)


def parse(text):
    builder = DomBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


# --- Running things.

def run(args, **kwargs):
    result = subprocess.run(args, capture_output=True, timeout=300, **kwargs)
    return result


def chromium(browser, workdir, url, *extra):
    args = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking",
            "--user-data-dir=" + os.path.join(workdir, "profile"),
            "--window-size=1400,900", "--virtual-time-budget=5000", *extra, url]
    result = run(args)
    if result.returncode != 0:
        fail("chromium exited %d: %s" % (result.returncode, result.stderr.decode()[-2000:]))
    return result.stdout.decode("utf-8")


def jsonl(data):
    return [json.loads(line) for line in data.decode().splitlines() if line]


# --- Checks of the page as written.

def check_no_injection(dom):
    title = dom.find("title")
    check(title is not None and title.text() == "stance review",
          "the title changed: an article's script ran (%r)" % (title and title.text()))
    check(dom.find("img") is None, "an article's <img> became an element")
    for node in dom.walk():
        check("data-pwned" not in node.attrs, "an article's handler ran")
        for name in node.attrs:
            check(not name.startswith("on"), "a handler attribute %s on <%s>" % (name, node.tag))
    scripts = list(dom.find_all("script"))
    check(len(scripts) == 2, "%d script elements, expected the page's 2" % len(scripts))


def row_cells(row):
    return {td.classes()[0]: td for td in row.find_all("td")}


def check_table(dom, claims, docs):
    rows = list(dom.find("tbody").find_all("tr"))
    check(len(rows) == len(claims),
          "%d table rows, %d claims in the JSONL of the same run" % (len(rows), len(claims)))
    by_number = {int(r.attrs["data-c"]): r for r in rows}
    check(sorted(by_number) == list(range(len(claims))), "rows are not numbered 0..n-1")
    for i, claim in enumerate(claims):
        cells = row_cells(by_number[i])
        got = (cells["holder"].text(), cells["stance"].find("span", cls="badge").text(),
               cells["target"].text(), cells["rule"].text(), cells["doc"].text())
        want = (claim["holder"], claim["stance"], claim["target"], claim["rule"], claim["doc"])
        check(got == want, "row %d shows %r, the JSONL has %r" % (i, got, want))
    return rows


def check_filter_and_sort(dom, rows, claims):
    """The view of the hash #filter=holder:Russia&sort=-target."""
    def matches(c):
        return "russia" in (c["holder"] + "\n" + (c["holder_affiliation"] or "")).lower()
    want = [i for i, c in enumerate(claims) if matches(c)]
    want.sort(key=lambda i: i)
    want.sort(key=lambda i: claims[i]["target"].lower(), reverse=True)
    got = [int(r.attrs["data-c"]) for r in rows if "hidden" not in r.attrs]
    check(len(want) >= 2, "the filter test needs two claims held by Russia, found %d" % len(want))
    check(len(want) < len(claims), "the filter hid nothing")
    check(got == want, "visible rows for holder:Russia sorted by -target: %r, expected %r"
          % (got, want))
    count = dom.find(id="count")
    check(count.attrs.get("data-shown") == str(len(want)),
          "the count says %r" % count.text())
    th = dom.find("th", data_key="target")
    check(th.attrs.get("aria-sort") == "descending", "the target header is not marked descending")
    check(dom.find("input", cls=None, name="holder") is not None, "no holder filter")


def article_text(article):
    return article.find("div", cls="text").text()


def joined(article, tag_class, claim):
    return "".join(n.text() for n in article.find_all("span", cls=tag_class)
                   if claim in n.claims())


def check_articles(dom, claims, quotes, originals, ids):
    articles = {a.attrs["id"]: a for a in dom.find_all("article")}
    check(len(articles) == len(ids), "%d articles, expected %d" % (len(articles), len(ids)))
    for k, doc_id in enumerate(ids):
        article = articles["d%d" % k]
        check(article.find("h2").text() == doc_id, "article %d is headed %r" % (k, doc_id))
        check(article_text(article) == shown(originals[doc_id]),
              "the text of %s is not its original text" % doc_id)
        for a in article.find_all("span", cls="a"):
            kinds = [c for c in a.classes() if c.startswith("a-") and c != "a-mod"]
            check(len(kinds) == 1 and kinds[0] in
                  ("a-country", "a-organisation", "a-group", "a-person"),
                  "actor %r has classes %r" % (a.text(), a.classes()))
            check(a.attrs.get("data-actor"), "actor %r has no name" % a.text())

    doc_index = {doc_id: k for k, doc_id in enumerate(ids)}
    for i, claim in enumerate(claims):
        article = articles["d%d" % doc_index[claim["doc"]]]
        original = originals[claim["doc"]]
        evidence = shown(original[claim["begin"]:claim["end"]])
        check(joined(article, "cl", i) == evidence,
              "claim %d marks %r, its text is %r" % (i, joined(article, "cl", i), evidence))
        for part in ("tg", "cue"):
            pieces = [n for n in article.find_all("span", cls=part) if i in n.claims()]
            check(pieces, "claim %d (%s) has no %s" % (i, claim["target"], part))
            stance_classes = {c for n in pieces for c in n.classes() if re.fullmatch(r"s\d+", c)}
            check(len(stance_classes) == 1, "claim %d's %s has stance classes %r"
                  % (i, part, stance_classes))

    # Every quotation of `stance quotes`, with its speaker, and nothing else.
    want = sorted((q["doc"], q["quote"], q["speaker"] or "", q["is_term"]) for q in quotes)
    got = []
    for k, doc_id in enumerate(ids):
        pieces = {}
        for n in articles["d%d" % k].find_all("span", cls="q"):
            q = pieces.setdefault(n.attrs["data-q"], ["", n.attrs.get("data-speaker", ""),
                                                      "term" in n.classes()])
            q[0] += n.text()
        got += [(doc_id, text, speaker, term) for text, speaker, term in pieces.values()]
        labels = [n.attrs.get("data-speaker", "") for n in articles["d%d" % k].find_all(
            "span", cls="qs")]
        check(sorted(labels) == sorted(s for _, s, t in pieces.values() if not t),
              "%s: quotation labels %r" % (doc_id, labels))
    got.sort()
    check(got == want, "quotations differ from stance quotes: %r"
          % ([x for x in got if x not in want][:3] + [x for x in want if x not in got][:3]))
    return articles


def claim_index(claims, **fields):
    for i, c in enumerate(claims):
        if all(c[k] == v for k, v in fields.items()):
            return i
    fail("no claim %r in the JSONL" % fields)


def check_known_claims(articles, claims, ids, hostile_id):
    """Claims of the fixtures whose parts we know, spelled out."""
    tashkent = next(k for k, d in enumerate(ids) if d.endswith("tashkent-envoys.txt"))
    article = articles["d%d" % tashkent]
    doc = ids[tashkent]
    i = claim_index(claims, doc=doc, holder="Pakistan", stance="pledges")
    check(joined(article, "h", i) == "Pakistan", "Pakistan's holder: %r" % joined(article, "h", i))
    check(joined(article, "cue", i) == "pledged", "Pakistan's cue: %r" % joined(article, "cue", i))
    check(joined(article, "tg", i).startswith("$50 million in humanitarian aid"),
          "Pakistan's target: %r" % joined(article, "tg", i))
    i = claim_index(claims, doc=doc, holder="Kazakhstan", stance="opposes")
    check(joined(article, "cue", i) == "opposing", "Kazakhstan's cue: %r" % joined(article, "cue", i))
    check(joined(article, "h", i) == "Kazakhstan", "Kazakhstan's holder")
    # Three holders share one cue and one target: one element each.
    cue = [n for n in article.find_all("span", cls="cue") if i in n.claims()]
    check(len(cue) == 1 and len(cue[0].claims()) == 3,
          "the shared cue 'opposing': %r" % [n.attrs for n in cue])
    person = article.find("span", cls="a-person", data_actor="Wang Yi")
    check(person is not None, "Wang Yi is not marked as a person")

    article = articles["d%d" % ids.index(hostile_id)]
    i = claim_index(claims, doc=hostile_id, holder="Sergei Lavrov")
    # The holder is "We" inside the quotation; the claim runs past the
    # quotation, so it is split around it; Ukraine is an actor in the target.
    check(joined(article, "h", i) == "We", "Lavrov's holder: %r" % joined(article, "h", i))
    check(joined(article, "cue", i) == "reject", "Lavrov's cue")
    quote = next(n for n in article.find_all("span", cls="q") if "We" in n.text())
    check(any(i in n.claims() for n in quote.find_all("span", cls="cl")),
          "Lavrov's claim is not inside the quotation")
    check(any(i in n.claims() for n in article.find_all("span", cls="cl")
              if "Foreign Minister" in n.text()), "Lavrov's claim does not go on after the quote")
    target = [n for n in article.find_all("span", cls="tg") if i in n.claims()]
    check(any(n.find("span", cls="a", data_actor="Ukraine") for n in target),
          "Ukraine is not marked inside Lavrov's target")
    label = article.find("span", cls="qs", data_speaker="Sergei Lavrov")
    check(label is not None, "the quotation is not labelled with Sergei Lavrov")
    i = claim_index(claims, doc=hostile_id, holder="Russia")
    check("<script>document.title='pwned'</script>" in joined(article, "tg", i),
          "the hostile target is not shown as text")


def check_selected(dom, articles, claims, ids, number):
    """The view of the hash #claim=<number>."""
    i = number - 1
    claim = claims[i]
    details = dom.find(id="details")
    check("hidden" not in details.attrs, "no details shown for #claim=%d" % number)
    fields = {dd.attrs["data-field"]: dd.text() for dd in details.find_all("dd")}
    check(fields.get("rule") == claim["rule"], "details rule %r" % fields.get("rule"))
    check(fields.get("rule_file") == "%s (version %s)" % (claim["rule_file"], claim["rule_version"]),
          "details rule file %r" % fields.get("rule_file"))
    check(fields.get("cue") == claim["cue"], "details cue %r" % fields.get("cue"))
    why = details.find("pre", cls="why").text()
    # What `stance explain` says of the claim: its rule and where the rule is.
    check("rule: %s (" % claim["rule"] in why and "/rules/stance/" in why,
          "explanation %r" % why[:300])
    article = articles["d%d" % ids.index(claim["doc"])]
    selected = [n for n in dom.walk() if "sel" in n.classes() and n.tag == "span"]
    check(selected and all(i in n.claims() for n in selected), "marks selected: %r"
          % [n.attrs for n in selected][:5])
    check(any("cl" in n.classes() for n in selected), "the evidence is not highlighted")
    check(all(article in _ancestors(n) for n in selected), "a mark outside the article is selected")
    row = dom.find("tr", data_c=str(i))
    check("sel" in row.classes(), "row %d is not selected" % i)


def _ancestors(node):
    while node is not None:
        yield node
        node = node.parent


# --- The test driver: real events, through the page's own listeners.

DRIVER = r"""
(function () {
  var report = {};
  function click(el) { el.dispatchEvent(new MouseEvent('click', {bubbles: true})); }
  function visible() {
    return Array.prototype.filter.call(document.querySelectorAll('#claims tbody tr'),
        function (r) { return !r.hidden; }).map(function (r) { return +r.getAttribute('data-c'); });
  }
  function selectedMarks() {
    return Array.prototype.map.call(document.querySelectorAll('main span.sel'),
        function (e) { return e.getAttribute('data-c'); });
  }
  function field(name) {
    var dd = document.querySelector('#details dd[data-field="' + name + '"]');
    return dd && dd.textContent;
  }
  var last = document.querySelectorAll('#claims tbody tr').length - 1;
  click(document.querySelector('#claims tbody tr[data-c="' + last + '"] td.target'));
  var anchor = document.querySelector('main .cl.sel');
  var rect = anchor.getBoundingClientRect();
  report.row_click = {rule: field('rule'), marks: selectedMarks(), hash: location.hash,
      scrolled: window.scrollY, in_view: rect.top >= 0 && rect.bottom <= window.innerHeight};

  var holder = document.querySelector('#claims th[data-key="holder"]');
  click(holder);
  report.sort_holder = visible();
  click(holder);
  report.sort_holder_desc = visible();
  click(document.querySelector('#claims th[data-key="n"]'));

  var form = document.getElementById('filters');
  form.elements.target.value = 'SANCTIONS';
  form.elements.target.dispatchEvent(new Event('input', {bubbles: true}));
  report.filter_target = visible();
  form.elements.stance.value = 'opposes';
  form.elements.stance.dispatchEvent(new Event('change', {bubbles: true}));
  report.filter_target_stance = visible();
  report.filter_hash = location.hash;
  form.reset();
  setTimeout(function () {
    report.after_reset = visible().length;
    var cue = document.querySelector('main span.cue[data-c~="1"]');
    click(cue);
    report.mark_click = {rule: field('rule'), row: document.querySelector('#claims tbody tr.sel')
        .getAttribute('data-c'), claims: cue.getAttribute('data-c')};
    var out = document.createElement('pre');
    out.id = 'test-report';
    out.textContent = JSON.stringify(report);
    document.body.appendChild(out);
  }, 10);
})();
"""


def check_driver(page, browser, workdir, claims):
    nonce = re.search(r"script-src 'nonce-([0-9a-f]+)'", page).group(1)
    driven = page.replace("</body>", '<script nonce="%s">%s</script></body>' % (nonce, DRIVER))
    path = os.path.join(workdir, "driven.html")
    with open(path, "w", encoding="utf-8") as f:
        f.write(driven)
    dom = parse(chromium(browser, workdir, "file://" + path, "--dump-dom"))
    out = dom.find("pre", id="test-report")
    check(out is not None, "the test driver did not finish (blocked or failed)")
    report = json.loads(out.text())
    n = len(claims)
    last = n - 1

    r = report["row_click"]
    check(r["rule"] == claims[last]["rule"], "row click showed rule %r" % r["rule"])
    check(r["marks"] and all(str(last) in m.split() for m in r["marks"]),
          "row click highlighted %r" % r["marks"])
    check(r["hash"] == "#claim=%d" % n, "row click hash %r" % r["hash"])
    check(r["scrolled"] > 0 and r["in_view"], "row click did not scroll to the evidence: %r" % r)

    order = sorted(range(n), key=lambda i: claims[i]["holder"].lower())
    check(report["sort_holder"] == order, "sorted by holder: %r" % report["sort_holder"][:10])
    order = sorted(range(n), key=lambda i: i)
    order.sort(key=lambda i: claims[i]["holder"].lower(), reverse=True)
    check(report["sort_holder_desc"] == order, "sorted by holder, descending")

    want = [i for i, c in enumerate(claims) if "sanctions" in c["target"].lower()]
    check(want and report["filter_target"] == want, "target filter: %r, expected %r"
          % (report["filter_target"], want))
    want = [i for i in want if claims[i]["stance"] == "opposes"]
    check(want and report["filter_target_stance"] == want,
          "target and stance filter: %r, expected %r" % (report["filter_target_stance"], want))
    check(report["filter_hash"] == "#filter=stance:opposes&filter=target:SANCTIONS&claim=%d" % n,
          "hash after filtering: %r" % report["filter_hash"])
    check(report["after_reset"] == n, "after reset %d rows shown" % report["after_reset"])

    m = report["mark_click"]
    first = int(m["claims"].split()[0])
    check(m["row"] == str(first) and m["rule"] == claims[first]["rule"],
          "a click on a cue selected %r" % m)


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    check(head[:8] == b"\x89PNG\r\n\x1a\n", "%s is not a PNG" % path)
    return struct.unpack(">II", head[16:24])


def main():
    stance, browser, workdir, screenshot = sys.argv[1:5]
    folder = os.path.join(workdir, "articles")
    os.makedirs(folder)
    originals = {}
    texts = [open(os.path.join(ROOT, "fixtures", f, "input.txt"), "rb").read() for f in FIXTURES]
    ids = []
    for k in range(ARTICLES - 1):
        path = os.path.join(folder, "%03d-%s.txt" % (k, FIXTURES[k % len(FIXTURES)]))
        with open(path, "wb") as f:
            f.write(texts[k % len(texts)])
        originals[path] = texts[k % len(texts)]
        ids.append(path)
    hostile_id = os.path.join(folder, "%03d-hostile.txt" % (ARTICLES - 1))
    with open(hostile_id, "wb") as f:
        f.write(HOSTILE)
    originals[hostile_id] = HOSTILE
    ids.append(hostile_id)

    page_path = os.path.join(workdir, "review.html")
    result = run([stance, "extract", "--format", "html", "-o", page_path, folder])
    check(result.returncode == 0, "stance extract --format html: %s" % result.stderr.decode())
    result = run([stance, "extract", folder])
    check(result.returncode == 0, "stance extract: %s" % result.stderr.decode())
    claims = jsonl(result.stdout)
    result = run([stance, "quotes", folder])
    quotes = jsonl(result.stdout)
    with open(page_path, encoding="utf-8") as f:
        page = f.read()

    number = claim_index(claims, holder="Sergei Lavrov", doc=hostile_id) + 1
    dom = parse(chromium(browser, workdir, "file://%s#filter=holder:Russia&sort=-target&claim=%d"
                         % (page_path, number), "--dump-dom"))
    check_no_injection(dom)
    rows = check_table(dom, claims, ids)
    check_filter_and_sort(dom, rows, claims)
    articles = check_articles(dom, claims, quotes, originals, ids)
    check_known_claims(articles, claims, ids, hostile_id)
    check_selected(dom, articles, claims, ids, number)

    check_driver(page, browser, workdir, claims)

    # A claim of the first article: Chromium's --screenshot comes out blank
    # when the page has scrolled.
    shot = claim_index(claims, holder="Philippines", stance="opposes") + 1
    tmp_shot = os.path.join(workdir, "review.png")
    chromium(browser, workdir, "file://%s#claim=%d" % (page_path, shot),
             "--screenshot=" + tmp_shot)
    check(os.path.exists(tmp_shot), "no screenshot written")
    check(png_size(tmp_shot) == (1400, 900), "screenshot size %r" % (png_size(tmp_shot),))
    # A blank page compresses to a few kilobytes; the review page does not.
    check(os.path.getsize(tmp_shot) > 50000, "the screenshot looks blank")
    shutil.copyfile(tmp_shot, screenshot)
    shutil.copyfile(page_path, os.path.splitext(screenshot)[0] + ".html")
    print("ok: %d articles, %d claims, %d quotations; screenshot %s"
          % (len(ids), len(claims), len(quotes), screenshot))


if __name__ == "__main__":
    main()
