#include "pipeline/test_report.h"

#include <algorithm>
#include <string>

namespace stance {
namespace {

constexpr char kRed[] = "31";
constexpr char kGreen[] = "32";
constexpr char kYellow[] = "33";
constexpr char kBold[] = "1";
constexpr char kDim[] = "2";

// At most `max` bytes of `text`, cut at a character boundary, with "..."
// when cut.
std::string Shorten(const std::string& text, size_t max) {
  if (text.size() <= max) return text;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

std::string Plural(size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string Describe(const ClaimRecord& c) {
  std::string text = c.holder + " " + c.stance + " \"" + c.target + "\"";
  if (c.negated) text += " (negated)";
  if (c.hedged) text += " (hedged)";
  return text;
}

std::string Describe(const QuoteRecord& q) {
  std::string text = "\"" + Shorten(q.quote, 70) + "\"";
  text += q.speaker.empty() ? " no speaker" : " speaker \"" + q.speaker + "\"";
  if (!q.cue.empty()) text += ", cue \"" + q.cue + "\"";
  return text;
}

std::string RuleOf(const ClaimRecord& c) {
  return c.rule.empty() ? "(rule not recorded)" : "(rule " + c.rule + ")";
}

std::string RuleOf(const QuoteRecord& q) {
  return q.method.empty() ? "(method not recorded)" : "(method " + q.method + ")";
}

std::string RuleOf(const ClaimRecord& before, const ClaimRecord& after) {
  if (before.rule.empty() || before.rule == after.rule) return RuleOf(after);
  return "(rule " + before.rule + " -> " + after.rule + ")";
}

std::string RuleOf(const QuoteRecord& before, const QuoteRecord& after) {
  if (before.method.empty() || before.method == after.method) return RuleOf(after);
  return "(method " + before.method + " -> " + after.method + ")";
}

// What identifies a changed record on its line.
std::string Identity(const ClaimRecord& c, const std::vector<FieldChange>& changes) {
  bool stance_changed = false;
  for (const FieldChange& f : changes) stance_changed |= f.field == "stance";
  return c.holder + (stance_changed ? "" : " " + c.stance);
}

std::string Identity(const QuoteRecord& q, const std::vector<FieldChange>&) {
  return "\"" + Shorten(q.quote, 70) + "\"";
}

std::string Evidence(const ClaimRecord& c) { return c.evidence; }
std::string Evidence(const QuoteRecord&) { return ""; }

std::string ScoreLine(const char* what, const Score& precision, const Score& recall) {
  return std::string(what) + ": precision " + precision.ToString() + ", recall " +
         recall.ToString();
}

// Prints the differences of one kind of record. `noun` is "" for claims,
// " quote" for quotes ("missing quote").
template <typename Record, typename PaintFn>
void PrintDiff(const RecordDiff<Record>& diff, const std::string& noun, std::ostream* out,
               PaintFn paint) {
  auto evidence = [&](const std::string& text) {
    if (!text.empty()) {
      *out << "                " << paint(kDim, "in \"" + Shorten(text, 200) + "\"") << '\n';
    }
  };
  auto head = [&](const char* color, const std::string& what) {
    std::string label = what + noun;
    label.resize(std::max<size_t>(label.size(), 12), ' ');
    return "  " + paint(color, label) + "  ";
  };
  for (const Record& r : diff.missing) {
    *out << head(kRed, "missing") << Describe(r) << "  " << RuleOf(r) << '\n';
    evidence(Evidence(r));
  }
  for (const Record& r : diff.unexpected) {
    *out << head(kGreen, "unexpected") << Describe(r) << "  " << RuleOf(r) << '\n';
    evidence(Evidence(r));
  }
  for (const Changed<Record>& c : diff.changed) {
    std::string fields;
    for (const FieldChange& f : c.changes) {
      if (!fields.empty()) fields += "; ";
      fields += f.field + " " + Shorten(f.before, 120) + " -> " + Shorten(f.after, 120);
    }
    *out << head(kYellow, "changed") << Identity(c.expected, c.changes) << ": " << fields << "  "
         << RuleOf(c.expected, c.actual) << '\n';
    evidence(Evidence(c.actual));
  }
}

}  // namespace

std::string TestReport::Paint(const char* code, const std::string& text) const {
  if (!color_) return text;
  return std::string("\033[") + code + "m" + text + "\033[0m";
}

void TestReport::PrintFixture(const FixtureResult& result) {
  const bool passed = result.passed();
  std::string line = passed ? Paint(kGreen, "ok  ") : Paint(kRed, "FAIL");
  line += " " + Paint(kBold, result.dir);
  std::string scores;
  if (result.processed && result.status.ok()) {
    if (result.has_claims) {
      scores = ScoreLine("claims", result.claims.precision(), result.claims.recall());
    }
    if (result.has_quotes) {
      scores += (scores.empty() ? "" : "; ") +
                ScoreLine("quotes", result.quotes.precision(), result.quotes.recall());
    }
  }
  if (!scores.empty()) line += "  " + scores;
  *out_ << line << '\n';
  if (!result.status.ok()) *out_ << "  " << Paint(kRed, result.status.ToString()) << '\n';
  auto paint = [this](const char* code, const std::string& text) { return Paint(code, text); };
  PrintDiff(result.claims, "", out_, paint);
  PrintDiff(result.quotes, " quote", out_, paint);
}

void TestReport::PrintUpdates(const std::vector<FileUpdate>& updates, size_t fixtures) {
  size_t added = 0, removed = 0, changed = 0, failed = 0;
  for (const FileUpdate& u : updates) {
    if (!u.status.ok()) {
      ++failed;
      *out_ << Paint(kRed, "not updated") << " " << u.status.ToString() << '\n';
      continue;
    }
    std::string what;
    if (u.created) {
      what = "created with " + Plural(u.records, "record");
    } else if (u.unreadable) {
      what = "replaced (the old file could not be read) with " + Plural(u.records, "record");
    } else if (u.added + u.removed + u.changed == 0) {
      what = "rewritten (same records, fields or format brought up to date)";
    } else {
      what = std::to_string(u.added) + " added, " + std::to_string(u.removed) + " removed, " +
             std::to_string(u.changed) + " changed";
    }
    added += u.added;
    removed += u.removed;
    changed += u.changed;
    *out_ << "updated " << u.path << ": " << what << '\n';
  }
  size_t written = updates.size() - failed;
  *out_ << "--update: " << Plural(written, "file") << " written";
  if (written > 0) {
    *out_ << " (" << added << " added, " << removed << " removed, " << changed << " changed)";
  }
  if (failed > 0) *out_ << ", " << failed << " failed";
  *out_ << "; " << Plural(fixtures, "fixture") << " checked\n";
}

void TestReport::PrintSummary(const std::vector<FixtureResult>& results) {
  Score claims_p, claims_r, quotes_p, quotes_r;
  size_t claim_fixtures = 0, quote_fixtures = 0, failed = 0;
  for (const FixtureResult& r : results) {
    if (!r.passed()) ++failed;
    if (!r.processed || !r.status.ok()) continue;
    if (r.has_claims) {
      ++claim_fixtures;
      claims_p += r.claims.precision();
      claims_r += r.claims.recall();
    }
    if (r.has_quotes) {
      ++quote_fixtures;
      quotes_p += r.quotes.precision();
      quotes_r += r.quotes.recall();
    }
  }
  *out_ << '\n';
  if (claim_fixtures > 0) *out_ << "overall " << ScoreLine("claims", claims_p, claims_r) << '\n';
  if (quote_fixtures > 0) *out_ << "overall " << ScoreLine("quotes", quotes_p, quotes_r) << '\n';
  std::string verdict = Plural(results.size(), "fixture") + ": " +
                        std::to_string(results.size() - failed) + " passed, " +
                        std::to_string(failed) + " failed";
  *out_ << (failed > 0 ? Paint(kRed, verdict) : Paint(kGreen, verdict)) << '\n';
}

}  // namespace stance
