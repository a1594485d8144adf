#include "pipeline/writers/html_page_assets.h"

namespace stance {
namespace writers {

std::string_view ReviewPageStyle() {
  return R"css(
:root{font-family:system-ui,sans-serif;color:#1f2328;--line:#d0d7de}
body{margin:0;display:grid;grid-template-columns:minmax(0,1fr) minmax(24rem,40%)}
main{grid-column:1;grid-row:1;padding:0 2rem 4rem;min-width:0}
#panel{grid-column:2;grid-row:1;position:sticky;top:0;height:100vh;display:flex;
 flex-direction:column;border-left:1px solid var(--line);background:#f6f8fa;font-size:13px}
@media (max-width:900px){body{display:block}#panel{position:static;height:auto}}
h1{font-size:1.3rem;margin:1rem 0 .3rem}
#summary,.meta{color:#59636e;margin:.2rem 0}
#legend{line-height:2;margin:.3rem 0 1rem}
article{border-top:1px solid var(--line);padding:.5rem 0 1rem}
article h2{font:600 .95rem ui-monospace,monospace;word-break:break-all;margin:.6rem 0 .2rem}
.text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:2.1;font:16px/2.1 Georgia,serif;
 max-width:52rem}
.sen:hover{background:#f6f8fa}
.a{border-radius:3px;padding:0 1px}
.a-country{background:#dbeafe}.a-organisation{background:#ede9fe}
.a-group{background:#ffedd5}.a-person{background:#dcfce7}
.a.a-mod{background:none;box-shadow:inset 0 -2px 0 #8c959f}
.q{text-decoration:underline 1.5px #57606a;text-underline-offset:5px}
.q.term{text-decoration-style:dotted}
.qs::after{content:"\2014\00a0" attr(data-speaker);font:11px/1 system-ui,sans-serif;color:#fff;
 background:#57606a;border-radius:3px;padding:1px 4px;margin-left:3px;white-space:nowrap;
 vertical-align:2px}
.qs.none::after{content:"no speaker";background:#8c959f}
.h{outline:2px solid var(--sc);outline-offset:1px;border-radius:2px}
.cue{background:var(--sc);color:#fff;border-radius:3px;padding:0 2px}
.cue .a{background:none}
.tg{box-shadow:inset 0 -.5em 0 var(--sc-bg);-webkit-box-decoration-break:clone;
 box-decoration-break:clone}
.s-any{--sc:#57606a;--sc-bg:rgba(87,96,106,.22)}
main [data-c]{cursor:pointer}
.cl.sel{background:#fff8c5}
.h.sel,.cue.sel,.tg.sel{outline:3px solid #bf8700;outline-offset:1px}
#filters{display:flex;flex-wrap:wrap;gap:.4rem .8rem;align-items:end;padding:.6rem .8rem;
 border-bottom:1px solid var(--line)}
#filters label{display:flex;flex-direction:column;gap:2px;color:#59636e}
#filters input,#filters select{font:inherit;padding:2px 4px;min-width:8rem}
#count{margin:.4rem .8rem;color:#59636e}
#details{margin:0 .8rem .6rem;padding:.5rem .7rem;background:#fff;border:1px solid var(--line);
 border-radius:6px;max-height:40vh;overflow:auto}
#details h3{margin:.1rem 0 .4rem;font-size:14px}
#details dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:0}
#details dt{color:#59636e}#details dd{margin:0;overflow-wrap:anywhere}
#details pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f8fa;padding:.4rem;
 margin:.3rem 0 0;font-size:12px}
#table-wrap{flex:1;overflow:auto;border-top:1px solid var(--line)}
#claims{border-collapse:collapse;width:100%;table-layout:fixed}
.c-n{width:3.2em}.c-holder{width:20%}.c-stance{width:7.5em}.c-rule{width:17%}.c-doc{width:14%}
#claims th{position:sticky;top:0;background:#eaeef2;text-align:left;cursor:pointer;
 padding:4px 6px;user-select:none;white-space:nowrap}
#claims th[aria-sort=ascending]::after{content:" \25b2"}
#claims th[aria-sort=descending]::after{content:" \25bc"}
#claims td{padding:3px 6px;border-bottom:1px solid #eaeef2;vertical-align:top;
 overflow-wrap:anywhere}
#claims tbody tr{cursor:pointer}
#claims tbody tr:hover{background:#eef4ff}
#claims tbody tr.sel{background:#fff8c5}
#claims td.doc{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;direction:rtl;
 text-align:left}
.badge{background:var(--sc);color:#fff;border-radius:3px;padding:0 5px;white-space:nowrap}
.flag{color:#59636e;font-size:11px;margin-left:4px}
)css";
}

std::string_view ReviewPagePanel() {
  return R"html(<aside id="panel" aria-label="Claims">
<form id="filters" autocomplete="off">
<label>Holder<input name="holder" list="holders" placeholder="name or affiliation"></label>
<datalist id="holders"></datalist>
<label>Stance<select name="stance"><option value="">any</option></select></label>
<label>Target<input name="target" placeholder="words of the target"></label>
<button type="reset">Clear</button>
</form>
<p id="count"></p>
<section id="details" hidden></section>
<div id="table-wrap"><table id="claims"><colgroup><col class="c-n"><col class="c-holder">
<col class="c-stance"><col class="c-target"><col class="c-rule"><col class="c-doc"></colgroup>
<thead><tr><th data-key="n">#</th>
<th data-key="holder">Holder</th><th data-key="stance">Stance</th>
<th data-key="target">Target</th><th data-key="rule">Rule</th>
<th data-key="doc">Article</th></tr></thead><tbody></tbody></table></div>
<noscript><p>The claim table needs JavaScript; the marked-up articles do not.</p></noscript>
</aside>
)html";
}

std::string_view ReviewPageHeader() {
  return R"html(<header><h1>stance review</h1><p id="summary"></p>
<p id="legend">Actors: <span class="a a-country">country</span>
<span class="a a-organisation">organisation</span> <span class="a a-group">group</span>
<span class="a a-person">person</span> <span class="a a-mod">modifier</span> &middot;
<span class="q">quotation</span><span class="qs" data-speaker="speaker"></span> &middot;
claims: <span class="h s-any">holder</span> <span class="cue s-any">cue</span>
<span class="tg s-any">target</span> &middot; stances: <span id="stance-legend"></span></p>
</header>
)html";
}

std::string_view ReviewPageScript() {
  return R"js(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('stance-data').textContent);
  var claims = data.claims, docs = data.docs, stances = data.stances;
  var main = document.getElementById('articles');
  var form = document.getElementById('filters');
  var table = document.getElementById('claims');
  var tbody = table.tBodies[0];
  var count = document.getElementById('count');
  var details = document.getElementById('details');
  var SORT_KEYS = {n: 1, holder: 1, stance: 1, target: 1, rule: 1, doc: 1};
  var FILTERS = ['holder', 'stance', 'target'];
  var stanceClass = {};
  stances.forEach(function (s, k) { stanceClass[s.label] = 's' + k; });
  var rows = [];
  var haystack = [];  // lower-case text each filter looks in, per claim
  var lit = [];       // elements marked as selected
  var view = {holder: '', stance: '', target: '', sort: 'n', desc: false, claim: -1};

  // Every text goes in through textContent: nothing from the data is parsed
  // as markup.
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function stanceCell(c) {
    var td = el('td', 'stance');
    td.appendChild(el('span', 'badge ' + stanceClass[c.stance], c.stance));
    if (c.negated) td.appendChild(el('span', 'flag', 'negated'));
    if (c.hedged) td.appendChild(el('span', 'flag', 'hedged'));
    return td;
  }

  function buildTable() {
    var rowsFragment = document.createDocumentFragment();
    claims.forEach(function (c, i) {
      var tr = el('tr');
      tr.setAttribute('data-c', i);
      tr.tabIndex = 0;
      tr.appendChild(el('td', 'n', String(i + 1)));
      var holder = tr.appendChild(el('td', 'holder', c.holder));
      holder.title = c.holder_type +
          (c.holder_affiliation && c.holder_affiliation !== c.holder ?
               ', ' + c.holder_affiliation : '');
      tr.appendChild(stanceCell(c));
      tr.appendChild(el('td', 'target', c.target));
      var rule = tr.appendChild(el('td', 'rule', c.rule));
      rule.title = c.rule_file + ' version ' + c.rule_version;
      var doc = tr.appendChild(el('td', 'doc', docs[c.doc].id));
      doc.title = docs[c.doc].id;
      rows.push(tr);
      haystack.push({
        holder: (c.holder + '\n' + (c.holder_affiliation || '')).toLowerCase(),
        target: c.target.toLowerCase()
      });
      rowsFragment.appendChild(tr);
    });
    tbody.appendChild(rowsFragment);
  }

  function fillControls() {
    var holders = {};
    var quotes = 0;
    claims.forEach(function (c) { holders[c.holder] = true; });
    var list = document.getElementById('holders');
    Object.keys(holders).sort().forEach(function (h) {
      var option = el('option');
      option.value = h;
      list.appendChild(option);
    });
    var legend = document.getElementById('stance-legend');
    stances.forEach(function (s) {
      var option = el('option', null, s.label);
      option.value = s.label;
      form.elements.stance.appendChild(option);
      legend.appendChild(el('span', 'badge ' + stanceClass[s.label], s.label));
      legend.appendChild(document.createTextNode(' '));
    });
    docs.forEach(function (d) { quotes += d.quotes; });
    document.getElementById('summary').textContent =
        docs.length + (docs.length === 1 ? ' article' : ' articles') + ' \u00b7 ' +
        claims.length + (claims.length === 1 ? ' claim' : ' claims') + ' \u00b7 ' +
        quotes + (quotes === 1 ? ' quotation' : ' quotations') +
        (docs.length ? '' : ' (no articles)');
  }

  function applySort() {
    var order = claims.map(function (c, i) { return i; });
    var dir = view.desc ? -1 : 1;
    if (view.sort !== 'n') {
      var keys = claims.map(function (c) {
        return view.sort === 'doc' ? c.doc : String(c[view.sort]).toLowerCase();
      });
      order.sort(function (a, b) {
        if (keys[a] < keys[b]) return -dir;
        if (keys[a] > keys[b]) return dir;
        return a - b;
      });
    } else if (view.desc) {
      order.reverse();
    }
    var sorted = document.createDocumentFragment();
    order.forEach(function (i) { sorted.appendChild(rows[i]); });
    tbody.appendChild(sorted);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      if (th.getAttribute('data-key') === view.sort) {
        th.setAttribute('aria-sort', view.desc ? 'descending' : 'ascending');
      } else {
        th.removeAttribute('aria-sort');
      }
    });
  }

  function applyFilter() {
    var holder = view.holder.toLowerCase(), target = view.target.toLowerCase();
    var shown = 0;
    claims.forEach(function (c, i) {
      var ok = (!view.stance || c.stance === view.stance) &&
               (!holder || haystack[i].holder.indexOf(holder) >= 0) &&
               (!target || haystack[i].target.indexOf(target) >= 0);
      rows[i].hidden = !ok;
      if (ok) ++shown;
    });
    count.textContent = shown + ' of ' + claims.length + ' claims shown';
    count.setAttribute('data-shown', shown);
  }

  function showDetails(c, i) {
    details.textContent = '';
    details.hidden = false;
    details.appendChild(el('h3', null, '#' + (i + 1) + ' ' + c.holder + ' ' +
                                           c.stance + ' ' + c.target));
    var dl = details.appendChild(el('dl'));
    function field(name, label, value) {
      if (value === null || value === undefined || value === '') return;
      dl.appendChild(el('dt', null, label));
      var dd = dl.appendChild(el('dd', null, String(value)));
      dd.setAttribute('data-field', name);
    }
    field('rule', 'Rule', c.rule);
    field('rule_file', 'Rule file', c.rule_file + ' (version ' + c.rule_version + ')');
    field('cue', 'Cue', c.cue);
    field('holder', 'Holder', c.holder + ' (' + c.holder_type +
          (c.holder_affiliation && c.holder_affiliation !== c.holder ?
               ', ' + c.holder_affiliation : '') + ')');
    field('target', 'Target', c.target);
    field('negated', 'Negated', c.negated ? 'yes' : 'no');
    field('hedged', 'Hedged', c.hedged ? 'yes' : 'no');
    field('speaker', 'Speaker', c.speaker);
    field('quote', 'Quotation', c.quote);
    field('where', 'Where', docs[c.doc].id + ', sentence ' + c.sentence + ', bytes ' +
          c.begin + '\u2013' + c.end);
    details.appendChild(el('h4', null, 'Why'));
    details.appendChild(el('pre', 'why', c.explanation));
  }

  // Selects claim `i` (-1: none): marks its row and its evidence, shows its
  // details, and scrolls the article to it or the table to it.
  function select(i, scrollTo) {
    lit.forEach(function (e) { e.classList.remove('sel'); });
    lit = [];
    view.claim = i;
    if (i < 0 || i >= claims.length) {
      details.hidden = true;
      return;
    }
    var c = claims[i];
    var article = document.getElementById('d' + c.doc);
    if (article) {
      var marks = article.querySelectorAll('[data-c~="' + i + '"]');
      Array.prototype.forEach.call(marks, function (m) {
        m.classList.add('sel');
        lit.push(m);
      });
    }
    rows[i].classList.add('sel');
    lit.push(rows[i]);
    showDetails(c, i);
    if (scrollTo === 'evidence' && article) {
      var anchor = article.querySelector('.cl[data-c~="' + i + '"]') ||
                   document.getElementById('d' + c.doc + '-s' + c.sentence) || article;
      anchor.scrollIntoView({block: 'center'});
    } else if (scrollTo === 'row') {
      rows[i].scrollIntoView({block: 'nearest'});
    }
  }

  function writeHash() {
    var parts = [];
    FILTERS.forEach(function (f) {
      if (view[f]) parts.push('filter=' + f + ':' + encodeURIComponent(view[f]));
    });
    if (view.sort !== 'n' || view.desc) parts.push('sort=' + (view.desc ? '-' : '') + view.sort);
    if (view.claim >= 0) parts.push('claim=' + (view.claim + 1));
    try {
      history.replaceState(null, '', parts.length ? '#' + parts.join('&') :
                                                     location.pathname + location.search);
    } catch (e) {
      // A page opened where history cannot be changed still works.
    }
  }

  function decode(s) {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch (e) {
      return s;
    }
  }

  function applyHash() {
    var next = {holder: '', stance: '', target: '', sort: 'n', desc: false, claim: -1};
    location.hash.replace(/^#/, '').split('&').forEach(function (part) {
      var eq = part.indexOf('=');
      if (eq < 0) return;
      var key = part.slice(0, eq), value = decode(part.slice(eq + 1));
      if (key === 'filter') {
        var colon = value.indexOf(':');
        var name = value.slice(0, colon);
        if (colon > 0 && FILTERS.indexOf(name) >= 0) next[name] = value.slice(colon + 1);
      } else if (key === 'sort') {
        next.desc = value.charAt(0) === '-';
        next.sort = SORT_KEYS.hasOwnProperty(value.replace(/^-/, '')) ?
            value.replace(/^-/, '') : 'n';
      } else if (key === 'claim') {
        var n = parseInt(value, 10);
        if (n >= 1 && n <= claims.length) next.claim = n - 1;
      }
    });
    FILTERS.forEach(function (f) {
      form.elements[f].value = next[f];
      view[f] = form.elements[f].value;  // a stance not on the list is none
    });
    view.sort = next.sort;
    view.desc = next.desc;
    applySort();
    applyFilter();
    select(next.claim, 'evidence');
  }

  function readForm() {
    FILTERS.forEach(function (f) { view[f] = form.elements[f].value; });
    applyFilter();
    writeHash();
  }

  tbody.addEventListener('click', function (e) {
    var tr = e.target.closest('tr[data-c]');
    if (!tr) return;
    select(Number(tr.getAttribute('data-c')), 'evidence');
    writeHash();
  });
  tbody.addEventListener('keydown', function (e) {
    var tr = e.target.closest('tr[data-c]');
    if (!tr || e.key !== 'Enter') return;
    select(Number(tr.getAttribute('data-c')), 'evidence');
    writeHash();
  });
  table.tHead.addEventListener('click', function (e) {
    var th = e.target.closest('th[data-key]');
    if (!th) return;
    var key = th.getAttribute('data-key');
    view.desc = view.sort === key ? !view.desc : false;
    view.sort = key;
    applySort();
    writeHash();
  });
  form.addEventListener('input', readForm);
  form.addEventListener('change', readForm);
  form.addEventListener('reset', function () { setTimeout(readForm, 0); });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  // A click on a marked claim part selects its claim; clicking again moves
  // on to the next claim that shares the part.
  main.addEventListener('click', function (e) {
    var mark = e.target.closest('[data-c]');
    if (!mark || !main.contains(mark)) return;
    var ids = mark.getAttribute('data-c').split(' ').map(Number);
    var at = ids.indexOf(view.claim);
    select(ids[(at + 1) % ids.length], 'row');
    writeHash();
  });
  window.addEventListener('hashchange', applyHash);

  buildTable();
  fillControls();
  applyHash();
})();
)js";
}

}  // namespace writers
}  // namespace stance
