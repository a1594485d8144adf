// Quotes: consumes Document::text, Document::sentences and
// Document::actor_mentions; produces Document::quotes.
//
// Runs after the actor stage, not before it: attributing a quote means
// knowing who the people in the text are ("He added" resolves to the most
// recent person; "the minister said" to the most recent person with that
// role).
//
// Detection: straight and curly double quotes, guillemets, curly single
// quotes used as quotation marks (an apostrophe never opens a quote), nested
// quotes, quotes over several sentences and paragraphs, partial quotes.
// Scare quotes and titles are flagged `is_term` and get no speaker.
// Attribution: the layouts of news ("Q," X said. / X said, "Q" / X: "Q" /
// According to X, ... / "Q" - X / a speaker from the previous sentence), with
// the cue verbs and phrases read from rules/quotes/*.yaml.
//
// A QuoteAttributor is immutable after Load; its const methods are thread-safe.
#ifndef STANCE_PIPELINE_QUOTES_H_
#define STANCE_PIPELINE_QUOTES_H_

#include <memory>
#include <string>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace stance {

class QuoteAttributor {
 public:
  QuoteAttributor(const QuoteAttributor&) = delete;
  QuoteAttributor& operator=(const QuoteAttributor&) = delete;
  ~QuoteAttributor();

  // Loads the cue lists from `quotes_dir` (rules/quotes). Reports problems to
  // `sink`; on error returns RuleError and leaves *out null.
  static Status Load(const std::string& quotes_dir, std::unique_ptr<QuoteAttributor>* out,
                     DiagnosticSink* sink);

  // The stage: fills doc->quotes. Unbalanced marks and unattributed quotes
  // are reported to `sink` as warnings (which may be null).
  void Annotate(Document* doc, DiagnosticSink* sink) const;

 private:
  struct Data;
  explicit QuoteAttributor(std::unique_ptr<Data> data);
  std::unique_ptr<Data> data_;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_QUOTES_H_
