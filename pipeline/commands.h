// Commands: what each `stance` subcommand does. The CLI (cli/stance_main.cc)
// only turns flags into these options and calls one Run function, so every
// behaviour here can be tested without a process.
//
//   BatchOptions options;
//   options.inputs = {"articles/"};
//   int exit_code = RunExtract(options, Console{&std::cout, &std::cerr});
//
// Batch commands (extract, quotes, sentences) process every input they can:
// a missing file, an unreadable one, a broken JSONL line or a document the
// pipeline refuses is one line on `err` (and one --errors record), and the
// rest of the batch goes on. Documents in = documents written + errors.
//
// Exit codes: 0 all went well; 1 some documents failed (or the output could
// not be written, or some rows did not fit in a workbook); 2 usage error or
// the rules failed to load (nothing is processed then).
//
// Not thread-safe: a command owns the console while it runs.
#ifndef STANCE_PIPELINE_COMMANDS_H_
#define STANCE_PIPELINE_COMMANDS_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace stance {

enum ExitCode : int {
  kExitOk = 0,
  kExitFailed = 1,  // some documents failed, or writing the output did
  kExitUsage = 2,   // bad flags, or the rules failed to load
};

// Where a command writes. Both streams must outlive the command.
struct Console {
  std::ostream* out = nullptr;  // records, when no output file is named
  std::ostream* err = nullptr;  // one line per error, warning or summary
  // Print the summary line even without --verbose. Default: false (the CLI
  // sets it when stderr is a terminal).
  bool err_is_terminal = false;
};

// The options the batch commands share. Field names are the flag names.
struct BatchOptions {
  // The rules folder. Default: "" (DefaultRulesDir(): $STANCE_RULES, else the
  // checkout's rules/).
  std::string rules;

  // Output format: "jsonl", "csv", "tsv", "xlsx" (extract and quotes; needs
  // `output`, as a workbook is never written to the console), for sentences
  // also "text", for extract also "html" (the review page). Default: ""
  // (jsonl; for sentences, text, or jsonl with --input jsonl).
  std::string format;

  // CSV and TSV for spreadsheets: byte order mark, CRLF, cells that would
  // run as formulas defused (WriterOptions::excel). Default: false.
  bool excel = false;

  // extract: one row per (holder, stance, target, negated) over the whole
  // batch, with counts, instead of one row per claim (the aggregate columns
  // of pipeline/writers/writer.h). Default: false.
  bool aggregate = false;

  // A progress bar on console.err while the batch runs. kAuto: when
  // console.err_is_terminal and the batch is large (more than one input
  // file, --input jsonl, or more than 1 MiB), after 0.3 s. Default: kAuto.
  enum class ShowProgress { kAuto, kAlways, kNever };
  ShowProgress progress = ShowProgress::kAuto;

  // How inputs are read: "text" (one article per file; folders give their
  // *.txt files) or "jsonl" (one {"id", "text"} object per line; folders give
  // their *.jsonl files). Default: "text".
  std::string input = "text";

  // Where records go, written atomically; never one of the inputs.
  // Default: "" (console.out; "-" means the same).
  std::string output;

  // Where to write one JSONL record {"doc", "stage", "message"} per failed
  // document, atomically. Default: "" (none).
  std::string errors;

  // Files, folders, or "-" for standard input. At least one.
  std::vector<std::string> inputs;

  // Print the summary line ("N documents: N written, N failed") and the
  // stages' notes (e.g. a quotation without a speaker) to console.err.
  // Default: false.
  bool verbose = false;

  // Print the seconds spent in each stage, and their shares, to console.err
  // at the end. Default: false.
  bool stage_times = false;

  // Worker threads over documents; 0 means one per core. Output is the same
  // for every value. Default: 1.
  int jobs = 1;

  // Larger documents fail (PipelineOptions::max_document_bytes).
  // Default: 64 MiB.
  size_t max_document_bytes = size_t{64} << 20;
};

// `stance extract`: claims, in jsonl (default), csv, tsv or html.
int RunExtract(const BatchOptions& options, const Console& console);

// `stance quotes`: quotes, in jsonl (default), csv or tsv. Loads the stages
// up to quotes only.
int RunQuotes(const BatchOptions& options, const Console& console);

// `stance sentences`: sentences, one per line (text, default), or jsonl /
// csv / tsv with spans; with --input jsonl, jsonl is one {"id",
// "sentences": [...]} object per input line. Loads the splitter only.
int RunSentences(const BatchOptions& options, const Console& console);

// `stance lint`: prints every diagnostic of the rules folder `rules` ("" =
// DefaultRulesDir()) to console.err, then a count line. Returns 0 when there
// is no error (warnings allowed), 1 when there is one, 2 when the folder is
// missing.
int RunLint(const std::string& rules, const Console& console);

// The options of `stance test`. Field names are the flag names.
struct TestOptions {
  // The rules folder. Default: "" (DefaultRulesDir()).
  std::string rules;

  // Fixture folders, or folders to search for fixtures; with --coverage,
  // any articles (files, or folders of *.txt). Default: {} (the checkout's
  // fixtures/, DefaultFixturesDir()).
  std::vector<std::string> fixtures;

  // Rewrite the expected files from what the rules give now, and say what
  // changed. Default: false.
  bool update = false;

  // Run again whenever a rule file or a fixture changes, reloading the
  // rules each time; a rules error is printed and the watch goes on.
  // Default: false.
  bool watch = false;

  // With --watch: stop after this many runs (for tests); 0 runs until
  // killed. Default: 0.
  int watch_runs = 0;

  // Report how often each rule fired, the rules that never fired and the
  // near misses instead of comparing with expected files. Default: false.
  bool coverage = false;

  // With --coverage: how many near misses to list. Default: 100.
  size_t max_near_misses = 100;

  // Colour the report (ANSI). The CLI sets it when stdout is a terminal and
  // NO_COLOR is not set. Default: false.
  bool color = false;
};

// `stance test`: runs every fixture and prints, per fixture, the claims and
// quotes missing, unexpected and changed, each naming its rule, then
// precision and recall per fixture and overall (see test_report.h). Returns
// 0 when every fixture passes (with --update: when every file was written),
// 1 on any difference, 2 on a usage error or rules that fail to load.
// --coverage returns 0, or 1 when some article could not be processed.
int RunTest(const TestOptions& options, const Console& console);


// The options of `stance explain`. Field names are the flag names.
struct ExplainCommandOptions {
  // The rules folder. Default: "" (DefaultRulesDir()).
  std::string rules;

  // Text files, folders (their *.txt files) or "-". At least one.
  std::vector<std::string> inputs;

  // Explain only this sentence of each input, counted from 0 as the
  // `sentence` of claims is. Default: -1 (every sentence).
  int sentence = -1;

  // Explain only the sentences that contain this text, ignoring case.
  // Excludes `sentence`. Default: "" (every sentence).
  std::string match;

  // "text" (for a person) or "jsonl" (one object per sentence; explain.h).
  // Default: "text".
  std::string format = "text";

  // Colour the text output. Default: false (the CLI sets it when stdout is
  // a terminal and NO_COLOR is not set).
  bool color = false;
};

// `stance explain`: for each selected sentence of each input, the actors,
// quotations, rules let through, matches with their fills, overlap losers,
// drops and claims (pipeline/explain.h), on console.out. Returns 2 for bad
// flags, rules that fail to load, or a --sentence out of range of an input
// (the other inputs are still explained); 1 when an input failed or --match
// found no sentence; else 0.
int RunExplain(const ExplainCommandOptions& options, const Console& console);

// Commands that are not written yet: says
// so on console.err and returns kExitUsage.
int RunNotImplemented(const std::string& command, const Console& console);

}  // namespace stance

#endif  // STANCE_PIPELINE_COMMANDS_H_
