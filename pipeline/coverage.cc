#include "pipeline/coverage.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "pipeline/claim_diff.h"

namespace stance {
namespace {

std::string Plural(size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string Shorten(const std::string& text, size_t max) {
  if (text.size() <= max) return text;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

std::string Padded(std::string text, size_t width) {
  if (text.size() < width) text.resize(width, ' ');
  return text;
}

}  // namespace

void Coverage::Add(const Document& doc) {
  ++documents_;
  sentences_ += doc.sentences.size();
  claims_ += doc.claims.size();
  std::set<int> with_claims;
  for (const Claim& c : doc.claims) {
    ++fired_[c.rule];
    with_claims.insert(c.sentence);
  }
  int line = 1;
  size_t counted_to = 0;  // newlines before this original offset are in `line`
  for (int i = 0; i < static_cast<int>(doc.sentences.size()); ++i) {
    const Sentence& s = doc.sentences[i];
    if (with_claims.count(i) || s.norm.end > doc.text.size() || s.span.end > doc.original.size()) {
      continue;
    }
    CueMatcher::Hit hit;
    if (!cues_.Find(doc.Text(s.norm), &hit)) continue;
    line += static_cast<int>(
        std::count(doc.original.begin() + counted_to, doc.original.begin() + s.span.begin, '\n'));
    counted_to = s.span.begin;
    near_misses_.push_back(
        {doc.id, line, hit.cue, hit.entries, CollapseSpaces(doc.Original(s.span))});
  }
}

size_t Coverage::ClaimsOf(const std::string& id) const {
  auto it = fired_.find(id);
  return it == fired_.end() ? 0 : it->second;
}

std::vector<const CatalogRule*> Coverage::NeverFired() const {
  std::vector<const CatalogRule*> rules;
  for (const CatalogRule& r : catalog_.rules()) {
    if (ClaimsOf(r.id) == 0) rules.push_back(&r);
  }
  return rules;
}

void Coverage::Print(std::ostream* out, size_t max_near_misses) const {
  const std::vector<CatalogRule>& rules = catalog_.rules();
  *out << "coverage: " << Plural(documents_, "document") << ", " << Plural(sentences_, "sentence")
       << ", " << Plural(claims_, "claim") << "; " << Plural(rules.size(), "rule") << '\n';

  // Rules that fired, most claims first; ties in catalog order. A rule id
  // the catalog lacks (it could not read the file again) still shows.
  std::vector<std::pair<size_t, const CatalogRule*>> fired;
  std::set<std::string> listed;
  for (const CatalogRule& r : rules) {
    listed.insert(r.id);
    if (size_t n = ClaimsOf(r.id)) fired.push_back({n, &r});
  }
  std::stable_sort(fired.begin(), fired.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  size_t width = 4;
  for (const CatalogRule& r : rules) width = std::max(width, r.id.size());
  *out << "\nclaims  " << Padded("rule", width) << "  defined at\n";
  for (const auto& [n, rule] : fired) {
    char count[32];
    std::snprintf(count, sizeof(count), "%6zu", n);
    *out << count << "  " << Padded(rule->id, width) << "  " << rule->where.ToString() << '\n';
  }
  for (const auto& [id, n] : fired_) {
    if (listed.count(id)) continue;
    char count[32];
    std::snprintf(count, sizeof(count), "%6zu", n);
    *out << count << "  " << Padded(id, width) << "  (not found in the rule files)\n";
  }

  std::vector<const CatalogRule*> never = NeverFired();
  *out << "\nnever fired: " << never.size() << " of " << Plural(rules.size(), "rule") << '\n';
  for (const CatalogRule* r : never) {
    *out << "  " << Padded(r->id, width) << "  " << r->where.ToString() << '\n';
  }

  *out << "\nnear misses: " << Plural(near_misses_.size(), "sentence")
       << " with a stance cue and no claim\n";
  size_t shown = std::min(max_near_misses, near_misses_.size());
  for (size_t i = 0; i < shown; ++i) {
    const NearMiss& m = near_misses_[i];
    *out << "  " << m.doc << ":" << m.line << ": \"" << m.cue << "\" (lexicon " << m.entries
         << ")\n"
         << "      " << Shorten(m.sentence, 200) << '\n';
  }
  if (shown < near_misses_.size()) {
    *out << "  ... and " << near_misses_.size() - shown << " more\n";
  }
}

}  // namespace stance
