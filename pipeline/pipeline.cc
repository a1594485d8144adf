#include "pipeline/pipeline.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <future>

#include "pipeline/actors.h"
#include "pipeline/normalize.h"
#include "pipeline/quotes.h"
#include "pipeline/sentences.h"
#include "pipeline/stance.h"

namespace stance {

std::string DefaultRulesDir() {
  const char* env = std::getenv("STANCE_RULES");
  if (env != nullptr && *env != '\0') return env;
  return STANCE_DEFAULT_RULES_DIR;
}

Pipeline::Pipeline(const PipelineOptions& options) : options_(options) {}
Pipeline::~Pipeline() = default;

Status Pipeline::Create(const PipelineOptions& options, std::unique_ptr<Pipeline>* out,
                        DiagnosticSink* sink) {
  out->reset();
  PipelineOptions resolved = options;
  if (resolved.rules_dir.empty()) resolved.rules_dir = DefaultRulesDir();
  std::unique_ptr<Pipeline> p(new Pipeline(resolved));
  const std::string& dir = resolved.rules_dir;
  using Stage = PipelineOptions::Stage;

  Status s = SentenceSplitter::Create(dir + "/abbreviations.yaml", &p->splitter_);
  if (!s.ok()) {
    sink->Report({Diagnostic::kError, s.location(), s.message(), {}});
    return s;
  }
  // Every later loader runs even when an earlier one failed, so one run shows
  // all the problems of a rules folder.
  Status first;
  auto keep = [&first](Status st) {
    if (first.ok() && !st.ok()) first = st;
  };
  // The actor table and the rule set do not depend on each other, and each
  // takes tens of milliseconds: they load side by side, each reporting to a
  // sink of its own that is replayed in a fixed order afterwards.
  CollectingSink actor_diagnostics;
  std::future<Status> actors;
  if (resolved.last_stage >= Stage::kActors) {
    Pipeline* pipeline = p.get();
    actors = std::async(std::launch::async, [pipeline, &dir, &actor_diagnostics] {
      return ActorTable::Load(dir + "/actors", &pipeline->actors_, &actor_diagnostics);
    });
  }
  CollectingSink rule_diagnostics;
  if (resolved.last_stage >= Stage::kQuotes) {
    keep(QuoteAttributor::Load(dir + "/quotes", &p->quotes_, &rule_diagnostics));
  }
  if (resolved.last_stage >= Stage::kClaims) {
    keep(RuleSet::Load(dir, &p->rules_, &rule_diagnostics));
  }
  if (actors.valid()) keep(actors.get());
  for (const Diagnostic& d : actor_diagnostics.diagnostics()) sink->Report(d);
  for (const Diagnostic& d : rule_diagnostics.diagnostics()) sink->Report(d);
  if (!first.ok()) return first;
  if (p->rules_ && resolved.check_examples) {
    const Pipeline* pipeline = p.get();
    auto prepare = [pipeline](std::string_view text, Document* doc) {
      *doc = Document();
      doc->original = std::string(text);
      NullSink quiet;
      Normalize(doc, &quiet);
      pipeline->splitter_->Annotate(doc);
      pipeline->actors_->Annotate(doc);
      pipeline->quotes_->Annotate(doc, &quiet);
    };
    if (p->rules_->CheckExamples(prepare, sink) > 0) {
      return Status::RuleError("rules fail their own examples", {dir});
    }
  }
  *out = std::move(p);
  return Status::OK();
}

Status Pipeline::Process(std::string_view id, std::string text, Document* doc,
                         DiagnosticSink* sink, StanceTrace* trace) const {
  *doc = Document();
  doc->id = std::string(id);
  const size_t limit = std::min(options_.max_document_bytes, kMaxDocumentBytes);
  if (text.size() > limit) {
    return Status::InvalidArgument("document is " + std::to_string(text.size()) +
                                   " bytes, over the limit of " + std::to_string(limit));
  }
  NullSink null_sink;
  if (sink == nullptr) sink = &null_sink;
  doc->original = std::move(text);
  using Clock = std::chrono::steady_clock;
  const bool timed = options_.time_stages;
  Clock::time_point last = timed ? Clock::now() : Clock::time_point();
  auto lap = [&](int stage) {
    if (!timed) return;
    Clock::time_point now = Clock::now();
    stage_ns_[stage].fetch_add(
        std::chrono::duration_cast<std::chrono::nanoseconds>(now - last).count(),
        std::memory_order_relaxed);
    last = now;
  };
  Normalize(doc, sink);
  lap(0);
  splitter_->Annotate(doc);
  lap(1);
  if (actors_) actors_->Annotate(doc);
  lap(2);
  if (quotes_) quotes_->Annotate(doc, sink);
  lap(3);
  if (rules_) rules_->Annotate(doc, sink, trace);
  lap(4);
  return Status::OK();
}

std::array<double, 5> Pipeline::stage_seconds() const {
  std::array<double, 5> out{};
  for (size_t i = 0; i < out.size(); ++i) out[i] = stage_ns_[i].load() / 1e9;
  return out;
}

}  // namespace stance
