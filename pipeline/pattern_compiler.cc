#include "pipeline/pattern_compiler.h"

#include <cstdint>

#include <climits>

#include <set>

#include <optional>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <re2/re2.h>

#include "grammars/pattern/ast.h"
#include "grammars/pattern/pattern.h"

namespace stance {
namespace {

namespace ast = pattern::ast;

// The joiner between two items of a sequence.
constexpr char kJoin[] = "\\s*";

bool IsAsciiWordChar(char c) {
  // RE2's \b is ASCII-only: it sees [0-9A-Za-z_] as word characters.
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Optimal-string-alignment distance: edits, with a swap of neighbours
// counting as one ("QOUTE" is 1 from "QUOTE").
int EditDistance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

// " (did you mean X?)" for the candidate closest to `name`, ignoring case,
// or "" when none is close: at most 2 edits, or a third of the name's length
// for long names, and fewer edits than the name has characters.
std::string DidYouMean(std::string_view name, const std::vector<std::string>& candidates) {
  const std::string lower = AsciiLower(name);
  const int limit = std::max<int>(2, static_cast<int>(name.size()) / 3);
  const std::string* best = nullptr;
  int best_distance = 0;
  for (const std::string& candidate : candidates) {
    const int distance = EditDistance(lower, AsciiLower(candidate));
    if (distance > limit || distance >= static_cast<int>(name.size())) continue;
    if (best == nullptr || distance < best_distance) {
      best = &candidate;
      best_distance = distance;
    }
  }
  return best == nullptr ? "" : " (did you mean " + *best + "?)";
}

// The words of a phrase (split at whitespace).
std::vector<std::string_view> Words(std::string_view phrase) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < phrase.size()) {
    const size_t start = phrase.find_first_not_of(" \t\n\r\f\v", i);
    if (start == std::string_view::npos) break;
    size_t end = phrase.find_first_of(" \t\n\r\f\v", start);
    if (end == std::string_view::npos) end = phrase.size();
    words.push_back(phrase.substr(start, end - start));
    i = end;
  }
  return words;
}

// Words as RE2: quoted, joined by \s+, with \b where an end is an ASCII word
// character (RE2's \b knows no other). REQUIRES: !words.empty().
std::string WordsRegex(const std::vector<std::string_view>& words) {
  std::string body;
  if (IsAsciiWordChar(words.front().front())) body += "\\b";
  for (size_t w = 0; w < words.size(); ++w) {
    if (w > 0) body += "\\s+";
    body += RE2::QuoteMeta(words[w]);
  }
  if (IsAsciiWordChar(words.back().back())) body += "\\b";
  return body;
}

// Whether `re` can match an empty string somewhere. Assertions such as \b
// or $ match empty only in some contexts, so a few typical ones are tried.
bool MatchesEmpty(const RE2& re) {
  static const char* const kProbes[] = {"", "a a", " ", "a, \"b\"; c."};
  for (const char* probe : kProbes) {
    const std::string_view text(probe);
    for (size_t pos = 0; pos <= text.size(); ++pos) {
      if (re.Match(text, pos, pos, RE2::ANCHOR_BOTH, nullptr, 0)) return true;
    }
  }
  return false;
}

// What compiling a node yields.
struct Piece {
  std::string regex;
  // Where a match of the node can be empty: the offset of the first
  // sequence (or gap, optional group, raw regex) that can, or -1.
  int empty_at = -1;
  // Slot names that can be filled in a match of the node, each with the
  // offset of its first occurrence (for the duplicate-slot error).
  std::map<std::string, int> slot_names;
};

class Compiler {
 public:
  Compiler(std::string_view text, const PatternContext& context)
      : text_(text), context_(context) {}

  // Compiles `pattern` into *out; on error fills *error and returns false.
  bool Compile(const ast::Pattern& pattern, CompiledPattern* out, PatternError* error) {
    Piece piece;
    if (!Alternation(pattern.body, /*join=*/false, &piece)) {
      *error = error_;
      return false;
    }
    if (piece.empty_at >= 0) {
      *error = {piece.empty_at, "pattern can match the empty string"};
      return false;
    }
    result_.regex = std::move(piece.regex);
    for (const std::set<std::string>& clause : Required(pattern.body)) {
      result_.required.emplace_back(clause.begin(), clause.end());
    }
    *out = std::move(result_);
    return true;
  }

 private:
  bool Fail(int offset, std::string message) {
    error_ = {offset, std::move(message)};
    return false;
  }

  // Items in a sequence are joined by \s*. Each item but the first of the
  // pattern carries the joiner in front of it (`join`); an optional item
  // carries it inside, `(?:\s*x)?`, and a gap starts with its own, so no two
  // \s* ever stand side by side.
  bool Alternation(const ast::Alternation& alt, bool join, Piece* out) {
    if (alt.size() == 1) return Sequence(alt.front(), join, out);
    out->regex = std::string(join ? kJoin : "") + "(?:";
    for (size_t i = 0; i < alt.size(); ++i) {
      Piece branch;
      if (!Sequence(alt[i], /*join=*/false, &branch)) return false;
      if (i > 0) out->regex += '|';
      out->regex += branch.regex;
      if (out->empty_at < 0) out->empty_at = branch.empty_at;
      out->slot_names.insert(branch.slot_names.begin(), branch.slot_names.end());
    }
    out->regex += ')';
    return true;
  }

  bool Sequence(const ast::Sequence& seq, bool join, Piece* out) {
    bool nullable = true;
    for (size_t i = 0; i < seq.size(); ++i) {
      Piece item;
      if (!Item(seq[i], join || i > 0, &item)) return false;
      for (const auto& [name, offset] : item.slot_names) {
        if (out->slot_names.count(name) > 0) {
          return Fail(offset, "duplicate slot '" + name +
                                  "' in one match (a name may repeat only in different "
                                  "alternatives)");
        }
      }
      out->regex += item.regex;
      nullable = nullable && item.empty_at >= 0;
      out->slot_names.insert(item.slot_names.begin(), item.slot_names.end());
    }
    if (nullable) out->empty_at = seq.offset;
    return true;
  }

  bool Item(const ast::Item& item, bool join, Piece* out) {
    const auto& v = item.get();
    if (const auto* lit = boost::get<ast::Literal>(&v)) return Literal(*lit, join, out);
    if (const auto* slot = boost::get<ast::Slot>(&v)) return Slot(*slot, join, out);
    if (const auto* ref = boost::get<ast::LexiconRef>(&v)) return Lexicon(*ref, join, out);
    if (const auto* gap = boost::get<ast::Gap>(&v)) return Gap(*gap, out);
    if (const auto* raw = boost::get<ast::Raw>(&v)) return Raw(*raw, join, out);
    return Group(boost::get<boost::spirit::x3::forward_ast<ast::Group>>(v).get(), join, out);
  }

  bool Literal(const ast::Literal& lit, bool join, Piece* out) {
    out->regex = join ? kJoin : "";
    // The grammar's punctuation marks: nothing to bound or fold.
    const bool punctuation = lit.text.size() == 1 && std::string_view(",:;\"").find(lit.text[0]) !=
                                                         std::string_view::npos;
    if (punctuation) {
      out->regex += RE2::QuoteMeta(lit.text);
    } else {
      out->regex += "(?i:" + WordsRegex({lit.text}) + ")";
    }
    return true;
  }

  bool Slot(const ast::Slot& slot, bool join, Piece* out) {
    std::string class_regex;
    if (!context_.ClassRegex(slot.cls.text, &class_regex)) {
      return Fail(slot.cls.offset, "unknown class '" + slot.cls.text + "'" +
                                       DidYouMean(slot.cls.text, context_.ClassNames()));
    }
    PatternSlot compiled{slot.name.text, slot.cls.text,
                         slot.name.text + "__" + std::to_string(result_.slots.size())};
    out->regex = std::string(join ? kJoin : "") + "(?P<" + compiled.group + ">" + class_regex + ")";
    out->slot_names.emplace(slot.name.text, slot.offset);
    result_.slots.push_back(std::move(compiled));
    return true;
  }

  bool Lexicon(const ast::LexiconRef& ref, bool join, Piece* out) {
    const std::vector<std::string> names = context_.LexiconNames();
    if (std::find(names.begin(), names.end(), ref.name.text) == names.end()) {
      return Fail(ref.name.offset,
                  "unknown lexicon '" + ref.name.text + "'" + DidYouMean(ref.name.text, names));
    }
    const std::string form = ref.form ? ref.form->text : "";
    const int form_offset = ref.form ? ref.form->offset : ref.name.offset;
    std::vector<std::string> phrases;
    std::string message;
    if (!context_.LexiconPhrases(ref.name.text, form, &phrases, &message)) {
      if (message.empty()) message = "lexicon '" + ref.name.text + "' has no form '" + form + "'";
      return Fail(form_offset, message);
    }
    // Longest first (in characters of the phrase with single spaces), so
    // that RE2's leftmost-first alternation prefers "stand against" to
    // "stand" where both match.
    std::vector<std::pair<std::string, std::vector<std::string_view>>> sorted;
    for (const std::string& phrase : phrases) {
      std::vector<std::string_view> words = Words(phrase);
      if (words.empty()) continue;
      std::string canonical;
      for (std::string_view word : words) canonical.append(canonical.empty() ? "" : " ").append(word);
      sorted.emplace_back(std::move(canonical), std::move(words));
    }
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
      return a.first.size() != b.first.size() ? a.first.size() > b.first.size() : a.first < b.first;
    });
    // Equal phrases are neighbours after the sort, and a phrase's regex is a
    // function of its canonical form: comparing neighbours drops every
    // duplicate in linear time.
    std::vector<std::string> alternatives;
    for (size_t i = 0; i < sorted.size(); ++i) {
      if (i > 0 && sorted[i].first == sorted[i - 1].first) continue;
      alternatives.push_back(WordsRegex(sorted[i].second));
    }
    if (alternatives.empty()) {
      return Fail(form_offset, "lexicon '" + ref.name.text + "'" +
                                   (form.empty() ? "" : " form '" + form + "'") +
                                   " has no phrases");
    }
    PatternSlot cue{ref.name.text, ref.name.text, "cue_" + std::to_string(result_.cues.size())};
    out->regex = std::string(join ? kJoin : "") + "(?P<" + cue.group + ">(?i:";
    for (size_t i = 0; i < alternatives.size(); ++i) {
      if (i > 0) out->regex += '|';
      out->regex += alternatives[i];
    }
    out->regex += "))";
    result_.cues.push_back(std::move(cue));
    if (std::find(result_.lexicons.begin(), result_.lexicons.end(), ref.name.text) ==
        result_.lexicons.end()) {
      result_.lexicons.push_back(ref.name.text);
    }
    return true;
  }

  // Up to N tokens: (?:\s*T(?:\s+T){0,N-1})?, and the joiner of the next
  // item follows. Tokens cannot contain whitespace, so \s+ between them
  // makes every token a whole run of non-blanks: the count of tokens read so
  // far is then almost always unique, which keeps RE2's DFA small (with \s*
  // between tokens, "abc" could be one, two or three of them). The first
  // token has \s* only, as it may follow its neighbour directly ("<a1>'s").
  bool Gap(const ast::Gap& gap, Piece* out) {
    out->empty_at = gap.offset;
    if (gap.count == 0) return true;  // `...0`: nothing between the neighbours
    if (gap_token_.empty()) gap_token_ = "(?:" + context_.GapToken() + ")";
    out->regex = "(?:\\s*" + gap_token_;
    if (gap.count > 1) {
      out->regex += "(?:\\s+" + gap_token_ + "){0," + std::to_string(gap.count - 1) + "}";
    }
    out->regex += ")?";
    return true;
  }

  bool Raw(const ast::Raw& raw, bool join, Piece* out) {
    RE2 re(raw.regex, RE2::Quiet);
    if (re.error_code() == RE2::ErrorPatternTooLarge) {
      // Valid, only large: the whole pattern is larger still, and whoever
      // compiles it to RE2 refuses it under their own budget (naming the
      // rule, see rule_diagnostics.h).
      out->regex = std::string(join ? kJoin : "") + "(?:" + raw.regex + ")";
      return true;
    }
    if (!re.ok()) {
      return Fail(RawOffset(raw, re.error_arg()), "bad raw regex: " + re.error());
    }
    if (!re.NamedCapturingGroups().empty()) {
      return Fail(raw.offset + 1,
                  "a raw regex must not have named groups; use a slot {name:CLASS} to capture");
    }
    out->regex = std::string(join ? kJoin : "") + "(?:" + raw.regex + ")";
    if (MatchesEmpty(re)) out->empty_at = raw.offset;
    return true;
  }

  // The offset in the pattern of `arg` (RE2's error_arg(), a piece of
  // raw.regex), or of the regex's first character if it cannot be found.
  int RawOffset(const ast::Raw& raw, const std::string& arg) const {
    const int body = raw.offset + 1;  // after the opening '/'
    const size_t at = arg.empty() ? std::string::npos : raw.regex.find(arg);
    if (at == std::string::npos) return body;
    // raw.regex lost a backslash for every `\/`; walk the source to map back.
    int source = body;
    for (size_t unescaped = 0; unescaped < at; ++unescaped) {
      source += text_.substr(source, 2) == "\\/" ? 2 : 1;
    }
    return source;
  }

  bool Group(const ast::Group& group, bool join, Piece* out) {
    if (!group.optional) return Alternation(group.body, join, out);
    Piece body;
    if (!Alternation(group.body, join, &body)) return false;
    out->regex = "(?:" + body.regex + ")?";
    out->empty_at = group.offset;
    out->slot_names = std::move(body.slot_names);
    return true;
  }

  // What any match must contain (see CompiledPattern::required): clauses of
  // words, all of which must be met, each by one of its words. Empty: no
  // guarantee.
  using Clauses = std::vector<std::set<std::string>>;

  static std::string Lower(std::string_view w) {
    std::string out(w);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }

  // Words in nearly every sentence: a clause with one of them filters nothing.
  static bool IsCommonWord(std::string_view word) {
    static const std::set<std::string, std::less<>> kCommon = {
        "a",   "an",  "and",  "are", "as",   "at",    "be",   "but", "by",   "for",
        "from", "has", "have", "he",  "in",   "is",    "it",   "its", "of",   "on",
        "or",  "said", "that", "the", "their", "they", "this", "to",  "was",  "were",
        "while", "will", "with", "would"};
    return kCommon.count(Lower(word)) > 0;
  }
  static bool Common(const std::set<std::string>& clause) {
    for (const std::string& w : clause) {
      if (IsCommonWord(w)) return true;
    }
    return false;
  }

  // The word of a phrase to look for: every word of it must be there, so
  // any will do; the first (the verb of "push back against") unless it is
  // common or very short, else the longest uncommon one.
  static std::string KeyWord(std::string_view phrase) {
    std::vector<std::string_view> words = Words(phrase);
    if (words.empty()) return "";
    if (words.front().size() >= 3 && !IsCommonWord(words.front())) return Lower(words.front());
    std::string_view best;
    for (std::string_view w : words) {
      bool better = best.empty() || (IsCommonWord(best) && !IsCommonWord(w)) ||
                    (IsCommonWord(best) == IsCommonWord(w) && w.size() > best.size());
      if (better) best = w;
    }
    return Lower(best);
  }

  // The clause more likely to filter: whose shortest word is longest, then
  // the smaller one.
  static bool MoreSelective(const std::set<std::string>& a, const std::set<std::string>& b) {
    auto shortest = [](const std::set<std::string>& s) {
      size_t n = SIZE_MAX;
      for (const std::string& w : s) n = std::min(n, w.size());
      return n;
    };
    size_t sa = shortest(a), sb = shortest(b);
    return sa != sb ? sa > sb : a.size() < b.size();
  }

  // Alternatives: each branch must give a clause; the best of each, joined,
  // is one clause (one of its words is in any match).
  Clauses Required(const ast::Alternation& alt) const {
    if (alt.size() == 1) return Required(alt.front());
    std::set<std::string> any;
    for (const ast::Sequence& seq : alt) {
      Clauses branch = Required(seq);
      if (branch.empty()) return {};
      any.insert(branch.front().begin(), branch.front().end());
    }
    return {any};
  }

  // A sequence needs everything its items need; the clauses come out most
  // selective first, and clauses of common words are left out.
  Clauses Required(const ast::Sequence& seq) const {
    Clauses all;
    for (const ast::Item& item : seq) {
      for (std::set<std::string>& clause : Required(item)) {
        if (!clause.empty() && !Common(clause)) all.push_back(std::move(clause));
      }
    }
    std::stable_sort(all.begin(), all.end(), MoreSelective);
    return all;
  }

  Clauses Required(const ast::Item& item) const {
    const auto& v = item.get();
    if (const auto* lit = boost::get<ast::Literal>(&v)) {
      // Punctuation gives no guarantee worth having.
      std::string word = KeyWord(lit->text);
      if (word.size() < 2 || !std::isalnum(static_cast<unsigned char>(word[0]))) return {};
      return {{word}};
    }
    if (const auto* ref = boost::get<ast::LexiconRef>(&v)) {
      std::vector<std::string> phrases;
      std::string message;
      if (!context_.LexiconPhrases(ref->name.text, ref->form ? ref->form->text : "", &phrases,
                                   &message)) {
        return {};
      }
      std::set<std::string> words;
      for (const std::string& phrase : phrases) {
        std::string word = KeyWord(phrase);
        if (word.empty()) return {};
        words.insert(std::move(word));
      }
      return {words};
    }
    if (const auto* group = boost::get<boost::spirit::x3::forward_ast<ast::Group>>(&v)) {
      if (group->get().optional) return {};
      return Required(group->get().body);
    }
    return {};  // slots, gaps and raw regexes promise no word
  }

  std::string_view text_;
  const PatternContext& context_;
  std::string gap_token_;              // wrapped, filled on first use
  CompiledPattern result_;
  PatternError error_;
};

}  // namespace

Status CompilePattern(std::string_view pattern, const PatternContext& context,
                      CompiledPattern* out, PatternError* error) {
  ast::Pattern tree;
  if (!pattern::ParsePattern(pattern, &tree, error)) return Status::RuleError(error->message);
  Compiler compiler(pattern, context);
  if (!compiler.Compile(tree, out, error)) return Status::RuleError(error->message);
  return Status::OK();
}

std::string FormatPatternError(std::string_view pattern, const PatternError& error) {
  std::string caret;
  for (int i = 0; i < error.offset && i < static_cast<int>(pattern.size()); ++i) {
    const auto byte = static_cast<unsigned char>(pattern[i]);
    if ((byte & 0xC0) == 0x80) continue;  // a continuation byte: same character
    caret += pattern[i] == '\t' ? '\t' : ' ';
  }
  return "col " + std::to_string(error.offset + 1) + ": " + error.message + "\n" +
         std::string(pattern) + "\n" + caret + "^";
}

}  // namespace stance
