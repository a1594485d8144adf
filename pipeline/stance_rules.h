// The compiled form of rules/stance/*.yaml, shared by the loader
// (stance_loader.cc), the matcher (stance.cc) and the example checker
// (rule_examples.cc). Not part of the public API: include stance.h instead.
#ifndef STANCE_PIPELINE_STANCE_RULES_H_
#define STANCE_PIPELINE_STANCE_RULES_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/lexicon.h"
#include "pipeline/pattern_compiler.h"
#include "pipeline/pattern_context.h"
#include "pipeline/stance.h"
#include "pipeline/targets.h"

namespace stance {

struct StanceLabel {
  std::string name;
  std::string polarity;  // positive, negative, urge, pledge, ...
  std::string opposite;  // the label a flipped claim takes; may be empty
};

struct RuleExample {
  std::string text;
  std::string holder;  // expected holder; empty = any
  std::string target;  // expected words of the target; empty = any
  SourceLocation where;
  std::string source_line;  // for the caret under a failing example
};

struct StanceRule {
  std::string id;
  std::string stance;
  std::string file_name;
  std::string file_version;
  SourceLocation where;
  int priority = 0;
  int order = 0;  // position across all files, the last tie-break
  enum class Negation { kDrop, kFlip, kMark, kIgnore };
  Negation negation = Negation::kDrop;
  // Active rules do not fire on a passive cue ("X, who is backed by Y");
  // passive rules are written for it; `any` rules do not care.
  enum class Voice { kActive, kPassive, kAny };
  Voice voice = Voice::kActive;
  // Shared by every rule whose pattern is written the same way: it is
  // compiled once.
  std::shared_ptr<const re2::RE2> re;
  std::string pattern_text;  // as written, for explanations
  CompiledPattern pattern;
  std::vector<int> slot_groups;  // RE2 capture index of each pattern.slots entry
  std::vector<int> cue_groups;   // and of each pattern.cues entry
  // The pattern opens with a holder slot, so a match starts where
  // MatchText::holder_starts() says a holder can.
  bool opens_with_holder = false;
  std::vector<std::string> holder_slots;  // slot names
  std::string target_slot;
  std::vector<RuleExample> examples;
  std::vector<RuleExample> counter_examples;
  // The order of an earlier rule that matches exactly like this one (same
  // regex, slots, stance, negation, voice, holders and target; only the id
  // and file differ), or -1. Its candidates on a sentence are this rule's
  // too, so they are computed once: a rule set that repeats patterns under
  // new ids costs little more than one that does not.
  int twin_of = -1;
};

struct RuleSet::Data {
  std::map<std::string, StanceLabel> labels;
  std::unique_ptr<Lexicon> lexicon;
  std::unique_ptr<StancePatternContext> context;
  std::unique_ptr<TargetTable> targets;
  std::vector<std::unique_ptr<StanceRule>> rules;
  // The prefilter. Every rule's pattern names clauses of words a sentence
  // must contain for it to match (CompiledPattern::required): all clauses,
  // each by one of its words. `words` is one RE2::Set over all those words;
  // `clauses_of_word[w]` lists the (rule, clause) pairs word w meets. A
  // sentence runs the Set once; only the rules whose clauses it all meets,
  // and `unfiltered` (rules that need no particular word), run their own RE2.
  // At most 64 clauses a rule are kept (the most selective).
  struct ClauseRef {
    int rule;
    int clause;
  };
  std::unique_ptr<re2::RE2::Set> words;  // null when no rule needs a word
  std::vector<std::vector<ClauseRef>> clauses_of_word;
  // The same relation the other way, and the words themselves (by index in
  // `words`): a rule that opens with a holder must start before the last
  // place each of its clauses is met, which bounds where it is tried.
  std::vector<std::string> word_text;
  std::vector<std::vector<std::vector<int>>> words_of_clause;  // [rule][clause]
  std::vector<uint64_t> all_clauses;  // per rule: the mask of its clauses
  std::vector<int> unfiltered;
  std::unique_ptr<re2::RE2> negator;  // from lexicon entry 'negator'
  std::unique_ptr<re2::RE2> hedge;    // from lexicon entry 'hedge'
  std::unique_ptr<re2::RE2> passive;  // from lexicon entry 'passive_aux'
  std::unique_ptr<re2::RE2> determiner;  // 'determiner': adjectival participles
  std::unique_ptr<re2::RE2> unasserted;  // 'unasserted': "accused X of"
  std::vector<std::string> sources;   // name:version of every file
};

}  // namespace stance

#endif  // STANCE_PIPELINE_STANCE_RULES_H_
