// RunTest: `stance test`, its --update, --watch and --coverage.
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>

#include "pipeline/commands.h"
#include "pipeline/coverage.h"
#include "pipeline/cue_matcher.h"
#include "pipeline/fixture_run.h"
#include "pipeline/fixture_set.h"
#include "pipeline/inputs.h"
#include "pipeline/pipeline.h"
#include "pipeline/rule_catalog.h"
#include "pipeline/test_report.h"
#include "pipeline/watch.h"

namespace stance {
namespace {

void Say(const Console& console, const std::string& message) {
  *console.err << "stance test: " << message << '\n';
}

std::string RulesDir(const TestOptions& options) {
  return options.rules.empty() ? DefaultRulesDir() : options.rules;
}

// The fixtures (or articles) named, else the checkout's fixtures/: as a
// path from the current folder when it is below it, for shorter lines.
std::vector<std::string> Targets(const TestOptions& options) {
  if (!options.fixtures.empty()) return options.fixtures;
  std::error_code ec;
  std::string relative =
      std::filesystem::proximate(DefaultFixturesDir(), ec).lexically_normal().string();
  if (ec || relative.empty() || relative.rfind("..", 0) == 0) return {DefaultFixturesDir()};
  return {relative};
}

// Loads the whole pipeline from the rules folder; on failure prints every
// diagnostic and returns false.
bool LoadPipeline(const TestOptions& options, const Console& console,
                  std::unique_ptr<Pipeline>* pipeline) {
  PipelineOptions pipeline_options;
  pipeline_options.rules_dir = RulesDir(options);
  CollectingSink sink;
  Status s = Pipeline::Create(pipeline_options, pipeline, &sink);
  for (const Diagnostic& d : sink.diagnostics()) *console.err << d.ToString() << '\n';
  if (s.ok()) return true;
  if (!sink.has_errors()) *console.err << s.ToString() << '\n';
  Say(console, "the rules in " + pipeline_options.rules_dir + " failed to load");
  return false;
}

// One run over the fixtures: compare (and with --update, rewrite).
int RunFixtures(const TestOptions& options, const Console& console) {
  std::vector<std::string> dirs;
  std::vector<Status> errors;
  FindFixtures(Targets(options), &dirs, &errors);
  for (const Status& s : errors) *console.err << s.ToString() << '\n';
  if (!errors.empty()) return kExitUsage;
  std::unique_ptr<Pipeline> pipeline;
  if (!LoadPipeline(options, console, &pipeline)) return kExitUsage;

  TestReport report(console.out, options.color);
  std::vector<FixtureResult> results(dirs.size());
  for (size_t i = 0; i < dirs.size(); ++i) {
    RunFixture(*pipeline, dirs[i], &results[i]);
    report.PrintFixture(results[i]);
  }
  report.PrintSummary(results);
  if (!options.update) {
    for (const FixtureResult& r : results) {
      if (!r.passed()) return kExitFailed;
    }
    return kExitOk;
  }

  *console.out << '\n';
  std::vector<FileUpdate> updates;
  bool failed = false;
  for (const FixtureResult& r : results) {
    UpdateFixture(r, &updates);
    if (!r.processed) {
      failed = true;
      Say(console, r.dir + " not updated: its article could not be processed");
    }
  }
  report.PrintUpdates(updates, results.size());
  for (const FileUpdate& u : updates) failed |= !u.status.ok();
  return failed ? kExitFailed : kExitOk;
}

// One run of --coverage over the articles named (or the fixtures).
int RunCoverage(const TestOptions& options, const Console& console) {
  std::vector<std::string> files;
  std::vector<Status> missing;
  CollectInputs(Targets(options), ".txt", &files, &missing);
  for (const Status& s : missing) *console.err << s.ToString() << '\n';
  if (files.empty()) {
    Say(console, "no articles to measure coverage on");
    return kExitUsage;
  }
  std::unique_ptr<Pipeline> pipeline;
  if (!LoadPipeline(options, console, &pipeline)) return kExitUsage;
  std::unique_ptr<RuleCatalog> catalog;
  std::unique_ptr<CueMatcher> cues;
  Status s = RuleCatalog::Load(RulesDir(options), &catalog);
  if (s.ok()) s = CueMatcher::Create(catalog->lexicon(), catalog->CueEntries(), &cues);
  if (!s.ok()) {
    *console.err << s.ToString() << '\n';
    return kExitUsage;
  }

  Coverage coverage(*catalog, *cues);
  size_t failed = missing.size();
  Document doc;
  NullSink notes;
  for (const std::string& path : files) {
    std::string text;
    s = ReadInput(path, &text);
    if (s.ok()) {
      try {
        s = pipeline->Process(DocumentIdFor(path), std::move(text), &doc, &notes);
      } catch (const std::exception& e) {
        s = Status::Internal(std::string("internal error: ") + e.what());
      }
    }
    if (!s.ok()) {
      ++failed;
      *console.err << (s.location().empty() ? path + ": " + s.message() : s.ToString()) << '\n';
      continue;
    }
    coverage.Add(doc);
  }
  coverage.Print(console.out, options.max_near_misses);
  return failed > 0 ? kExitFailed : kExitOk;
}

// Runs `run` now and again after every change to the rules or the
// fixtures, until killed (or options.watch_runs runs).
int Watch(const TestOptions& options, const Console& console, const std::function<int()>& run) {
  std::unique_ptr<DirectoryWatcher> watcher;
  Status s = DirectoryWatcher::Create(&watcher);
  std::vector<std::string> roots = Targets(options);
  roots.insert(roots.begin(), RulesDir(options));
  for (const std::string& root : roots) {
    if (s.ok()) s = watcher->Watch(root);
  }
  if (!s.ok()) {
    *console.err << s.ToString() << '\n';
    return kExitUsage;
  }
  for (int runs = 1;; ++runs) {
    int code = run();
    console.out->flush();
    if (options.watch_runs > 0 && runs >= options.watch_runs) return code;
    Say(console, "watching " + roots[0] + " and the fixtures for changes (Ctrl-C to stop)");
    console.err->flush();
    // Folders may have been replaced meanwhile (a checkout): watch afresh.
    for (const std::string& root : roots) watcher->Watch(root);
    std::vector<std::string> changed;
    s = watcher->Wait(-1, &changed);
    if (!s.ok()) {
      *console.err << s.ToString() << '\n';
      return kExitUsage;
    }
    std::string names;
    for (const std::string& path : changed) names += (names.empty() ? "" : ", ") + path;
    *console.out << "\n=== run " << runs + 1 << " after a change to " << names << " ===\n";
  }
}

}  // namespace

int RunTest(const TestOptions& options, const Console& console) {
  if (options.update && (options.watch || options.coverage)) {
    Say(console, "--update cannot be combined with --watch or --coverage");
    return kExitUsage;
  }
  if (options.watch_runs < 0) {
    Say(console, "--watch-runs must be 0 or more");
    return kExitUsage;
  }
  std::function<int()> run = [&options, &console] {
    return options.coverage ? RunCoverage(options, console) : RunFixtures(options, console);
  };
  return options.watch ? Watch(options, console, run) : run();
}

}  // namespace stance
