// stance: the command-line tool. A thin main: flags become BatchOptions, one
// Run function of pipeline/commands.h does the work, its result is the exit
// status. See `stance --help`, and `stance <command> --help` for each command.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>

#include "pipeline/commands.h"
#include "pipeline/output_file.h"

namespace {

// Adds the flags the batch commands share, bound to `options`.
void AddBatchFlags(CLI::App* command, const std::vector<std::string>& formats,
                   const std::string& format_help,
                   stance::BatchOptions* options) {
  command->add_option("--format", options->format, format_help)
      ->check(CLI::IsMember(formats))
      ->type_name("FORMAT");
  command
      ->add_option("-o,--output", options->output,
                   "Write to FILE (atomically; never one of the inputs) "
                   "instead of stdout")
      ->type_name("FILE");
  command
      ->add_option(
          "--rules", options->rules,
          "Rules folder (default: $STANCE_RULES, else the checkout's rules/)")
      ->type_name("DIR");
  command
      ->add_option(
          "--input", options->input,
          "text: one article per file (folders give *.txt); jsonl: one "
          "{\"id\",\"text\"} object per line (folders give *.jsonl)")
      ->check(CLI::IsMember({"text", "jsonl"}))
      ->type_name("KIND")
      ->default_str("text");
  command
      ->add_option(
          "--errors", options->errors,
          "Write one JSONL record {\"doc\",\"stage\",\"message\"} per failed "
          "document to FILE")
      ->type_name("FILE");
  command
      ->add_option("--max-document-bytes", options->max_document_bytes,
                   "Fail documents larger than this (default: 64 MiB; at most 1 GiB)")
      ->type_name("N");
  command
      ->add_option("-j,--jobs", options->jobs,
                   "Worker threads over documents (0: one per core; default "
                   "1); the output is the same for any N")
      ->check(CLI::Range(0, 1024))
      ->type_name("N");
  command->add_flag(
      "-v,--verbose", options->verbose,
      "Print a summary and the stages' notes to stderr (the summary always when stderr "
      "is a terminal)");
  command->add_flag("--stage-times", options->stage_times,
                    "Print the time spent in each stage to stderr at the end");
  command->add_flag("--excel", options->excel,
                    "csv/tsv for spreadsheets: UTF-8 byte order mark, CRLF, "
                    "cells starting with = + - @ prefixed with ' so they are "
                    "never run as formulas");
  using Show = stance::BatchOptions::ShowProgress;
  CLI::Option* progress = command->add_flag_callback(
      "--progress", [options] { options->progress = Show::kAlways; },
      "Show a progress bar on stderr even when it is not a terminal or the "
      "batch is small");
  command
      ->add_flag_callback(
          "--no-progress", [options] { options->progress = Show::kNever; },
          "Never show the progress bar (default: shown when stderr is a "
          "terminal and the batch has many documents)")
      ->excludes(progress);
  command
      ->add_option("inputs", options->inputs,
                   "Files, folders (every *.txt below, sorted) or - for stdin")
      ->required()
      ->type_name("INPUTS");
}

void AddExplainFlags(CLI::App* command,
                     stance::ExplainCommandOptions* options) {
  CLI::Option* sentence =
      command
          ->add_option("--sentence", options->sentence,
                       "Explain only sentence N (counted from 0, as in claims)")
          ->check(CLI::NonNegativeNumber)
          ->type_name("N");
  command
      ->add_option("--match", options->match,
                   "Explain only the sentences containing TEXT (any case)")
      ->type_name("TEXT")
      ->excludes(sentence);
  command
      ->add_option(
          "--rules", options->rules,
          "Rules folder (default: $STANCE_RULES, else the checkout's rules/)")
      ->type_name("DIR");
  command
      ->add_option("--format", options->format,
                   "text: for reading (default; coloured on a terminal unless "
                   "NO_COLOR is set); jsonl: one object per sentence")
      ->check(CLI::IsMember({"text", "jsonl"}))
      ->type_name("FORMAT");
  command
      ->add_option("inputs", options->inputs,
                   "Files, folders (every *.txt below, sorted) or - for stdin")
      ->required()
      ->type_name("FILE");
}

// The flags of `stance test`, bound to `options`.
void AddTestFlags(CLI::App* command, stance::TestOptions* options) {
  command
      ->add_option(
          "--rules", options->rules,
          "Rules folder (default: $STANCE_RULES, else the checkout's rules/)")
      ->type_name("DIR");
  command->add_flag(
      "--update", options->update,
      "Rewrite the expected files from what the rules give now (after "
      "reviewing the differences), and say what changed");
  command->add_flag("--watch", options->watch,
                    "Run again whenever a rule file or a fixture changes");
  // For tests of --watch: stop after N runs.
  command->add_option("--watch-runs", options->watch_runs)->group("");
  command->add_flag(
      "--coverage", options->coverage,
      "Show how often each rule fired, the rules that never fired and the "
      "sentences with a stance cue but no claim (over the fixtures, or the "
      "articles named)");
  command
      ->add_option("--max-near-misses", options->max_near_misses,
                   "With --coverage: list at most N near misses (default: 100)")
      ->type_name("N");
  command
      ->add_option("fixtures", options->fixtures,
                   "Fixture folders, or folders holding fixtures (default: the "
                   "checkout's fixtures/); with --coverage, any articles")
      ->type_name("FIXTURES");
}

int Main(int argc, char** argv) {
  CLI::App app(
      "stance: rule-based extraction of stance claims from "
      "international-politics news.",
      "stance");
  app.require_subcommand(1);
  // One line saying what is wrong, then where to look.
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return std::string("stance: ") + e.what() +
           "\nRun 'stance --help' or 'stance COMMAND --help'.\n";
  });

  stance::BatchOptions options;
  CLI::App* extract =
      app.add_subcommand("extract", "Extract stance claims from articles");
  AddBatchFlags(extract, {"jsonl", "csv", "tsv", "xlsx", "html"},
                "jsonl (default), csv, tsv, xlsx (sheets claims and quotes; "
                "needs -o FILE) or html (a review page; use -o)",
                &options);
  extract->add_flag("--aggregate", options.aggregate,
                    "One row per (holder, stance, target, negated) over the "
                    "whole batch: count, documents, first evidence");
  CLI::App* quotes =
      app.add_subcommand("quotes", "List quotations and their speakers");
  AddBatchFlags(quotes, {"jsonl", "csv", "tsv", "xlsx"},
                "jsonl (default), csv, tsv or xlsx (needs -o FILE)", &options);
  CLI::App* sentences =
      app.add_subcommand("sentences", "Split articles into sentences");
  AddBatchFlags(sentences, {"text", "jsonl", "csv", "tsv"},
                "text: one sentence per line (default); jsonl, csv, tsv: with "
                "byte spans. "
                "With --input jsonl, jsonl (the default then) gives "
                "{\"id\",\"sentences\"} "
                "per line",
                &options);

  std::string lint_dir;
  CLI::App* lint = app.add_subcommand(
      "lint",
      "Check every rule file; print each problem with its place and a count");
  lint->add_option("dir", lint_dir,
                   "Rules folder (default: --rules, else the default rules)")
      ->type_name("DIR");
  lint->add_option("--rules", options.rules,
                   "Rules folder, if DIR is not given")
      ->type_name("DIR");

  stance::TestOptions test_options;
  CLI::App* test = app.add_subcommand(
      "test",
      "Run the fixtures and show the claims missing, unexpected or changed, "
      "with the rule responsible");
  AddTestFlags(test, &test_options);
  stance::ExplainCommandOptions explain_options;
  CLI::App* explain = app.add_subcommand(
      "explain",
      "Show why each sentence did or did not give claims: actors, quotes, "
      "rules tried, matches and their slot fills, overlap losers, drops");
  AddExplainFlags(explain, &explain_options);

  // CLI11 would only say "A subcommand is required" for a misspelt one.
  if (argc > 1 && argv[1][0] != '-') {
    try {
      app.get_subcommand(argv[1]);
    } catch (const CLI::OptionNotFound&) {
      std::cerr
          << "stance: unknown command '" << argv[1]
          << "' (expected extract, sentences, quotes, lint, test or explain)\n"
             "Run 'stance --help' for more information.\n";
      return stance::kExitUsage;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? stance::kExitOk : stance::kExitUsage;
  }

  stance::Console console{&std::cout, &std::cerr, isatty(STDERR_FILENO) == 1};
  if (*extract) return stance::RunExtract(options, console);
  if (*quotes) return stance::RunQuotes(options, console);
  if (*sentences) return stance::RunSentences(options, console);
  if (*lint)
    return stance::RunLint(lint_dir.empty() ? options.rules : lint_dir,
                           console);
  if (*test) {
    const char* no_color = std::getenv("NO_COLOR");
    test_options.color = isatty(STDOUT_FILENO) == 1 &&
                         (no_color == nullptr || *no_color == '\0');
    return stance::RunTest(test_options, console);
  }
  if (*explain) {
    const char* no_color = std::getenv("NO_COLOR");
    explain_options.color = isatty(STDOUT_FILENO) == 1 &&
                            (no_color == nullptr || *no_color == '\0');
    return stance::RunExplain(explain_options, console);
  }
  return stance::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  stance::RemoveOutputTemporariesOnSignals();
  try {
    int code = Main(argc, argv);
    std::cout.flush();
    return code;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "stance: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "stance: internal error\n");
  }
  return 3;
}
