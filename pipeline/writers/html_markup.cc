#include "pipeline/writers/html_markup.h"

#include <algorithm>
#include <cstdint>

#include "pipeline/utf8.h"

namespace stance {
namespace writers {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The reference for an ASCII byte that cannot stand as it is, "" for one
// that can, or kReplacement for a control character.
std::string_view AsciiReplacement(unsigned char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&#39;";
    case '\t':
    case '\n':
    case '\r':
      return "";
    default:
      break;
  }
  return c < 0x20 || c == 0x7f ? kReplacement : "";
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// `pos` moved back to the first byte of the well-formed UTF-8 sequence that
// holds it, if any; a byte of no such sequence is a character of its own
// (AppendHtmlEscaped makes it one U+FFFD).
uint32_t CharStartAtOrBefore(std::string_view text, uint32_t pos) {
  if (pos >= text.size()) return static_cast<uint32_t>(text.size());
  if (!IsContinuationByte(text[pos])) return pos;
  for (uint32_t back = 1; back <= 3 && back <= pos; ++back) {
    uint32_t start = pos - back;
    if (IsContinuationByte(text[start])) continue;
    int length = DecodeUtf8(text, start, nullptr);
    return static_cast<uint32_t>(length) > back ? start : pos;
  }
  return pos;
}

// A mark placed on the text: its range moved onto character starts.
struct Placed {
  uint32_t begin;
  uint32_t end;
  const HtmlMark* mark;
  size_t index;
};

// Outer marks first: lower layer, then earlier, then longer, then given first.
bool Outside(const Placed& a, const Placed& b) {
  if (a.mark->layer != b.mark->layer) return a.mark->layer < b.mark->layer;
  if (a.begin != b.begin) return a.begin < b.begin;
  if (a.end != b.end) return a.end > b.end;
  return a.index < b.index;
}

void AppendOpen(const Placed& p, bool first, std::string* out) {
  out->push_back('<');
  out->append(p.mark->tag);
  out->append(p.mark->attributes);
  if (first) out->append(p.mark->first_attributes);
  out->push_back('>');
}

void AppendClose(const Placed& p, std::string* out) {
  out->append("</");
  out->append(p.mark->tag);
  out->push_back('>');
}

}  // namespace

void AppendHtmlEscaped(std::string_view text, std::string* out) {
  size_t i = 0;
  size_t run = 0;  // start of the bytes that are copied as they are
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    std::string_view replacement;
    size_t length = 1;
    if (c < 0x80) {
      replacement = AsciiReplacement(c);
    } else {
      length = DecodeUtf8(text, i, nullptr);
      if (length == 0) {
        replacement = kReplacement;
        length = 1;
      }
    }
    if (!replacement.empty()) {
      out->append(text.substr(run, i - run));
      out->append(replacement);
      run = i + length;
    }
    i += length;
  }
  out->append(text.substr(run));
}

void AppendMarkedText(std::string_view text, const std::vector<HtmlMark>& marks, std::string* out) {
  std::vector<Placed> placed;
  placed.reserve(marks.size());
  std::vector<uint32_t> points = {0, static_cast<uint32_t>(text.size())};
  for (size_t i = 0; i < marks.size(); ++i) {
    uint32_t begin = CharStartAtOrBefore(text, marks[i].span.begin);
    uint32_t end = CharStartAtOrBefore(text, marks[i].span.end);
    if (end <= begin) continue;
    placed.push_back({begin, end, &marks[i], i});
    points.push_back(begin);
    points.push_back(end);
  }
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  std::vector<const Placed*> by_begin;
  by_begin.reserve(placed.size());
  for (const Placed& p : placed) by_begin.push_back(&p);
  std::stable_sort(by_begin.begin(), by_begin.end(),
                   [](const Placed* a, const Placed* b) { return a->begin < b->begin; });

  // At each point where a mark begins or ends, `active` is every mark that
  // covers the next stretch of text, outermost first; `open` is what the
  // output has open. Elements of `open` past their common prefix with
  // `active` are closed, and what `active` has beyond it is opened.
  std::vector<const Placed*> active;
  std::vector<const Placed*> open;
  std::vector<bool> opened_before(marks.size(), false);
  size_t next = 0;
  for (size_t k = 0; k < points.size(); ++k) {
    const uint32_t at = points[k];
    std::erase_if(active, [at](const Placed* p) { return p->end == at; });
    for (; next < by_begin.size() && by_begin[next]->begin == at; ++next) {
      const Placed* p = by_begin[next];
      auto where =
          std::lower_bound(active.begin(), active.end(), p,
                           [](const Placed* a, const Placed* b) { return Outside(*a, *b); });
      active.insert(where, p);
    }
    size_t kept = 0;
    while (kept < open.size() && kept < active.size() && open[kept] == active[kept]) {
      ++kept;
    }
    while (open.size() > kept) {
      const Placed* p = open.back();
      open.pop_back();
      AppendClose(*p, out);
      if (p->end == at) out->append(p->mark->after);
    }
    for (size_t i = kept; i < active.size(); ++i) {
      const Placed* p = active[i];
      AppendOpen(*p, !opened_before[p->index], out);
      opened_before[p->index] = true;
      open.push_back(p);
    }
    if (k + 1 < points.size()) {
      AppendHtmlEscaped(text.substr(at, points[k + 1] - at), out);
    }
  }
}

}  // namespace writers
}  // namespace stance
