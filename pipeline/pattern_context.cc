#include "pipeline/pattern_context.h"

namespace stance {
namespace {

// Placeholders (match_text.h): \x01 <type> <index> \x02.
constexpr char kAnyActor[] = R"(\x01[cogp]\d+\x02)";
constexpr char kPronoun[] = R"(\b(?:[Hh]e|[Ss]he|[Ww]e|I)\b)";

std::string Actors() {
  std::string a = kAnyActor;
  return a + R"((?:\s*,\s*)" + a + R"()*(?:\s*,?\s*(?i:and|or|as well as|along with)\s+(?:)" + a +
         R"(|others|other (?:countries|states|nations|members|partners)))?)";
}

}  // namespace

bool StancePatternContext::ClassRegex(std::string_view cls, std::string* regex) const {
  if (cls == "ACTOR") {
    *regex = std::string("(?:") + kAnyActor + "|" + kPronoun + ")";
  } else if (cls == "ACTORS") {
    *regex = "(?:" + Actors() + "|" + kPronoun + ")";
  } else if (cls == "PERSON") {
    *regex = R"((?:\x01p\d+\x02|\b(?:[Hh]e|[Ss]he)\b))";
  } else if (cls == "POSSESSOR") {
    *regex = R"(\x01[COGP]\d+\x02)";
  } else if (cls == "COUNTRY") {
    *regex = R"(\x01c\d+\x02)";
  } else if (cls == "ORG") {
    *regex = R"(\x01[og]\d+\x02)";
  } else if (cls == "PHRASE") {
    *regex = R"([^;\s][^;]*)";
  } else if (cls == "CLAUSE") {
    *regex = R"([^;,\s][^;,]*)";
  } else if (cls == "QUOTE") {
    *regex = R"("[^"]+")";
  } else {
    return false;
  }
  return true;
}

std::vector<std::string> StancePatternContext::ClassNames() const {
  return {"ACTOR", "ACTORS", "PERSON", "POSSESSOR", "COUNTRY", "ORG", "PHRASE", "CLAUSE", "QUOTE"};
}

bool StancePatternContext::IsHolderClass(std::string_view cls) {
  return cls == "ACTOR" || cls == "ACTORS" || cls == "PERSON" || cls == "POSSESSOR" ||
         cls == "COUNTRY" || cls == "ORG";
}

bool StancePatternContext::LexiconPhrases(std::string_view name, std::string_view form,
                                          std::vector<std::string>* phrases,
                                          std::string* error) const {
  if (lexicon_ == nullptr) {
    *error = "no lexicon loaded";
    return false;
  }
  return lexicon_->Phrases(name, form, phrases, error);
}

std::vector<std::string> StancePatternContext::LexiconNames() const {
  return lexicon_ ? lexicon_->Names() : std::vector<std::string>{};
}

std::string StancePatternContext::GapToken() const {
  // A gap never crosses an actor that could hold the stance, nor a semicolon,
  // so "{h:ACTOR} ... @oppose" binds the nearest holder in the same clause.
  return R"((?:[^\s\x01\x02;]|\x01[mCOGP]\d+\x02)+)";
}

}  // namespace stance
