// Actors: consumes Document::text and Document::sentences; produces
// Document::actor_mentions.
//
// The gazetteer of who can hold a stance, read from rules/actors/*.yaml:
// countries (with aliases, demonyms and capitals used as metonyms:
// "Washington opposes"), organisations and groups (UN bodies, EU, NATO, the
// Taliban, ministries such as the State Department mapped to their country),
// and known people. It also finds people by their titles: "Russian Foreign
// Minister Sergei Lavrov" is the person Sergei Lavrov, role Foreign Minister,
// affiliation Russia, and a later "Lavrov" in the same document is the same
// person. Descriptions such as "the Indian delegation" or "the U.S.
// government" name the country. A demonym used as an adjective ("Western
// sanctions") is marked `modifier`.
//
// Aliases are matched once per sentence with a hash lookup over word n-grams,
// never once per rule, so 100,000 aliases load and match fast. Mentions are
// sorted by position and never overlap (longest match wins).
//
// The rule files' schema and the grammar of titles and descriptions are in
// rules/actors/README.md.
//
// An ActorTable is immutable after Load; its const methods are thread-safe.
#ifndef STANCE_PIPELINE_ACTORS_H_
#define STANCE_PIPELINE_ACTORS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace stance {

struct Actor {
  std::string name;          // canonical
  ActorType type = ActorType::kCountry;
  std::string affiliation;   // canonical name of the state or body it belongs to; itself if empty
  std::string role;          // for known people
};

class ActorTable {
 public:
  ActorTable(const ActorTable&) = delete;
  ActorTable& operator=(const ActorTable&) = delete;
  ~ActorTable();

  // Loads every *.yaml in `actors_dir`. Reports every problem to `sink`
  // (path:line:col) and, if there was any error, returns RuleError and leaves
  // *out null: a table never half-loads.
  static Status Load(const std::string& actors_dir, std::unique_ptr<ActorTable>* out,
                     DiagnosticSink* sink);

  // The actor whose canonical name, alias, demonym or capital is `name`
  // (exact, case-sensitive), or null. Canonical names include the
  // institutions built for every state ("Russian Foreign Ministry").
  const Actor* Find(std::string_view name) const;

  // The stage: fills doc->actor_mentions (replacing what was there) from
  // doc->text within each of doc->sentences, in order. What is remembered
  // of the people met (for a later surname) lasts for this document only.
  void Annotate(Document* doc) const;

  // The number of actors declared in the rule files.
  size_t size() const;

 private:
  struct Data;
  explicit ActorTable(std::unique_ptr<Data> data);
  std::unique_ptr<Data> data_;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_ACTORS_H_
