#include "pipeline/commands.h"

#include <cstdio>

#include <algorithm>
#include <exception>
#include <memory>
#include <thread>

#include "pipeline/document.h"
#include "pipeline/document_stream.h"
#include "pipeline/error_log.h"
#include "pipeline/inputs.h"
#include "pipeline/lint.h"
#include "pipeline/ordered_workers.h"
#include "pipeline/output_file.h"
#include "pipeline/pipeline.h"
#include "pipeline/progress.h"
#include "pipeline/stance_trace.h"
#include "pipeline/status.h"
#include "pipeline/writers/writer.h"

namespace stance {
namespace {

using Records = WriterOptions::Records;
using Stage = PipelineOptions::Stage;

// What distinguishes the batch commands.
struct Command {
  const char* name;  // as typed: "extract"
  Stage last_stage;
  Records records;
  const char* default_format;
  const char* noun;  // what a record is, for the summary
};

constexpr Command kExtract{"extract", Stage::kClaims, Records::kClaims, "jsonl",
                           "claim"};
constexpr Command kQuotes{"quotes", Stage::kQuotes, Records::kQuotes, "jsonl",
                          "quote"};
constexpr Command kSentences{"sentences", Stage::kSentences,
                             Records::kSentences, "text", "sentence"};

std::string Plural(size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

size_t CountRecords(Records records, const Document& doc) {
  switch (records) {
    case Records::kClaims:
    case Records::kAggregates:
      return doc.claims.size();
    case Records::kQuotes:
      return doc.quotes.size();
    case Records::kSentences:
    case Records::kSentenceLists:
      break;
  }
  return doc.sentences.size();
}

// Whether a batch of `files` (`bytes` long in all) shows a progress bar.
bool WantsProgressBar(const BatchOptions& options, const Console& console,
                      size_t files, uint64_t bytes) {
  using Show = BatchOptions::ShowProgress;
  if (options.progress != Show::kAuto) return options.progress == Show::kAlways;
  return console.err_is_terminal &&
         (files > 1 || options.input == "jsonl" || bytes > (uint64_t{1} << 20));
}

// One run of a batch command over its inputs.
class Batch {
 public:
  // `progress` must outlive the batch; console.err should be its err().
  Batch(const Command& command, const BatchOptions& options,
        const Console& console, Progress* progress)
      : command_(command),
        options_(options),
        console_(console),
        log_(console.err),
        writer_warnings_(console.err),
        progress_(progress) {}

  int Run();

 private:
  // One document on its way through the workers.
  struct Item {
    InputDocument input;
    Document doc;
    CollectingSink diagnostics;  // the document's warnings, replayed in order
    Status status;               // of processing
    StanceTrace trace;           // filled only for writers that explain claims
  };
  // What a worker takes at once: with threads, several documents, because
  // handing over each news article alone cost more in locks and wake-ups
  // than the threads gained. Items are kept for reuse; the first `count`
  // are this job's.
  struct Job {
    std::vector<Item> items;
    size_t count = 0;
  };

  // Checks the flags and opens the outputs. On failure prints why and
  // returns false.
  bool Prepare(const std::vector<std::string>& files);
  bool LoadPipeline();
  // Finishes the writer, commits the output and error files, and reports
  // an output that failed (kept in output_status_).
  void FinishOutputs();
  // Runs the pipeline on one job (on a worker thread).
  void Process(Item& item) const;
  // Reports or writes one finished document (on the batch's thread, in
  // input order).
  void Emit(Item& item);
  // Reads the next documents into `job`, as many as one job takes; false
  // when the input had none left.
  bool Fill(DocumentStream& stream, int threads, Job* job);
  int Jobs() const;
  // A line on err: "stance <command>: <message>".
  void Say(const std::string& message) {
    *console_.err << "stance " << command_.name << ": " << message << '\n';
  }

  const Command& command_;
  const BatchOptions& options_;
  const Console& console_;
  ErrorLog log_;
  ConsoleDiagnostics writer_warnings_;
  Progress* const progress_;

  std::unique_ptr<OutputFile> output_file_;
  std::unique_ptr<OutputFile> errors_file_;
  std::unique_ptr<Writer> writer_;
  std::unique_ptr<Pipeline> pipeline_;
  Status output_status_;
  size_t documents_in_ = 0;  // every input, file or JSONL line, tried
  size_t written_ = 0;
  size_t records_ = 0;
};

int Batch::Run() {
  if (options_.input != "text" && options_.input != "jsonl") {
    Say("--input must be text or jsonl, not '" + options_.input + "'");
    return kExitUsage;
  }
  if (options_.inputs.empty()) {
    Say("no inputs (name files, folders, or - for standard input)");
    return kExitUsage;
  }
  std::vector<std::string> files;
  std::vector<Status> missing;
  CollectInputs(options_.inputs, options_.input == "jsonl" ? ".jsonl" : ".txt",
                &files, &missing);
  if (!Prepare(files) || !LoadPipeline()) return kExitUsage;
  for (const Status& s : missing) {
    ++documents_in_;
    log_.Report(s.location().path, "input", s);
  }

  uint64_t bytes = InputBytes(files);
  if (WantsProgressBar(options_, console_, files.size(), bytes)) {
    const bool forced =
        options_.progress == BatchOptions::ShowProgress::kAlways;
    progress_->Start(options_.input == "jsonl" ? 0 : files.size(), bytes,
                     forced ? Progress::Clock::duration::zero()
                            : Progress::kFirstDrawDelay);
  }
  DocumentStream stream(std::move(files),
                        options_.input == "jsonl" ? DocumentStream::kJsonl
                                                  : DocumentStream::kText,
                        std::min(options_.max_document_bytes, kMaxDocumentBytes));
  {
    const int threads = Jobs();
    OrderedWorkers<Job> workers(
        threads,
        [this](Job& job) {
          for (size_t i = 0; i < job.count; ++i) Process(job.items[i]);
        },
        [this](Job& job) {
          for (size_t i = 0; i < job.count; ++i) Emit(job.items[i]);
        });
    // Once the output fails, nothing more is read.
    while (output_status_.ok()) {
      Job& job = workers.Acquire();
      if (!output_status_.ok() || !Fill(stream, threads, &job)) break;
      workers.Submit();
    }
    workers.Finish();
  }
  progress_->Finish();
  FinishOutputs();
  if (options_.stage_times) {
    std::array<double, 5> seconds = pipeline_->stage_seconds();
    double total = 0;
    for (double t : seconds) total += t;
    std::string line = "stage times:";
    for (size_t i = 0; i < seconds.size(); ++i) {
      char piece[96];
      std::snprintf(piece, sizeof(piece), " %s %.3f s (%.0f%%)", Pipeline::kStageNames[i],
                    seconds[i], total > 0 ? 100 * seconds[i] / total : 0.0);
      line += piece;
    }
    Say(line);
  }
  if (options_.verbose || console_.err_is_terminal) {
    size_t failed = static_cast<size_t>(log_.count());
    // Counted apart from written_ and failed, so that a document lost on
    // the way would show as a sum that does not add up.
    Say(Plural(documents_in_, "document") + ": " +
        std::to_string(written_) + " written, " + std::to_string(failed) +
        " failed; " + Plural(records_, command_.noun));
  }
  return log_.count() > 0 || !output_status_.ok() ||
                 writer_warnings_.errors() > 0
             ? kExitFailed
             : kExitOk;
}

void Batch::FinishOutputs() {
  if (output_status_.ok()) output_status_ = writer_->Finish();
  if (output_status_.ok() && output_file_ != nullptr) {
    output_status_ = output_file_->Commit();
  }
  if (!output_status_.ok()) {
    std::string where =
        output_file_ != nullptr ? output_file_->path() : "<stdout>";
    *console_.err << (output_status_.location().empty()
                          ? where + ": " + output_status_.message()
                          : output_status_.ToString())
                  << '\n';
  }
  if (errors_file_ != nullptr) {
    *errors_file_->stream() << log_.records();
    Status s = errors_file_->Commit();
    if (!s.ok()) {
      *console_.err << s.ToString() << '\n';
      if (output_status_.ok()) output_status_ = s;
    }
  }
}

bool Batch::Prepare(const std::vector<std::string>& files) {
  const bool to_file =
      !options_.output.empty() && options_.output != kStdinPath;
  Status s = CheckNotAnInput(options_.output, files);
  if (s.ok()) s = CheckNotAnInput(options_.errors, files);
  if (s.ok() && to_file)
    s = CheckNotAnInput(options_.errors, {options_.output});
  if (!s.ok()) {
    *console_.err << s.ToString() << '\n';
    return false;
  }

  std::string format = options_.format;
  if (format.empty()) {
    // JSONL in, JSONL out: for sentences, one list per input line.
    format = options_.input == "jsonl" ? "jsonl" : command_.default_format;
  }
  WriterOptions writer_options;
  writer_options.records = command_.records;
  if (command_.records == Records::kSentences && options_.input == "jsonl" &&
      format == "jsonl") {
    writer_options.records = Records::kSentenceLists;
  }
  if (format == "text" && command_.records != Records::kSentences) {
    Say("unknown format 'text' (expected jsonl, csv, tsv or xlsx)");
    return false;
  }
  if (format == "xlsx" && !to_file) {
    Say("--format xlsx writes a binary workbook, never to the console: name "
        "the file with -o FILE");
    return false;
  }
  if (options_.aggregate) {
    if (command_.records != Records::kClaims) {
      Say("--aggregate counts claims: it is for stance extract");
      return false;
    }
    writer_options.records = Records::kAggregates;
  }
  writer_options.excel = options_.excel;
  writer_options.warnings = &writer_warnings_;

  std::ostream* out = console_.out;
  if (to_file) {
    s = OutputFile::Open(options_.output, &output_file_);
    if (s.ok()) out = output_file_->stream();
  }
  if (s.ok() && !options_.errors.empty())
    s = OutputFile::Open(options_.errors, &errors_file_);
  if (!s.ok()) {
    *console_.err << s.ToString() << '\n';
    return false;
  }
  s = NewWriter(format, writer_options, out, &writer_);
  if (!s.ok()) {
    Say(s.message());
    return false;
  }
  return true;
}

bool Batch::LoadPipeline() {
  PipelineOptions options;
  options.rules_dir = options_.rules;
  options.last_stage = command_.last_stage;
  options.max_document_bytes = options_.max_document_bytes;
  options.time_stages = options_.stage_times;
  CollectingSink sink;
  Status s = Pipeline::Create(options, &pipeline_, &sink);
  for (const Diagnostic& d : sink.diagnostics())
    *console_.err << d.ToString() << '\n';
  if (s.ok()) return true;
  if (!sink.has_errors()) *console_.err << s.ToString() << '\n';
  std::string dir = options_.rules.empty() ? DefaultRulesDir() : options_.rules;
  Say("the rules in " + dir + " failed to load; nothing was processed");
  return false;
}

int Batch::Jobs() const {
  if (options_.jobs > 0) return options_.jobs;
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

bool Batch::Fill(DocumentStream& stream, int threads, Job* job) {
  // Enough to make a handover rare, little enough that 2 * threads jobs in
  // flight stay small beside the documents themselves.
  constexpr size_t kJobDocuments = 32;
  constexpr size_t kJobBytes = size_t{1} << 18;
  const size_t most = threads > 1 ? kJobDocuments : 1;
  size_t bytes = 0;
  job->count = 0;
  while (job->count < most && bytes < kJobBytes) {
    if (job->items.size() == job->count) job->items.emplace_back();
    Item& item = job->items[job->count];
    if (!stream.Next(&item.input)) break;
    bytes += item.input.text.size();
    ++job->count;
  }
  return job->count > 0;
}

void Batch::Process(Item& item) const {
  item.diagnostics.clear();
  item.status = Status::OK();
  if (!item.input.status.ok()) return;
  // A stage that throws fails this document, not the batch.
  try {
    item.status = pipeline_->Process(item.input.id, std::move(item.input.text), &item.doc,
                                     &item.diagnostics,
                                     writer_->wants_trace() ? &item.trace : nullptr);
  } catch (const std::exception& e) {
    item.status = Status::Internal(std::string("internal error: ") + e.what());
  }
}

void Batch::Emit(Item& item) {
  ++documents_in_;
  const bool processed = item.input.status.ok() && item.status.ok();
  progress_->Add(processed ? item.doc.original.size() : 0);
  const std::string& id = item.input.id;
  if (!item.input.status.ok()) {
    log_.Report(id, item.input.stage, item.input.status);
    return;
  }
  DocumentWarnings warnings(&id, console_.err, options_.verbose);
  for (const Diagnostic& d : item.diagnostics.diagnostics()) warnings.Report(d);
  if (!item.status.ok()) {
    log_.Report(id, "process", item.status);
    return;
  }
  // After a failed write the rest is only counted as not written.
  if (!output_status_.ok()) return;
  output_status_ = writer_->wants_trace() ? writer_->Write(item.doc, &item.trace)
                                          : writer_->Write(item.doc);
  if (!output_status_.ok()) return;
  ++written_;
  records_ += CountRecords(command_.records, item.doc);
}

// Runs `command` with every message on console.err passing through the
// progress bar, which erases itself before each.
int RunBatch(const Command& command, const BatchOptions& options,
             const Console& console) {
  Progress progress(console.err);
  Console with_progress = console;
  with_progress.err = progress.err();
  return Batch(command, options, with_progress, &progress).Run();
}

}  // namespace

int RunExtract(const BatchOptions& options, const Console& console) {
  return RunBatch(kExtract, options, console);
}

int RunQuotes(const BatchOptions& options, const Console& console) {
  return RunBatch(kQuotes, options, console);
}

int RunSentences(const BatchOptions& options, const Console& console) {
  return RunBatch(kSentences, options, console);
}

int RunLint(const std::string& rules, const Console& console) {
  std::string dir = rules.empty() ? DefaultRulesDir() : rules;
  LintReport report;
  Status s = LintRules(dir, &report);
  if (!s.ok()) {
    *console.err << s.ToString() << '\n';
    return kExitUsage;
  }
  for (const Diagnostic& d : report.diagnostics)
    *console.err << d.ToString() << '\n';
  *console.err << dir << ": ";
  if (report.errors > 0) {
    *console.err << Plural(report.errors, "error") << ", "
                 << Plural(report.warnings, "warning");
  } else if (report.warnings > 0) {
    *console.err << "ok, " << Plural(report.warnings, "warning");
  } else {
    *console.err << "ok";
  }
  *console.err << " (" << Plural(report.files, "file") << ")\n";
  return report.errors > 0 ? kExitFailed : kExitOk;
}

int RunNotImplemented(const std::string& command, const Console& console) {
  *console.err << "stance " << command << ": not implemented yet\n";
  return kExitUsage;
}

}  // namespace stance
