// Quote speakers: turns the words a layout found ("Lavrov", "He", "the
// minister", "a State Department spokesperson") into the speaker of a
// quotation, with role and affiliation where known.
//
//  - An actor mention (doc.actor_mentions) over the head of the phrase gives
//    its canonical name, role, affiliation and type.
//  - A description keeps its words without the article ("State Department
//    spokesperson"), with the affiliation of an actor named inside it; "the
//    minister" is the latest person whose role holds "minister", if any.
//  - A capitalised name without a mention has its title split off ("Special
//    Envoy Mohammad Sadiq Khan"), and a lone surname becomes the full name met
//    earlier in the document.
//  - he/she is the latest person, they the latest group or plural speaker,
//    it the latest organisation or country; within the sentence of the
//    latest candidate, the earliest speaker wins (subjects before objects).
//
// Internal to the quote stage. One SpeakerResolver per document; not
// thread-safe (it remembers the speakers of the document so far).
#ifndef STANCE_PIPELINE_QUOTE_SPEAKERS_H_
#define STANCE_PIPELINE_QUOTE_SPEAKERS_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/quote_attribution.h"
#include "pipeline/quote_lexicon.h"
#include "pipeline/quote_tokens.h"

namespace stance {

struct SpeakerInfo {
  std::string name;  // canonical name or description
  std::string role;
  std::string affiliation;
  std::string type;  // ActorTypeName, or empty when unknown
  // A proper name ("Helena Duarte"), not a description ("Brazilian
  // Minister", "State Department spokesperson").
  bool named = false;
  // Which pronouns may refer back to this speaker.
  bool person = false;  // he, she
  bool plural = false;  // they
  bool thing = false;   // it
};

class SpeakerResolver {
 public:
  // `doc` and `lexicon` must outlive the resolver.
  SpeakerResolver(const Document& doc, const QuoteLexicon& lexicon);

  // The speaker named by the noun phrase `np` of `tokens`. Returns false when
  // the phrase names nobody.
  bool FromPhrase(const std::vector<QuoteToken>& tokens, TokenRange np,
                  SpeakerInfo* out);
  // The speaker that a pronoun of class `pronoun` (kPersonPronoun, ...) at
  // normalised offset `at` refers to; false if no candidate is near. Within
  // the sentence of the latest candidate, named people come first.
  // Sets *where to the offset of the candidate.
  bool FromPronoun(uint32_t pronoun, uint32_t at, SpeakerInfo* out,
                   uint32_t* where) const;
  // The first person the actor stage found in `range` (normalised).
  bool FirstPersonIn(Span range, SpeakerInfo* out) const;
  // Remembers `info` as a speaker at normalised offset `at`. REQUIRES: calls
  // come in increasing order of `at`, more or less (quotations in order).
  void Remember(const SpeakerInfo& info, uint32_t at);

 private:
  struct Said {
    SpeakerInfo info;
    uint32_t at;
  };

  std::string TextOf(const std::vector<QuoteToken>& tokens, size_t begin,
                     size_t end) const;
  const ActorMention* MentionOver(Span norm) const;
  SpeakerInfo FromMention(const ActorMention& m) const;
  // The latest named person before `at` whose role holds every word of
  // `words` and, when `affiliation` is not empty, who speaks for it.
  bool PersonWithRole(const std::vector<std::string>& words,
                      const std::string& affiliation, uint32_t at,
                      SpeakerInfo* out) const;
  // The full name that `surname` (one word) stands for, met before `at`.
  bool FullName(const std::string& surname, uint32_t at, SpeakerInfo* out);
  int SentenceOf(uint32_t norm) const;

  const Document& doc_;
  const QuoteLexicon& lexicon_;
  std::vector<Said> said_;
  std::unordered_map<std::string, std::string>
      surnames_;  // surname -> full name ("" if none)
  std::unordered_map<std::string, std::string>
      full_roles_;  // full name -> title before it
};

}  // namespace stance

#endif  // STANCE_PIPELINE_QUOTE_SPEAKERS_H_
