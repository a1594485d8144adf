// Document: the one model every stage reads and writes.
//
// The original bytes are kept exactly as given. Matching runs on `text`, the
// normalised copy (see normalize.h); `offsets` maps any offset in `text` back
// to `original`. Every annotation carries two spans: `span`, byte offsets
// [begin, end) into `original`, which is what users and writers see, and
// `norm`, the same span in `text`, which later stages match on.
//
// Each stage writes only its own field and reads only those of earlier stages:
//   normalize  -> text, offsets
//   sentences  -> sentences
//   actors     -> actor_mentions
//   quotes     -> quotes
//   stance     -> claims
// A Document is not thread-safe; one thread works on it at a time.
#ifndef STANCE_PIPELINE_DOCUMENT_H_
#define STANCE_PIPELINE_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stance {

// A byte range [begin, end).
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
  bool Overlaps(const Span& o) const { return begin < o.end && o.begin < end; }
  bool operator==(const Span& o) const = default;
};

// Maps offsets in normalised text back to the original. Stored as breakpoints:
// from `norm` on, offsets map to `orig + (n - norm)` until the next
// breakpoint. Normalisation changes few bytes, so the map stays small.
class OffsetMap {
 public:
  struct Breakpoint {
    uint32_t norm;
    uint32_t orig;
  };

  // REQUIRES: breakpoints are added in increasing `norm` order.
  void Add(uint32_t norm, uint32_t orig);
  uint32_t ToOriginal(uint32_t norm) const;
  Span ToOriginal(Span norm) const { return {ToOriginal(norm.begin), ToOriginal(norm.end)}; }
  const std::vector<Breakpoint>& breakpoints() const { return breakpoints_; }
  void clear() { breakpoints_.clear(); }

 private:
  std::vector<Breakpoint> breakpoints_;
};

struct Sentence {
  Span span;  // original
  Span norm;  // normalised
};

enum class ActorType { kCountry, kOrganisation, kGroup, kPerson };

// "country", "organisation", "group", "person".
const char* ActorTypeName(ActorType type);

// An actor named in the text: "India", "New Delhi", "the Indian delegation",
// "Russian Foreign Minister Sergei Lavrov", a later "Lavrov".
struct ActorMention {
  Span span;
  Span norm;
  int sentence = -1;
  std::string name;         // canonical: "India", "Sergei Lavrov"
  ActorType type = ActorType::kCountry;
  std::string affiliation;  // the state or body it speaks for; itself for states
  std::string role;         // "Foreign Minister" for people with a title
  // A demonym used as an adjective ("Western sanctions", "Afghan assets"):
  // it names the actor but cannot hold a stance.
  bool modifier = false;
};

// A quotation. `span`/`norm` cover the inner text, without the quote marks.
struct Quote {
  Span span;
  Span norm;
  Span outer_norm;          // with the marks
  int sentence = -1;        // sentence holding the opening mark
  int last_sentence = -1;   // sentence holding the closing mark
  std::string speaker;      // canonical name or description; empty if none
  std::string speaker_role;
  std::string speaker_affiliation;
  std::string speaker_type;  // ActorTypeName, or empty
  std::string cue;          // "said", "according to", ...
  Span cue_norm;
  std::string method;       // the layout that attributed it: "quote-comma-cue-speaker", ...
  bool is_term = false;     // scare quotes or a title, not a quotation
};

struct Claim {
  std::string holder;
  std::string holder_type;
  std::string holder_affiliation;
  std::string stance;
  std::string target;
  bool negated = false;
  bool hedged = false;
  std::string speaker;      // set when the claim comes from a quotation
  std::string quote;
  int sentence = -1;        // index into Document::sentences (the evidence)
  Span span;                // the matched text, original offsets
  Span norm;
  std::string cue;          // the stance words that fired
  // Where the holder, cue and target stand, original offsets. Empty when the
  // part is not in the text: a holder who is only a quotation's speaker.
  Span holder_span;
  Span cue_span;
  Span target_span;
  std::string rule;         // rule id
  std::string rule_file;    // rule set name
  std::string rule_version;
};

struct Document {
  std::string id;
  std::string original;
  std::string text;
  OffsetMap offsets;
  std::vector<Sentence> sentences;
  std::vector<ActorMention> actor_mentions;
  std::vector<Quote> quotes;
  std::vector<Claim> claims;

  std::string_view Text(Span norm) const {
    return std::string_view(text).substr(norm.begin, norm.size());
  }
  std::string_view Original(Span span) const {
    return std::string_view(original).substr(span.begin, span.size());
  }
};

}  // namespace stance

#endif  // STANCE_PIPELINE_DOCUMENT_H_
