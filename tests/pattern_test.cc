// Tests of the pattern language: the grammar (grammars/pattern/pattern.h,
// through its canonical AST dump) and the compiler to RE2
// (pipeline/pattern_compiler.h), against a fake rule set. The golden files
// in tests/pattern/ are walked at the end; STANCE_REGOLDEN=1 rewrites them.
#include <doctest/doctest.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "grammars/pattern/ast.h"
#include "grammars/pattern/pattern.h"
#include "grammars/pattern/printer.h"
#include "pipeline/pattern_compiler.h"

namespace stance {
namespace {

// A small rule set. Actor placeholders are written <a1>, person ones <p1>,
// so that sample sentences stay readable.
class FakeContext : public PatternContext {
 public:
  bool ClassRegex(std::string_view cls, std::string* regex) const override {
    static const std::map<std::string, std::string, std::less<>> kClasses = {
        {"ACTOR", R"(<a\d+>)"},
        {"ACTORS", R"(<a\d+>(?:(?:\s*,\s*|\s+and\s+)<a\d+>)*)"},
        {"PERSON", R"(<p\d+>)"},
        {"PHRASE", R"([^<>";]+)"},
        {"QUOTE", R"("[^"]*")"},
    };
    const auto found = kClasses.find(cls);
    if (found == kClasses.end()) return false;
    *regex = found->second;
    return true;
  }

  std::vector<std::string> ClassNames() const override {
    return {"ACTOR", "ACTORS", "PERSON", "PHRASE", "QUOTE"};
  }

  bool LexiconPhrases(std::string_view name, std::string_view form,
                      std::vector<std::string>* phrases, std::string* error) const override {
    const auto& forms = Lexicons().at(std::string(name));
    if (form.empty()) {
      for (const auto& [unused, list] : forms) {
        phrases->insert(phrases->end(), list.begin(), list.end());
      }
      return true;
    }
    const auto found = forms.find(std::string(form));
    if (found == forms.end()) {
      *error = "lexicon '" + std::string(name) + "' has no form '" + std::string(form) + "'";
      return false;
    }
    *phrases = found->second;
    return true;
  }

  std::vector<std::string> LexiconNames() const override {
    std::vector<std::string> names;
    for (const auto& [name, unused] : Lexicons()) names.push_back(name);
    return names;
  }

  std::string GapToken() const override { return R"((?:[^\s<";]|<[ap]\d+>)+)"; }

 private:
  using Forms = std::map<std::string, std::vector<std::string>>;
  static const std::map<std::string, Forms>& Lexicons() {
    static const auto* const kLexicons = new std::map<std::string, Forms>{
        {"oppose",
         {{"base", {"oppose", "stand against"}},
          {"s", {"opposes", "stands against"}},
          {"ed", {"opposed", "stood against"}},
          {"ing", {"opposing", "standing against"}}}},
        {"support", {{"base", {"support", "back"}}, {"s", {"supports", "backs"}}}},
        {"blank", {{"base", {"  ", ""}}}},
        {"cafe", {{"base", {"café", "élan vital"}}}},
    };
    return *kLexicons;
  }
};

std::string Dump(const std::string& text, bool offsets = false) {
  pattern::ast::Pattern tree;
  PatternError error;
  if (!pattern::ParsePattern(text, &tree, &error)) {
    return "error " + std::to_string(error.offset) + ": " + error.message;
  }
  return pattern::DumpPattern(tree, offsets);
}

struct DumpCase {
  const char* pattern;
  const char* dump;
};

void CheckDumps(const std::vector<DumpCase>& cases) {
  for (const DumpCase& c : cases) {
    const std::string pattern = c.pattern;
    CAPTURE(pattern);
    CHECK(Dump(c.pattern) == c.dump);
  }
}

// ---------------------------------------------------------------------------
// The grammar: pattern -> canonical AST dump.

TEST_CASE("pattern grammar: words") {
  CheckDumps({
      {"joined", "seq{lit{joined}}"},
      {"for its part", "seq{lit{for} lit{its} lit{part}}"},
      {"  joined\tin  ", "seq{lit{joined} lit{in}}"},
      // "'" and "-" are word characters.
      {"'s", "seq{lit{'s}}"},
      {"isn't pro-Russian", "seq{lit{isn't} lit{pro-Russian}}"},
      {"-", "seq{lit{-}}"},
      {"G7 2024", "seq{lit{G7} lit{2024}}"},
      // Dots: between word characters, and after single letters.
      {"U.S. e.g. a.m.", "seq{lit{U.S.} lit{e.g.} lit{a.m.}}"},
      {"1.5 gov.uk", "seq{lit{1.5} lit{gov.uk}}"},
      {"U.S", "seq{lit{U.S}}"},
      // Any Unicode letter, and combining marks after it.
      {"élan Zürich Москва", "seq{lit{élan} lit{Zürich} lit{Москва}}"},
      {"cafe\xCC\x81", "seq{lit{cafe\xCC\x81}}"},
  });
}

TEST_CASE("pattern grammar: punctuation") {
  CheckDumps({
      {", : ; \"", "seq{lit{,} lit{:} lit{;} lit{\"}}"},
      {"said,", "seq{lit{said} lit{,}}"},
      {"\"we", "seq{lit{\"} lit{we}}"},
  });
}

TEST_CASE("pattern grammar: slots") {
  CheckDumps({
      {"{h:ACTOR}", "seq{slot{h:ACTOR}}"},
      {"{holder_2:ACTORS} joined", "seq{slot{holder_2:ACTORS} lit{joined}}"},
      {"{_x:PHRASE}", "seq{slot{_x:PHRASE}}"},
      // No space needed between items: a slot then the possessive.
      {"{h:ACTOR}'s", "seq{slot{h:ACTOR} lit{'s}}"},
      {"{h:ACTOR}{t:PHRASE}", "seq{slot{h:ACTOR} slot{t:PHRASE}}"},
      // The grammar does not know the classes; the compiler does.
      {"{h:whatever}", "seq{slot{h:whatever}}"},
  });
}

TEST_CASE("pattern grammar: lexicon references") {
  CheckDumps({
      {"@oppose", "seq{lex{oppose}}"},
      {"@oppose.ing", "seq{lex{oppose.ing}}"},
      {"@oppose.ing,", "seq{lex{oppose.ing} lit{,}}"},
      {"@oppose's", "seq{lex{oppose} lit{'s}}"},
      // ".." after the name starts a gap, not a form.
      {"@oppose...3", "seq{lex{oppose} gap{3}}"},
  });
}

TEST_CASE("pattern grammar: gaps") {
  CheckDumps({
      {"a ... b", "seq{lit{a} gap{8} lit{b}}"},
      {"a ...0 b", "seq{lit{a} gap{0} lit{b}}"},
      {"a ...30 b", "seq{lit{a} gap{30} lit{b}}"},
      {"a ...08 b", "seq{lit{a} gap{8} lit{b}}"},
      // A space makes the number a word.
      {"a ... 5", "seq{lit{a} gap{8} lit{5}}"},
      {"said... that", "seq{lit{said} gap{8} lit{that}}"},
      {"...,", "seq{gap{8} lit{,}}"},
  });
}

TEST_CASE("pattern grammar: groups, optional groups and alternatives") {
  CheckDumps({
      {"(firmly)", "seq{group{lit{firmly}}}"},
      {"(firmly)?", "seq{opt{lit{firmly}}}"},
      {"(very firmly)? opposed", "seq{opt{lit{very} lit{firmly}} lit{opposed}}"},
      {"a | b", "alt{seq{lit{a}} seq{lit{b}}}"},
      {"a b|c d", "alt{seq{lit{a} lit{b}} seq{lit{c} lit{d}}}"},
      {"(a | b)", "seq{group{alt{seq{lit{a}} seq{lit{b}}}}}"},
      {"x (a | b c)? y", "seq{lit{x} opt{alt{seq{lit{a}} seq{lit{b} lit{c}}}} lit{y}}"},
      {"((a)?)?", "seq{opt{opt{lit{a}}}}"},
      {"( a )", "seq{group{lit{a}}}"},
      {"{h:ACTORS} (firmly)? @oppose.ing {t:PHRASE}",
       "seq{slot{h:ACTORS} opt{lit{firmly}} lex{oppose.ing} slot{t:PHRASE}}"},
  });
}

TEST_CASE("pattern grammar: raw regexes") {
  CheckDumps({
      {"/a+b/", "seq{raw{a+b}}"},
      {"/a b/", "seq{raw{a b}}"},
      {R"(/and\/or/)", "seq{raw{and/or}}"},
      // Other escapes stay for RE2; \\ is an escaped backslash.
      {R"(/\d+\./)", R"(seq{raw{\d+\.}})"},
      {R"(/a\\/ b)", R"(seq{raw{a\\} lit{b}})"},
      {R"(/(x)|y/)", "seq{raw{(x)|y}}"},
      {"x/y/z", "seq{lit{x} raw{y} lit{z}}"},
  });
}

TEST_CASE("pattern grammar: '#' is not special") {
  // It is neither a comment nor a word character.
  CHECK(Dump("a # b") == "error 2: unexpected '#'");
}

TEST_CASE("pattern grammar: nodes carry their byte offsets") {
  CHECK(Dump("{h:ACTORS} (firmly)? @oppose.ing", true) ==
        "seq@0{slot@0{h:ACTORS} opt@11{lit@12{firmly}} lex@21{oppose.ing}}");
  CHECK(Dump("  a | (b ...3 /c/)", true) ==
        "alt@2{seq@2{lit@2{a}} seq@6{group@6{lit@7{b} gap@9{3} raw@14{c}}}}");
  // Offsets count bytes: "é" is two.
  CHECK(Dump("é x", true) == "seq@0{lit@0{é} lit@3{x}}");
}

// ---------------------------------------------------------------------------
// Syntax errors: exact offset and message.

struct ErrorCase {
  const char* pattern;
  int offset;
  const char* message;
};

PatternError CompileError(const std::string& text) {
  FakeContext context;
  CompiledPattern compiled;
  PatternError error;
  const Status status = CompilePattern(text, context, &compiled, &error);
  if (status.ok()) return {-1, "compiled: " + compiled.regex};
  CHECK(status.code() == Status::kRuleError);
  CHECK(status.message() == error.message);
  return error;
}

void CheckErrors(const std::vector<ErrorCase>& cases) {
  for (const ErrorCase& c : cases) {
    const std::string pattern = c.pattern;
    CAPTURE(pattern);
    const PatternError error = CompileError(c.pattern);
    CHECK(error.message == c.message);
    CHECK(error.offset == c.offset);
  }
}

constexpr char kItem[] =
    "a word, punctuation mark, {slot:CLASS}, @lexicon, gap, group or /regex/";

TEST_CASE("pattern errors: empty and unexpected input") {
  CheckErrors({
      {"", 0, "empty pattern"},
      {"   \t", 0, "empty pattern"},
      {"a | ", 4, std::string("expected ").append(kItem).append(" here").c_str()},
      {"a ) b", 2, "unmatched ')'"},
      {"a? b", 1, "'?' may only follow the ')' of a group, as in ( ... )?"},
      {"(a) ?", 4, "'?' may only follow the ')' of a group, as in ( ... )?"},
      {"a ! b", 2, "unexpected '!'"},
      {"a “b”", 2, "unexpected '“'"},
      {"Mr. Smith", 2, "unexpected '.'"},
      {"a\xff", 1, "invalid UTF-8"},
  });
}

TEST_CASE("pattern errors: groups and alternatives") {
  const std::string item = std::string("expected ") + kItem + " here";
  CheckErrors({
      {"(a b", 4, "expected ')' closing the group here"},
      {"(a (b)", 6, "expected ')' closing the group here"},
      {"(a ! b)", 3, "unexpected '!'; expected ')' closing the group"},
      {"()", 1, item.c_str()},
      {"(a |)", 4, item.c_str()},
      {"a || b", 3, item.c_str()},
      {"| a", 0, item.c_str()},
  });
}

TEST_CASE("pattern errors: slots") {
  CheckErrors({
      {"{h:ACTOR", 8, "expected '}' closing the slot here"},
      {"x {h:ACTOR joined", 10, "expected '}' closing the slot here"},
      {"{h ACTOR}", 2, "expected ':' between the slot name and its class here"},
      {"{:ACTOR}", 1, "expected a slot name like the h in {h:ACTOR} here"},
      {"{1h:ACTOR}", 1, "expected a slot name like the h in {h:ACTOR} here"},
      {"{h:}", 3, "expected a class name like ACTOR here"},
      {"{ h:ACTOR}", 1, "expected a slot name like the h in {h:ACTOR} here"},
      {"{h: ACTOR}", 3, "expected a class name like ACTOR here"},
  });
}

TEST_CASE("pattern errors: lexicon references, gaps, raw regexes") {
  CheckErrors({
      {"@", 1, "expected a lexicon name after '@' here"},
      {"@ oppose", 1, "expected a lexicon name after '@' here"},
      {"@oppose.", 8, "expected a lexicon form after '.', like ing here"},
      {"a ...31 b", 5, "expected a gap count from 0 to 30 here"},
      {"a ...100", 5, "expected a gap count from 0 to 30 here"},
      {"a ...8x", 6, "expected a space after the gap here"},
      {"a ...b", 5, "expected a space after the gap here"},
      {"/abc", 4, "expected '/' closing the raw regex here"},
      {R"(/abc\/)", 6, "expected '/' closing the raw regex here"},
      {"a //", 3, "expected a regex between the slashes here"},
  });
}

// ---------------------------------------------------------------------------
// The compiler: regex text, slots, lexicons.

CompiledPattern Compile(const std::string& text) {
  FakeContext context;
  CompiledPattern compiled;
  PatternError error;
  const Status status = CompilePattern(text, context, &compiled, &error);
  INFO(FormatPatternError(text, error));
  REQUIRE(status.ok());
  return compiled;
}

struct RegexCase {
  const char* pattern;
  const char* regex;
};

TEST_CASE("pattern compiler: regex text") {
  const std::vector<RegexCase> cases = {
      // Literals: quoted, case-insensitive, \b on ASCII word edges only.
      {"joined", R"((?i:\bjoined\b))"},
      {"joined in", R"((?i:\bjoined\b)\s*(?i:\bin\b))"},
      {"'s", R"((?i:\'s\b))"},
      {"pro-", R"((?i:\bpro\-))"},
      {"U.S.", R"((?i:\bU\.S\.))"},
      {"élan", R"((?i:élan\b))"},
      {", ; : \"", R"(\,\s*\;\s*\:\s*\")"},
      // Slots: named groups with a running index.
      {"{h:ACTOR} {t:PHRASE}", R"((?P<h__0><a\d+>)\s*(?P<t__1>[^<>";]+))"},
      // Lexicons: longest phrase first, words joined by \s+.
      {"@oppose.ing", R"((?P<cue_0>(?i:\bstanding\s+against\b|\bopposing\b)))"},
      {"@support", R"((?P<cue_0>(?i:\bsupports\b|\bsupport\b|\bbacks\b|\bback\b)))"},
      {"@cafe", R"((?P<cue_0>(?i:élan\s+vital\b|\bcafé)))"},
      // Gaps: tokens separated by \s+; ...0 is nothing.
      {"a ...1 b", R"((?i:\ba\b)(?:\s*(?:(?:[^\s<";]|<[ap]\d+>)+))?\s*(?i:\bb\b))"},
      {"a ...2 b",
       R"((?i:\ba\b)(?:\s*(?:(?:[^\s<";]|<[ap]\d+>)+)(?:\s+(?:(?:[^\s<";]|<[ap]\d+>)+)){0,1})?\s*(?i:\bb\b))"},
      {"a ... b",
       R"((?i:\ba\b)(?:\s*(?:(?:[^\s<";]|<[ap]\d+>)+)(?:\s+(?:(?:[^\s<";]|<[ap]\d+>)+)){0,7})?\s*(?i:\bb\b))"},
      {"a ...0 b", R"((?i:\ba\b)\s*(?i:\bb\b))"},
      // Optional groups carry the joiner inside.
      {"a (b)? c", R"((?i:\ba\b)(?:\s*(?i:\bb\b))?\s*(?i:\bc\b))"},
      {"(b)? c", R"((?:(?i:\bb\b))?\s*(?i:\bc\b))"},
      // Plain groups vanish; alternatives are a non-capturing group.
      {"a (b c) d", R"((?i:\ba\b)\s*(?i:\bb\b)\s*(?i:\bc\b)\s*(?i:\bd\b))"},
      {"a | b c", R"((?:(?i:\ba\b)|(?i:\bb\b)\s*(?i:\bc\b)))"},
      {"x (a | b)? y", R"((?i:\bx\b)(?:\s*(?:(?i:\ba\b)|(?i:\bb\b)))?\s*(?i:\by\b))"},
      // Raw regexes keep their case and their own syntax.
      {"a /[0-9]+%/", R"((?i:\ba\b)\s*(?:[0-9]+%))"},
      {R"(/and\/or/)", R"((?:and/or))"},
  };
  for (const RegexCase& c : cases) {
    const std::string pattern = c.pattern;
    CAPTURE(pattern);
    CHECK(Compile(c.pattern).regex == c.regex);
  }
}

std::string SlotList(const CompiledPattern& compiled) {
  std::string out;
  for (const PatternSlot& slot : compiled.slots) {
    if (!out.empty()) out += ' ';
    out += slot.name + ":" + slot.cls + "=" + slot.group;
  }
  return out;
}

TEST_CASE("pattern compiler: slot list and lexicon list") {
  CompiledPattern c = Compile("{h:ACTORS} (firmly)? @oppose.ing {t:PHRASE}");
  CHECK(SlotList(c) == "h:ACTORS=h__0 t:PHRASE=t__1");
  CHECK(c.lexicons == std::vector<std::string>{"oppose"});

  // The same name in different alternatives: one entry, one group each.
  c = Compile("({h:ACTOR} | {h:PERSON}) @support | @oppose.s @support.s {h:ACTORS}");
  CHECK(SlotList(c) == "h:ACTOR=h__0 h:PERSON=h__1 h:ACTORS=h__2");
  CHECK(c.lexicons == std::vector<std::string>{"support", "oppose"});
  // Every lexicon reference is a cue group of its own, in pattern order.
  CHECK(SlotList(CompiledPattern{"", c.cues, {}, {}}) ==
        "support:support=cue_0 oppose:oppose=cue_1 support:support=cue_2");

  c = Compile("no slots here");
  CHECK(c.slots.empty());
  CHECK(c.lexicons.empty());
}

// ---------------------------------------------------------------------------
// The compiled regex on sample sentences.

// "" if `regex` does not match `text`; otherwise "match" followed by
// " name=value" for each slot that took part, in slot order.
std::string Run(const CompiledPattern& compiled, const std::string& text) {
  RE2 re(compiled.regex, RE2::Quiet);
  REQUIRE(re.ok());
  std::vector<re2::StringPiece> groups(1 + re.NumberOfCapturingGroups());
  if (!re.Match(text, 0, text.size(), RE2::UNANCHORED, groups.data(),
                static_cast<int>(groups.size()))) {
    return "";
  }
  std::string out = "match";
  for (const PatternSlot& slot : compiled.slots) {
    const int index = re.NamedCapturingGroups().at(slot.group);
    if (groups[index].data() == nullptr) continue;
    out += " " + slot.name + "=" + std::string(groups[index]);
  }
  return out;
}

struct MatchCase {
  const char* pattern;
  const char* text;
  const char* result;  // "" for no match
};

TEST_CASE("pattern compiler: matching sentences") {
  const std::vector<MatchCase> cases = {
      // Literals: case-insensitive, whole words.
      {"{h:ACTOR} joined", "<a1> Joined the talks", "match h=<a1>"},
      {"{h:ACTOR} joined", "<a1> rejoined the talks", ""},
      {"{h:ACTOR} joined", "<a1>, which joined", ""},
      {"joined in", "joined  in", "match"},
      {"joined in", "joinedin", ""},
      {"{h:ACTOR}'s plan", "<a2>'s plan", "match h=<a2>"},
      {"{h:ACTOR}'s plan", "<a2> plan", ""},
      {"U.S. officials", "u.s. officials said", "match"},
      // Punctuation.
      {"{h:PERSON} said , \"", "<p1> said, \"We", "match h=<p1>"},
      {"{h:PERSON} said :", "<p1> said \"", ""},
      // Optional groups.
      {"{h:ACTORS} (firmly)? @oppose.s {t:PHRASE}", "<a1> and <a2> firmly opposes the plan",
       "match h=<a1> and <a2> t=the plan"},
      {"{h:ACTORS} (firmly)? @oppose.s {t:PHRASE}", "<a1> opposes the plan",
       "match h=<a1> t=the plan"},
      {"{h:ACTORS} (firmly)? @oppose.s {t:PHRASE}", "<a1> strongly opposes the plan", ""},
      // Lexicons: every phrase, multi-word ones across any whitespace.
      {"{h:ACTOR} @oppose.s", "<a1> stands   against it", "match h=<a1>"},
      {"{h:ACTOR} @oppose.s", "<a1> STANDS AGAINST it", "match h=<a1>"},
      {"{h:ACTOR} @oppose.s", "<a1> opposed it", ""},
      {"{h:ACTOR} @oppose", "<a1> opposed it", "match h=<a1>"},
      // Gaps: up to N tokens; a placeholder is one token; no crossing quotes.
      {"{h:ACTOR} ...2 {t:ACTOR}", "<a1> <a2>", "match h=<a1> t=<a2>"},
      {"{h:ACTOR} ...2 {t:ACTOR}", "<a1> met with <a2>", "match h=<a1> t=<a2>"},
      {"{h:ACTOR} ...2 {t:ACTOR}", "<a1> met with <p3> <a2>", ""},
      {"{h:ACTOR} ...2 {t:ACTOR}", "<a1> met, at last, <a2>", ""},
      {"{h:ACTOR} ...2 {t:ACTOR}", "<a1> \" <a2>", ""},
      {"{h:ACTOR} ... backs", "<a1> , as expected, now openly backs", "match h=<a1>"},
      {"{h:ACTOR} ...0 backs", "<a1> now backs", ""},
      // Alternatives; the same slot name in each.
      {"{h:ACTOR} backs | backed by {h:ACTOR}", "it is backed by <a4>", "match h=<a4>"},
      {"{h:ACTOR} backs | backed by {h:ACTOR}", "<a3> backs it", "match h=<a3>"},
      // Raw regexes, with a capturing group of their own.
      {"{h:ACTOR} /(?:re)?affirmed|(stood) by/ {t:PHRASE}", "<a1> reaffirmed its pledge",
       "match h=<a1> t=its pledge"},
      {"{h:ACTOR} /(?:re)?affirmed|(stood) by/ {t:PHRASE}", "<a1> stood by its pledge",
       "match h=<a1> t=its pledge"},
      {"{h:ACTOR} /(?:re)?affirmed|(stood) by/ {t:PHRASE}", "<a1> Affirmed it", ""},
      // Quotes.
      {"{h:PERSON} said {q:QUOTE}", "<p1> said \"no\".", "match h=<p1> q=\"no\""},
  };
  for (const MatchCase& c : cases) {
    const std::string pattern = c.pattern;
    CAPTURE(pattern);
    const std::string text = c.text;
    CAPTURE(text);
    CHECK(Run(Compile(c.pattern), c.text) == c.result);
  }
}

// ---------------------------------------------------------------------------
// Compile errors: exact offset and message.

TEST_CASE("pattern errors: classes and lexicons") {
  CheckErrors({
      {"{h:ACTR} joined", 3, "unknown class 'ACTR' (did you mean ACTOR?)"},
      {"x {h:actor}", 5, "unknown class 'actor' (did you mean ACTOR?)"},
      {"{q:QOUTE}", 3, "unknown class 'QOUTE' (did you mean QUOTE?)"},
      {"{h:NATION}", 3, "unknown class 'NATION'"},
      {"a @opose", 3, "unknown lexicon 'opose' (did you mean oppose?)"},
      {"a @zzz.ing", 3, "unknown lexicon 'zzz'"},
      {"a @oppose.ingg", 10, "lexicon 'oppose' has no form 'ingg'"},
      {"a @blank", 3, "lexicon 'blank' has no phrases"},
  });
}

TEST_CASE("pattern errors: raw regexes RE2 rejects") {
  CheckErrors({
      {"a /(b/ c", 3, "bad raw regex: missing ): (b"},
      {"a /b)/", 3, "bad raw regex: unexpected ): b)"},
      {"a /x{2,1}/", 4, "bad raw regex: invalid repetition size: {2,1}"},
      // The offset accounts for a `\/` before the bad part.
      {R"(/a\/b[/)", 5, "bad raw regex: missing ]: ["},
      {"/(?P<h>x)/", 1,
       "a raw regex must not have named groups; use a slot {name:CLASS} to capture"},
  });
}

TEST_CASE("pattern errors: empty matches and duplicate slots") {
  CheckErrors({
      {"(a)?", 0, "pattern can match the empty string"},
      {"...", 0, "pattern can match the empty string"},
      {"...0", 0, "pattern can match the empty string"},
      {"(a)? ...3 (b | c)?", 0, "pattern can match the empty string"},
      {"a | (b)?", 4, "pattern can match the empty string"},
      {"  (a)?", 2, "pattern can match the empty string"},
      {"a | (b | (c)?)", 4, "pattern can match the empty string"},
      {"/x*/", 0, "pattern can match the empty string"},
      {R"(/\b/)", 0, "pattern can match the empty string"},
      {"{h:ACTOR} and {h:ACTOR}", 14,
       "duplicate slot 'h' in one match (a name may repeat only in different alternatives)"},
      {"({h:ACTOR} | x) ({h:PERSON})?", 17,
       "duplicate slot 'h' in one match (a name may repeat only in different alternatives)"},
  });
  // Nullable pieces are fine next to something that is not.
  CHECK(Compile("(a)? ... /x*/ b").slots.empty());
  CHECK(Compile(R"(/\b/ b)").regex == R"((?:\b)\s*(?i:\bb\b))");
}

TEST_CASE("pattern errors: nesting depth") {
  // Bounded, since the grammar recurses once per group; parentheses in raw
  // regexes do not count.
  const std::string deep = std::string(33, '(') + "a" + std::string(33, ')');
  CHECK(CompileError(deep).offset == 32);
  CHECK(CompileError(deep).message == "groups nested more than 32 deep");
  const std::string limit = std::string(32, '(') + "/((a))/" + std::string(32, ')');
  CHECK(Compile(limit).regex == "(?:((a)))");
}

TEST_CASE("pattern errors: a failed compile leaves the output alone") {
  FakeContext context;
  CompiledPattern compiled;
  compiled.regex = "untouched";
  PatternError error;
  CHECK(!CompilePattern("{h:NOPE}", context, &compiled, &error).ok());
  CHECK(compiled.regex == "untouched");
  CHECK(compiled.slots.empty());
}

TEST_CASE("FormatPatternError puts a caret under the offending character") {
  CHECK(FormatPatternError("{h:ACTR} joined", {3, "unknown class 'ACTR'"}) ==
        "col 4: unknown class 'ACTR'\n{h:ACTR} joined\n   ^");
  // The column counts bytes; the caret counts characters.
  CHECK(FormatPatternError("élan !", {6, "unexpected '!'"}) ==
        "col 7: unexpected '!'\nélan !\n     ^");
  CHECK(FormatPatternError("(a", {2, "expected ')'"}) == "col 3: expected ')'\n(a\n  ^");
}

// ---------------------------------------------------------------------------
// Golden files: tests/pattern/NAME.input holds one pattern per line;
// NAME.expect holds, for each, the AST dump, the regex and the slots, or the
// error with a caret.

std::string GoldenBlock(const std::string& line) {
  std::string out = "pattern: " + line + "\n";
  FakeContext context;
  CompiledPattern compiled;
  PatternError error;
  if (!CompilePattern(line, context, &compiled, &error).ok()) {
    return out + "error: " + FormatPatternError(line, error) + "\n";
  }
  pattern::ast::Pattern tree;
  REQUIRE(pattern::ParsePattern(line, &tree, &error));
  out += "ast: " + pattern::DumpPattern(tree) + "\n";
  out += "regex: " + compiled.regex + "\n";
  if (!compiled.slots.empty()) out += "slots: " + SlotList(compiled) + "\n";
  return out;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_CASE("pattern golden files") {
  const std::filesystem::path dir = std::filesystem::path(STANCE_SOURCE_DIR) / "tests/pattern";
  const bool regolden = std::getenv("STANCE_REGOLDEN") != nullptr;
  std::vector<std::filesystem::path> inputs;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".input") inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  REQUIRE(inputs.size() >= 3);
  for (const auto& input : inputs) {
    CAPTURE(input.string());
    std::istringstream lines(ReadFile(input));
    std::string actual;
    int patterns = 0;
    for (std::string line; std::getline(lines, line);) {
      if (line.empty()) continue;
      if (patterns++ > 0) actual += "\n";
      actual += GoldenBlock(line);
    }
    CHECK(patterns > 0);
    std::filesystem::path expect = input;
    expect.replace_extension(".expect");
    if (regolden) {
      std::ofstream(expect, std::ios::binary) << actual;
      continue;
    }
    CHECK(ReadFile(expect) == actual);
  }
}

}  // namespace
}  // namespace stance

namespace stance {
namespace {

// The words a match must contain, for the rule engine's prefilter.
TEST_CASE("pattern compiler: required words") {
  struct {
    const char* pattern;
    const char* required;  // clauses as "a b | c", words sorted; "" = none
  } cases[] = {
      // A literal word is required; punctuation is not.
      {"{h:ACTOR} rejected {t:PHRASE}", "rejected"},
      {"{h:ACTOR} , {t:PHRASE}", ""},
      // A lexicon: the longest word of each phrase.
      {"{h:ACTOR} @oppose.ing {t:PHRASE}", "opposing standing"},
      // A sequence needs all its items, most selective clause first; common
      // words filter nothing and are left out.
      {"{h:ACTOR} and @support.s", "backs supports"},
      {"firmly @support.s", "firmly | backs supports"},
      // Alternatives need one of their branches: the union of their best
      // clauses, unless a branch promises nothing.
      {"(@support.s | rejected) {t:PHRASE}", "backs rejected supports"},
      {"(@support.s | {h:ACTOR}) {t:PHRASE}", ""},
      // Optional groups, gaps, slots and raw regexes promise nothing.
      {"(firmly)? {h:ACTOR}", ""},
      {"{h:ACTOR} ...3 /x+/ {t:PHRASE}", ""},
  };
  for (const auto& c : cases) {
    CompiledPattern compiled = Compile(c.pattern);
    std::string got;
    for (std::vector<std::string> clause : compiled.required) {
      std::sort(clause.begin(), clause.end());
      if (!got.empty()) got += " | ";
      for (size_t i = 0; i < clause.size(); ++i) got += (i ? " " : "") + clause[i];
    }
    INFO(c.pattern);
    CHECK(got == c.required);
  }
}

}  // namespace
}  // namespace stance
