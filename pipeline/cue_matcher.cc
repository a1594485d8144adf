#include "pipeline/cue_matcher.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

namespace stance {
namespace {

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Words separated by runs of whitespace, as one space.
std::string OneSpaced(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool space = std::isspace(static_cast<unsigned char>(c));
    if (!space) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// RE2 text for `phrase`: its words with any whitespace between them, bounded
// by \b where it starts or ends with a word character.
std::string PhraseRegex(const std::string& phrase) {
  std::string regex = IsWordChar(phrase.front()) ? "\\b" : "";
  size_t start = 0;
  while (start < phrase.size()) {
    size_t space = phrase.find(' ', start);
    if (start > 0) regex += "\\s+";
    regex += RE2::QuoteMeta(phrase.substr(start, space - start));
    if (space == std::string::npos) break;
    start = space + 1;
  }
  if (IsWordChar(phrase.back())) regex += "\\b";
  return regex;
}

}  // namespace

CueMatcher::~CueMatcher() = default;

Status CueMatcher::Create(const Lexicon& lexicon, const std::vector<std::string>& entries,
                          std::unique_ptr<CueMatcher>* out) {
  out->reset();
  std::unique_ptr<CueMatcher> matcher(new CueMatcher);
  for (const std::string& name : entries) {
    const Lexicon::Entry* entry = lexicon.Find(name);
    if (entry == nullptr) return Status::InvalidArgument("no lexicon entry '" + name + "'");
    for (const auto* forms :
         {&entry->base, &entry->s, &entry->ed, &entry->ing, &entry->fixed, &entry->noun}) {
      for (const std::string& form : *forms) {
        std::string phrase = Lower(OneSpaced(form));
        if (phrase.empty()) continue;
        std::string& names = matcher->entries_[phrase];
        if (names.find(name) == std::string::npos) names += (names.empty() ? "" : ", ") + name;
      }
    }
  }
  if (matcher->entries_.empty()) {
    *out = std::move(matcher);
    return Status::OK();
  }
  // Longest first: RE2 takes the first alternative that matches at the
  // leftmost place, and "call for" must win over "call".
  std::vector<std::string> phrases;
  for (const auto& [phrase, names] : matcher->entries_) phrases.push_back(phrase);
  std::stable_sort(phrases.begin(), phrases.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string regex = "(?i)(";
  for (size_t i = 0; i < phrases.size(); ++i) {
    regex += (i > 0 ? "|" : "") + PhraseRegex(phrases[i]);
  }
  regex += ")";
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(int64_t{64} << 20);
  matcher->re_ = std::make_unique<RE2>(regex, options);
  if (!matcher->re_->ok()) {
    return Status::InvalidArgument("cue words do not compile: " + matcher->re_->error());
  }
  *out = std::move(matcher);
  return Status::OK();
}

bool CueMatcher::Find(std::string_view text, Hit* hit) const {
  if (re_ == nullptr) return false;
  re2::StringPiece match;
  if (!RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re_, &match)) return false;
  hit->cue = std::string(match.data(), match.size());
  auto it = entries_.find(Lower(OneSpaced(hit->cue)));
  hit->entries = it == entries_.end() ? "" : it->second;
  return true;
}

}  // namespace stance
