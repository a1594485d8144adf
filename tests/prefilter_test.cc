// The prefilter may only let too much through, never too little: a sentence
// that a rule matches meets every clause of its required words
// (CompiledPattern::required). Checked for every default rule over every
// fixture article and every rule example.
#include <doctest/doctest.h>
#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "pipeline/lexicon.h"
#include "pipeline/match_text.h"
#include "pipeline/pattern_context.h"
#include "tests/test_util.h"

namespace stance {
namespace {

bool HasWholeWord(const std::string& text, const std::string& word) {
  std::string lower = text;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
    bool left = at == 0 || !is_word(lower[at - 1]) || !is_word(word.front());
    size_t end = at + word.size();
    bool right = end == lower.size() || !is_word(lower[end]) || !is_word(word.back());
    if (left && right) return true;
  }
  return false;
}

TEST_CASE("prefilter: a sentence a rule matches meets all its required clauses") {
  namespace fs = std::filesystem;
  std::unique_ptr<Lexicon> lexicon;
  CollectingSink sink;
  REQUIRE(Lexicon::Load(testing::SourcePath("rules/lexicon").string(), &lexicon, &sink).ok());
  StancePatternContext context(lexicon.get());

  struct Compiled {
    std::string id;
    CompiledPattern pattern;
    std::unique_ptr<RE2> re;
  };
  std::vector<Compiled> rules;
  std::vector<std::string> texts;
  for (const auto& entry : fs::directory_iterator(testing::SourcePath("rules/stance"))) {
    YAML::Node root = YAML::LoadFile(entry.path().string());
    for (const YAML::Node& rule : root["rules"]) {
      Compiled c;
      c.id = rule["id"].as<std::string>();
      PatternError error;
      REQUIRE(CompilePattern(rule["pattern"].as<std::string>(), context, &c.pattern, &error).ok());
      c.re = std::make_unique<RE2>(c.pattern.regex, RE2::Quiet);
      REQUIRE(c.re->ok());
      for (const char* key : {"examples", "counter_examples"}) {
        for (const YAML::Node& e : rule[key]) {
          texts.push_back(e.IsMap() ? e["text"].as<std::string>() : e.as<std::string>());
        }
      }
      rules.push_back(std::move(c));
    }
  }
  for (const auto& entry : fs::directory_iterator(testing::SourcePath("fixtures"))) {
    if (fs::exists(entry.path() / "input.txt")) texts.push_back(testing::ReadFile(entry.path() / "input.txt"));
  }
  REQUIRE(rules.size() > 20);

  int matches = 0, filtered = 0;
  MatchText mt;
  for (const std::string& text : texts) {
    Document doc;
    REQUIRE(testing::DefaultPipeline().Process("t", text, &doc, nullptr).ok());
    for (int si = 0; si < static_cast<int>(doc.sentences.size()); ++si) {
      mt.Build(doc, si);
      for (const Compiled& c : rules) {
        if (!c.pattern.required.empty()) ++filtered;
        if (!RE2::PartialMatch(mt.text(), *c.re)) continue;
        ++matches;
        if (c.pattern.required.empty()) continue;
        for (const std::vector<std::string>& clause : c.pattern.required) {
          bool met = std::any_of(clause.begin(), clause.end(),
                                 [&](const std::string& w) { return HasWholeWord(mt.text(), w); });
          INFO("rule " << c.id << " on: " << doc.Text(doc.sentences[si].norm));
          CHECK(met);
        }
      }
    }
  }
  CHECK(matches > 50);   // the check saw real matches
  CHECK(filtered > 0);   // and rules that the prefilter does filter
}

}  // namespace
}  // namespace stance
