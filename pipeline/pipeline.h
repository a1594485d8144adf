// Pipeline: the stages of stance wired together, from article text to claims.
//
//   PipelineOptions options;
//   options.rules_dir = "rules";
//   std::unique_ptr<Pipeline> pipeline;
//   Status s = Pipeline::Create(options, &pipeline, &load_diagnostics);
//   Document doc;
//   s = pipeline->Process("doc-1", text, &doc, &warnings);   // doc.claims filled
//
// Stages, each in its own header: normalize.h -> sentences.h -> actors.h ->
// quotes.h -> stance.h. Rules, lexicons and actor lists are read from
// `rules_dir` at Create time, never compiled in.
//
// A Pipeline is immutable after Create; Process is const and thread-safe, so
// one Pipeline serves many worker threads, each with its own Document.
#ifndef STANCE_PIPELINE_PIPELINE_H_
#define STANCE_PIPELINE_PIPELINE_H_

#include <array>
#include <atomic>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace stance {

class SentenceSplitter;
class ActorTable;
class QuoteAttributor;
class RuleSet;
struct StanceTrace;

struct PipelineOptions {
  // The rules folder. Default: $STANCE_RULES, else the rules/ of the checkout
  // the binary was built from.
  std::string rules_dir;

  // The last stage to run; later stages are neither loaded nor run, so
  // `stance sentences` starts fast. Default: kClaims.
  enum class Stage { kSentences, kActors, kQuotes, kClaims };
  Stage last_stage = Stage::kClaims;

  // Check every rule's examples and counter-examples at Create; a failing
  // example is a rule error. `stance lint` and the tests turn it on; a plain
  // run does not pay for it at start-up. Default: false.
  bool check_examples = false;

  // Measure the time each stage takes, summed over every Process call
  // (Pipeline::stage_seconds). Costs two clock reads per stage. Default: false.
  bool time_stages = false;

  // Documents larger than this are refused with InvalidArgument rather than
  // risking memory; never more than kMaxDocumentBytes. Default: 64 MiB.
  size_t max_document_bytes = 64u << 20;
};

// The largest document any Pipeline takes, whatever its options say: spans
// are 32-bit offsets, and normalising can make a text three times longer
// (each stray byte becomes a 3-byte U+FFFD).
inline constexpr size_t kMaxDocumentBytes = size_t{1} << 30;

// The rules folder to use when none is given: $STANCE_RULES, else the
// checkout's rules/.
std::string DefaultRulesDir();

class Pipeline {
 public:
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;
  ~Pipeline();

  // Loads every rule file the stages up to `options.last_stage` need. Every
  // problem found goes to `sink`; if any is an error, returns RuleError and
  // leaves *out null (a pipeline never half-loads).
  static Status Create(const PipelineOptions& options, std::unique_ptr<Pipeline>* out,
                       DiagnosticSink* sink);

  // Runs the stages over `text`. Non-fatal findings (invalid UTF-8, an
  // unattributed quote) go to `sink`, which may be null. When `trace` is not
  // null, the stance stage records in it why each claim was or was not made
  // (stance_trace.h). Returns InvalidArgument for a document over the size
  // limit.
  Status Process(std::string_view id, std::string text, Document* doc,
                 DiagnosticSink* sink, StanceTrace* trace = nullptr) const;

  const PipelineOptions& options() const { return options_; }

  // Seconds spent in each stage so far, when options().time_stages: in the
  // order of kStageNames.
  static constexpr std::array<const char*, 5> kStageNames = {"normalize", "sentences", "actors",
                                                              "quotes", "claims"};
  std::array<double, 5> stage_seconds() const;
  // Loaded stages; null for those after options().last_stage.
  const SentenceSplitter* splitter() const { return splitter_.get(); }
  const ActorTable* actors() const { return actors_.get(); }
  const QuoteAttributor* quotes() const { return quotes_.get(); }
  const RuleSet* rules() const { return rules_.get(); }

 private:
  explicit Pipeline(const PipelineOptions& options);

  const PipelineOptions options_;
  std::unique_ptr<SentenceSplitter> splitter_;
  std::unique_ptr<ActorTable> actors_;
  std::unique_ptr<QuoteAttributor> quotes_;
  std::unique_ptr<RuleSet> rules_;
  // Nanoseconds per stage; atomic because Process runs on many threads.
  mutable std::array<std::atomic<uint64_t>, 5> stage_ns_{};
};

}  // namespace stance

#endif  // STANCE_PIPELINE_PIPELINE_H_
