// `stance explain`: runs the pipeline with a stance trace over each input and
// prints the explanation of the selected sentences (explain.h).
#include <utf8proc.h>

#include <cctype>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <memory>

#include "pipeline/commands.h"
#include "pipeline/error_log.h"
#include "pipeline/explain.h"
#include "pipeline/inputs.h"
#include "pipeline/pipeline.h"
#include "pipeline/stance_trace.h"

namespace stance {
namespace {

// `s` case-folded (Unicode when it is valid UTF-8, ASCII otherwise), so that
// --match finds "Ukraine" in "UKRAINE" and "Zürich" in "ZÜRICH".
std::string Folded(std::string_view s) {
  utf8proc_uint8_t* folded = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &folded,
                                    static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD));
  if (n >= 0) {
    std::string out(reinterpret_cast<char*>(folded), static_cast<size_t>(n));
    std::free(folded);
    return out;
  }
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class Explainer {
 public:
  Explainer(const ExplainCommandOptions& options, const Console& console)
      : options_(options), console_(console), log_(console.err) {}

  int Run();

 private:
  bool CheckFlags();
  bool LoadPipeline();
  void ExplainFile(const std::string& path);
  // The sentences of `doc` to explain; reports an --sentence out of range.
  std::vector<int> Selected(const Document& doc);
  void Say(const std::string& message) { *console_.err << "stance explain: " << message << '\n'; }

  const ExplainCommandOptions& options_;
  const Console& console_;
  ErrorLog log_;
  std::unique_ptr<Pipeline> pipeline_;
  ExplainOptions render_;
  std::string folded_match_;
  bool bad_index_ = false;
  size_t explained_ = 0;
};

int Explainer::Run() {
  if (!CheckFlags()) return kExitUsage;
  std::vector<std::string> files;
  std::vector<Status> missing;
  CollectInputs(options_.inputs, ".txt", &files, &missing);
  if (!LoadPipeline()) return kExitUsage;
  for (const Status& s : missing) log_.Report(s.location().path, "input", s);
  render_.color = options_.color && options_.format == "text";
  std::error_code ec;
  render_.path_base = std::filesystem::current_path(ec).string();
  folded_match_ = Folded(options_.match);
  for (const std::string& path : files) ExplainFile(path);
  if (bad_index_) return kExitUsage;
  if (!options_.match.empty() && explained_ == 0 && log_.count() == 0) {
    Say("no sentence contains '" + options_.match + "'");
    return kExitFailed;
  }
  return log_.count() > 0 ? kExitFailed : kExitOk;
}

bool Explainer::CheckFlags() {
  if (options_.format != "text" && options_.format != "jsonl") {
    Say("--format must be text or jsonl, not '" + options_.format + "'");
    return false;
  }
  if (options_.sentence < -1) {
    Say("--sentence must be a sentence index, 0 or more");
    return false;
  }
  if (options_.sentence >= 0 && !options_.match.empty()) {
    Say("give --sentence or --match, not both");
    return false;
  }
  if (options_.inputs.empty()) {
    Say("no inputs (name files, folders, or - for standard input)");
    return false;
  }
  return true;
}

bool Explainer::LoadPipeline() {
  PipelineOptions options;
  options.rules_dir = options_.rules;
  CollectingSink sink;
  Status s = Pipeline::Create(options, &pipeline_, &sink);
  for (const Diagnostic& d : sink.diagnostics()) *console_.err << d.ToString() << '\n';
  if (s.ok()) return true;
  if (!sink.has_errors()) *console_.err << s.ToString() << '\n';
  Say("the rules in " + (options_.rules.empty() ? DefaultRulesDir() : options_.rules) +
      " failed to load; nothing was explained");
  return false;
}

std::vector<int> Explainer::Selected(const Document& doc) {
  const int count = static_cast<int>(doc.sentences.size());
  std::vector<int> out;
  if (options_.sentence >= 0) {
    if (options_.sentence < count) return {options_.sentence};
    Say(doc.id + ": --sentence " + std::to_string(options_.sentence) + " is out of range: it has " +
        std::to_string(count) + " sentence" + (count == 1 ? "" : "s") +
        (count > 0 ? " (0 to " + std::to_string(count - 1) + ")" : ""));
    bad_index_ = true;
    return out;
  }
  for (int si = 0; si < count; ++si) {
    if (!options_.match.empty()) {
      const Sentence& s = doc.sentences[si];
      if (Folded(doc.Original(s.span)).find(folded_match_) == std::string::npos &&
          Folded(doc.Text(s.norm)).find(folded_match_) == std::string::npos) {
        continue;
      }
    }
    out.push_back(si);
  }
  return out;
}

void Explainer::ExplainFile(const std::string& path) {
  const std::string id = DocumentIdFor(path);
  std::string text;
  Status s = ReadInput(path, &text);
  if (!s.ok()) {
    log_.Report(id, "read", s);
    return;
  }
  Document doc;
  StanceTrace trace;
  NullSink quiet;
  // A stage that throws fails this document, not the run.
  try {
    s = pipeline_->Process(id, std::move(text), &doc, &quiet, &trace);
  } catch (const std::exception& e) {
    s = Status::Internal(std::string("internal error: ") + e.what());
  }
  if (!s.ok()) {
    log_.Report(id, "process", s);
    return;
  }
  std::vector<int> selected = Selected(doc);
  if (selected.empty()) return;
  std::ostream& out = *console_.out;
  if (options_.format == "text") {
    std::string heading = id + ": " + std::to_string(doc.sentences.size()) + " sentences, " +
                          std::to_string(doc.claims.size()) + " claims";
    out << (render_.color ? "\x1b[1;4m" + heading + "\x1b[0m" : heading) << "\n\n";
  }
  for (int si : selected) {
    if (options_.format == "jsonl") {
      out << ExplainSentenceJson(doc, trace, si, render_) << '\n';
    } else {
      out << ExplainSentenceText(doc, trace, si, render_) << '\n';
    }
    ++explained_;
  }
  out.flush();
}

}  // namespace

int RunExplain(const ExplainCommandOptions& options, const Console& console) {
  return Explainer(options, console).Run();
}

}  // namespace stance
